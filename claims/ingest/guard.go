package ingest

import (
	"context"
	"net"
	"net/http"
	"net/netip"
	"time"

	"github.com/factline/factline/claims/apperr"
)

// specialPurpose lists the IANA special-purpose address blocks (RFC 6890
// and its updates) and the other ranges no news site is served from:
// private, shared, loopback, link-local, documentation, benchmarking,
// multicast, reserved, and IPv6 forms that embed or tunnel to an IPv4
// address (IPv4-compatible, NAT64, 6to4, Teredo), whose real destination
// the guard cannot see.
var specialPurpose = prefixes(
	// IPv4
	"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
	"192.0.0.0/24", "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.88.99.0/24",
	"192.168.0.0/16", "192.175.48.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
	"224.0.0.0/4", "240.0.0.0/4",
	// IPv6
	"::/96", "::ffff:0:0/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23",
	"2001:db8::/32", "2002::/16", "3fff::/20", "5f00::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
)

// intranet lists the blocks that AllowPrivate opens: private and shared
// IPv4, unique-local IPv6, and loopback. Link-local stays closed: it holds
// cloud metadata services.
var intranet = prefixes("10.0.0.0/8", "100.64.0.0/10", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "::1/128", "fc00::/7")

// globalIPv6 is the IPv6 global unicast block; nothing outside it is a
// public address.
var globalIPv6 = netip.MustParsePrefix("2000::/3")

func prefixes(ss ...string) []netip.Prefix {
	ps := make([]netip.Prefix, len(ss))
	for i, s := range ss {
		ps[i] = netip.MustParsePrefix(s)
	}
	return ps
}

func inAny(ps []netip.Prefix, ip netip.Addr) bool {
	for _, p := range ps {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// PublicAddr reports whether ip is an address on the public internet: a
// global unicast address in no special-purpose block. An IPv4-mapped IPv6
// address is judged as its IPv4 address.
func PublicAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	if ip.Is6() && !globalIPv6.Contains(ip) {
		return false
	}
	return ip.IsGlobalUnicast() && !inAny(specialPurpose, ip)
}

// allowedAddr applies a fetcher's policy to an address it is about to
// connect to.
func (f *Fetcher) allowedAddr(ip netip.Addr) error {
	ip = ip.Unmap().WithZone("")
	if PublicAddr(ip) || (f.AllowPrivate && inAny(intranet, ip)) {
		return nil
	}
	if f.AllowPrivate {
		return apperr.Errorf(apperr.Invalid, "%s is not a public or private address; factline does not fetch from it", ip)
	}
	return apperr.Errorf(apperr.Invalid, "%s is not a public address; factline fetches articles only from the internet", ip)
}

// dialFunc connects to an address; net.Dialer.DialContext is one.
type dialFunc func(ctx context.Context, network, address string) (net.Conn, error)

// lookupFunc resolves a host name; net.Resolver.LookupNetIP is one.
type lookupFunc func(ctx context.Context, network, host string) ([]netip.Addr, error)

// guardedDial resolves the host itself and connects only to the address it
// checked, so neither DNS nor a redirect (each hop dials anew) can lead a
// fetch to an address the policy refuses. A host with any refused address
// is refused whole, which leaves DNS rebinding nothing to alternate with.
func (f *Fetcher) guardedDial(lookup lookupFunc, dial dialFunc) dialFunc {
	return func(ctx context.Context, network, address string) (net.Conn, error) {
		host, port, err := net.SplitHostPort(address)
		if err != nil {
			return nil, err
		}
		var ips []netip.Addr
		if ip, err := netip.ParseAddr(host); err == nil {
			ips = []netip.Addr{ip}
		} else if ips, err = lookup(ctx, "ip", host); err != nil {
			return nil, err
		}
		for _, ip := range ips {
			if err := f.allowedAddr(ip); err != nil {
				return nil, err
			}
		}
		var last error
		for _, ip := range ips {
			conn, err := dial(ctx, network, net.JoinHostPort(ip.String(), port))
			if err == nil {
				return conn, nil
			}
			last = err
		}
		if last == nil {
			last = &net.DNSError{Err: "no addresses", Name: host, IsNotFound: true}
		}
		return nil, last
	}
}

// guardedClient is the HTTP client of a Fetcher without one of its own:
// no proxy, timeouts on every step, and guardedDial for every connection.
func (f *Fetcher) guardedClient(lookup lookupFunc, dial dialFunc) *http.Client {
	transport := &http.Transport{DialContext: f.guardedDial(lookup, dial), TLSHandshakeTimeout: 10 * time.Second,
		ResponseHeaderTimeout: FetchTimeout, MaxIdleConns: 10, IdleConnTimeout: 90 * time.Second}
	return &http.Client{Transport: transport, Timeout: FetchTimeout}
}
