package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// client is one signed-in browser: its own cookie jar, session and CSRF
// token, sharing the connection pool with the others.
type client struct {
	base *url.URL
	hc   *http.Client
	csrf string
}

// requestTimeout bounds one request, so a stuck server ends the run with
// errors instead of hanging it.
const requestTimeout = 30 * time.Second

var csrfField = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

// signIn logs in through the login form, as a person would, and reads the
// session's CSRF token from the API.
func signIn(ctx context.Context, base *url.URL, transport http.RoundTripper, user, password string) (*client, error) {
	jar, err := cookiejar.New(nil)
	if err != nil {
		return nil, err
	}
	c := &client{base: base, hc: &http.Client{Jar: jar, Transport: transport, Timeout: requestTimeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	res, page, err := c.do(ctx, "GET", "/login", nil, "", nil)
	if err != nil {
		return nil, err
	}
	m := csrfField.FindSubmatch(page)
	if res.StatusCode != http.StatusOK || m == nil {
		return nil, fmt.Errorf("GET /login = %d without a form token", res.StatusCode)
	}
	form := url.Values{"username": {user}, "password": {password}, "csrf_token": {string(m[1])}}
	res, page, err = c.do(ctx, "POST", "/login", strings.NewReader(form.Encode()), "application/x-www-form-urlencoded", nil)
	if err != nil {
		return nil, err
	}
	if res.StatusCode != http.StatusSeeOther {
		return nil, fmt.Errorf("sign-in as %q = %d: check -user and -password (%.200s)", user, res.StatusCode, page)
	}
	var me struct {
		CanEdit bool   `json:"can_edit"`
		CSRF    string `json:"csrf_token"`
	}
	if res, err := c.getJSON(ctx, "/api/v1/me", &me); err != nil {
		return nil, err
	} else if res.StatusCode != http.StatusOK || !me.CanEdit || me.CSRF == "" {
		return nil, fmt.Errorf("%q is signed in but may not edit (/api/v1/me = %d)", user, res.StatusCode)
	}
	c.csrf = me.CSRF
	return c, nil
}

// do sends one request and reads the whole answer.
func (c *client) do(ctx context.Context, method, path string, body io.Reader, contentType string, header http.Header) (*http.Response, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.base.String()+path, body)
	if err != nil {
		return nil, nil, err
	}
	for k, v := range header {
		req.Header[k] = v
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if c.csrf != "" && method != "GET" {
		req.Header.Set("X-CSRF-Token", c.csrf)
	}
	res, err := c.hc.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return res, b, err
}

// getJSON reads a JSON answer into out when it is a 200.
func (c *client) getJSON(ctx context.Context, path string, out any) (*http.Response, error) {
	res, b, err := c.do(ctx, "GET", path, nil, "", nil)
	if err != nil {
		return nil, err
	}
	if res.StatusCode == http.StatusOK {
		if err := json.Unmarshal(b, out); err != nil {
			return res, fmt.Errorf("GET %s: %w", path, err)
		}
	}
	return res, nil
}

// sendJSON sends v as JSON and decodes a 2xx answer into out.
func (c *client) sendJSON(ctx context.Context, method, path string, v, out any) (*http.Response, error) {
	body, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	res, b, err := c.do(ctx, method, path, bytes.NewReader(body), "application/json", nil)
	if err != nil {
		return nil, err
	}
	if res.StatusCode/100 == 2 && out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			return res, fmt.Errorf("%s %s: %w", method, path, err)
		}
	}
	return res, nil
}
