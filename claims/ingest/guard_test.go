package ingest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"testing"
)

// errTestDial is the test dialer's refusal: reaching it means the guard let
// the address through, and nothing was connected.
var errTestDial = errors.New("test dialer: refused without connecting")

// recordingDialer stands in for the network in guard tests. It records
// every address the guard let it be asked for and refuses it, except the
// addresses in route, which it connects to a loopback server instead: no
// test ever sends a packet beyond 127.0.0.0/8.
type recordingDialer struct {
	mu     sync.Mutex
	asked  []string
	route  map[string]string
	lookup map[string][]netip.Addr
}

func (d *recordingDialer) dial(ctx context.Context, network, address string) (net.Conn, error) {
	d.mu.Lock()
	d.asked = append(d.asked, address)
	to, ok := d.route[address]
	d.mu.Unlock()
	if !ok {
		return nil, errTestDial
	}
	return (&net.Dialer{}).DialContext(ctx, network, to)
}

func (d *recordingDialer) resolve(_ context.Context, _, host string) ([]netip.Addr, error) {
	if ips, ok := d.lookup[host]; ok {
		return ips, nil
	}
	return nil, &net.DNSError{Err: "no such host in the test resolver", Name: host, IsNotFound: true}
}

func (d *recordingDialer) fetcher(allowPrivate bool) *Fetcher {
	return &Fetcher{AllowPrivate: allowPrivate, lookup: d.resolve, dial: d.dial}
}

// Every special-purpose address is refused before anything is dialled, by
// literal, through DNS, and with AllowPrivate unless it is private or
// loopback; public addresses reach the dialer (which refuses them).
func TestFetchGuardChecksTheDialledAddress(t *testing.T) {
	special := []string{
		"0.0.0.0", "0.1.2.3", "10.1.2.3", "100.64.0.1", "127.0.0.1", "127.8.9.10", "169.254.169.254", "172.16.5.4",
		"172.31.255.255", "192.0.0.8", "192.0.0.170", "192.0.2.1", "192.31.196.1", "192.52.193.1", "192.88.99.1",
		"192.168.0.9", "192.175.48.1", "198.18.0.1", "198.19.255.254", "198.51.100.7", "203.0.113.9", "224.0.0.251",
		"239.255.255.250", "240.0.0.1", "255.255.255.255",
		"::", "::1", "::127.0.0.1", "::8.8.8.8", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::7f00:1", "64:ff9b::808:808",
		"64:ff9b:1::1", "100::1", "2001::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:2::1", "2001:10::1", "2001:db8::1",
		"2002:7f00:1::1", "2002:808:808::1", "3fff::1", "5f00::1", "fc00::1", "fd12:3456::1", "fe80::1", "fec0::1",
		"ff02::1", "4000::1", "::ffff:0:7f00:1",
	}
	private := map[string]bool{"10.1.2.3": true, "100.64.0.1": true, "127.0.0.1": true, "127.8.9.10": true,
		"172.16.5.4": true, "172.31.255.255": true, "192.168.0.9": true, "::1": true, "::ffff:127.0.0.1": true,
		"::ffff:10.0.0.1": true, "fc00::1": true, "fd12:3456::1": true}
	public := []string{"8.8.8.8", "1.1.1.1", "93.184.215.14", "::ffff:8.8.8.8", "2606:4700::1111", "2a00:1450:4001::200e"}
	for _, allowPrivate := range []bool{false, true} {
		for _, addr := range append(special, public...) {
			ip := netip.MustParseAddr(addr)
			wantDial := !slices.Contains(special, addr) || (allowPrivate && private[addr])
			for _, how := range []string{"literal", "dns"} {
				d := &recordingDialer{lookup: map[string][]netip.Addr{"news.example": {ip}}}
				host := "news.example"
				if how == "literal" {
					host = addr
					if ip.Is6() {
						host = "[" + addr + "]"
					}
				}
				_, err := d.fetcher(allowPrivate).Fetch(context.Background(), "http://"+host+"/story")
				name := fmt.Sprintf("%s by %s (allow private %v)", addr, how, allowPrivate)
				switch {
				case err == nil:
					t.Fatalf("%s: fetched", name)
				case wantDial && (len(d.asked) != 1 || !errors.Is(err, errTestDial)):
					t.Errorf("%s: dialled %v (%v), want the guard to let it through", name, d.asked, err)
				case !wantDial && (len(d.asked) != 0 || !strings.Contains(err.Error(), "not a public")):
					t.Errorf("%s: dialled %v (%v), want it refused before dialling", name, d.asked, err)
				}
			}
		}
	}
}

// A name with any inward address is refused whole, before any dial, so a
// resolver that answers both cannot make a fetch land inside.
func TestFetchGuardRefusesANameWithAnyInwardAddress(t *testing.T) {
	d := &recordingDialer{lookup: map[string][]netip.Addr{
		"mixed.example": {netip.MustParseAddr("93.184.215.14"), netip.MustParseAddr("10.0.0.5")},
	}}
	_, err := d.fetcher(false).Fetch(context.Background(), "http://mixed.example/")
	if err == nil || !strings.Contains(err.Error(), "10.0.0.5 is not a public address") || len(d.asked) != 0 {
		t.Errorf("mixed answer: dialled %v, error %v", d.asked, err)
	}
}

// A public page that redirects inwards is refused at the redirect: the
// guard checks every hop's dialled address.
func TestFetchGuardChecksEveryRedirect(t *testing.T) {
	inside := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "the intranet's admin page")
	}))
	defer inside.Close()
	for _, target := range []string{inside.URL + "/admin", "http://169.254.169.254/latest/meta-data/", "http://[::ffff:127.0.0.1]/"} {
		front := httptest.NewServer(http.RedirectHandler(target, http.StatusFound))
		// The test's "internet": a public address routed to a loopback
		// server that redirects inwards.
		d := &recordingDialer{route: map[string]string{"93.184.215.14:80": front.Listener.Addr().String()}}
		_, err := d.fetcher(false).Fetch(context.Background(), "http://93.184.215.14/story")
		front.Close()
		if err == nil || !strings.Contains(err.Error(), "not a public address") || len(d.asked) != 1 {
			t.Errorf("redirect to %s: dialled %v, error %v; want only the first hop dialled and the redirect refused", target, d.asked, err)
		}
	}
}

// The default fetcher, which an Ingester uses when given none, is guarded.
func TestIngesterFetchesOnlyPublicAddressesByDefault(t *testing.T) {
	inside := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, sampleEN)
	}))
	defer inside.Close()
	s := newTestStore(t)
	outs := runTarget(t, &Ingester{Store: s}, Target{Name: inside.URL + "/story"}, Defaults{})
	if outs[0].Err == nil || !strings.Contains(outs[0].Err.Error(), "not a public address") || outs[0].Source != inside.URL+"/story" {
		t.Errorf("default fetcher on loopback: source %q, error %v", outs[0].Source, outs[0].Err)
	}
	outs = runTarget(t, &Ingester{Store: s, Fetcher: &Fetcher{AllowPrivate: true}}, Target{Name: inside.URL + "/story"}, Defaults{})
	if outs[0].Err != nil {
		t.Errorf("AllowPrivate on loopback: %v", outs[0].Err)
	}
}
