package web

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"

	"github.com/factline/factline/claims/ingest"
)

// cgnat is the carrier-grade NAT range, which netip does not count as
// private but which is no more public than 10/8.
var cgnat = netip.MustParsePrefix("100.64.0.0/10")

// publicAddr reports whether an address is on the public internet.
func publicAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	return ip.IsGlobalUnicast() && !ip.IsPrivate() && !cgnat.Contains(ip)
}

// publicFetcher is the fetcher for articles added by URL. An editor names
// the URL, so without a guard the server would fetch whatever it can reach
// (its own admin ports, a cloud metadata address, the newsroom intranet)
// and show the answer as an article. The check runs on the address actually
// dialled, after DNS and on every redirect, so a name that resolves or
// redirects inwards is refused too.
func publicFetcher() *ingest.Fetcher {
	dialer := &net.Dialer{Timeout: 10 * time.Second, Control: func(_, address string, _ syscall.RawConn) error {
		host, _, err := net.SplitHostPort(address)
		if err != nil {
			return err
		}
		ip, err := netip.ParseAddr(host)
		if err != nil {
			return err
		}
		if !publicAddr(ip) {
			return fmt.Errorf("%s is not a public address; factline fetches articles only from the internet", ip)
		}
		return nil
	}}
	transport := &http.Transport{DialContext: dialer.DialContext, TLSHandshakeTimeout: 10 * time.Second,
		ResponseHeaderTimeout: ingest.FetchTimeout, MaxIdleConns: 10, IdleConnTimeout: 90 * time.Second}
	return &ingest.Fetcher{Client: &http.Client{Transport: transport, Timeout: ingest.FetchTimeout}}
}
