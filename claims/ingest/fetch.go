package ingest

import (
	"context"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/factline/factline/claims/apperr"
)

// Fetch limits: a news page is far smaller than this; a larger answer is
// refused rather than read to the end.
const (
	MaxFetchBytes = 8 << 20
	FetchTimeout  = 30 * time.Second
	userAgent     = "factline/1 (newsroom fact timeline; +https://github.com/factline/factline)"
)

// IsURL reports whether s names an http or https resource.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

func parseHTTPURL(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, apperr.Errorf(apperr.Invalid, "%q is not an http(s) URL", s)
	}
	return u, nil
}

// Fetcher downloads articles over HTTP with a timeout, a size cap and a
// User-Agent that names factline. Unless given a Client, it connects only to
// public internet addresses (PublicAddr), checked on the address actually
// dialled, after DNS and on every redirect: whoever names the URL cannot
// make factline read its own ports, a cloud metadata service or the
// intranet. A Fetcher is safe for concurrent use.
type Fetcher struct {
	// Client, when set, is used as it is, without the address guard.
	Client *http.Client
	// AllowPrivate also lets the guard connect to private and shared IPv4
	// ranges, unique-local IPv6 and loopback, for an intranet.
	AllowPrivate bool

	once    sync.Once
	guarded *http.Client
	// lookup and dial, when set, replace DNS and connecting (tests).
	lookup lookupFunc
	dial   dialFunc
}

// client returns the Client, or the fetcher's guarded client.
func (f *Fetcher) client() *http.Client {
	if f.Client != nil {
		return f.Client
	}
	f.once.Do(func() {
		lookup, dial := f.lookup, f.dial
		if lookup == nil {
			lookup = net.DefaultResolver.LookupNetIP
		}
		if dial == nil {
			dial = (&net.Dialer{Timeout: 10 * time.Second}).DialContext
		}
		f.guarded = f.guardedClient(lookup, dial)
	})
	return f.guarded
}

// Fetch downloads rawURL and reads it as HTML or plain text, by its
// Content-Type.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (Document, error) {
	u, body, mediaType, err := f.download(ctx, rawURL, "text/html,application/xhtml+xml,text/plain;q=0.9")
	if err != nil {
		return Document{}, err
	}
	var doc Document
	switch {
	case mediaType == "text/plain":
		doc, err = ParseText(u.String(), body)
	case mediaType == "text/html" || mediaType == "application/xhtml+xml" || mediaType == "":
		doc, err = ParseHTML(u.String(), body, u.String())
	default:
		return Document{}, apperr.Errorf(apperr.Invalid, "fetch %s: content type %q is not an article (HTML or plain text)", u, mediaType)
	}
	if err != nil {
		return Document{}, err
	}
	doc.Kind = "url"
	if doc.URL == "" {
		doc.URL = u.String()
	}
	return doc, nil
}

// download GETs rawURL through the fetcher's client with its timeout and
// size cap, and returns the body with its media type.
func (f *Fetcher) download(ctx context.Context, rawURL, accept string) (*url.URL, []byte, string, error) {
	u, err := parseHTTPURL(rawURL)
	if err != nil {
		return nil, nil, "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, nil, "", err
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", accept)
	resp, err := f.client().Do(req)
	if err != nil {
		return nil, nil, "", fmt.Errorf("fetch %s: %w", u, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, nil, "", fmt.Errorf("fetch %s: %s", u, resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxFetchBytes+1))
	if err != nil {
		return nil, nil, "", fmt.Errorf("fetch %s: %w", u, err)
	}
	if len(body) > MaxFetchBytes {
		return nil, nil, "", apperr.Errorf(apperr.Invalid, "fetch %s: the page is over the %d-byte limit", u, MaxFetchBytes)
	}
	mediaType, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	return u, body, mediaType, nil
}
