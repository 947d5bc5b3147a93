package web

import (
	"context"
	"slices"
	"sync"
	"time"
)

// Login limits. A guesser is slowed at three levels without ever locking
// the real user out:
//   - per account and address: freeFailsPerPair failures, then each further
//     attempt must wait twice as long as the one before (pairBackoff,
//     doubling, up to loginWindow); refused with 429 and Retry-After until
//     then;
//   - per address, across accounts: maxFailsPerClient failures in
//     loginWindow, then refused until the oldest leaves the window;
//   - per account, across addresses: after accountDelayAfter failures in
//     loginWindow every attempt on it is answered only after a delay
//     (accountDelay, doubling, up to maxAccountDelay), never refused, so an
//     attacker elsewhere cannot lock an editor out on deadline.
//
// An attempt is reserved (counted as a failure) before the password is
// checked, so parallel guesses cannot all pass the check; a successful
// sign-in gives its reservation back.
const (
	loginWindow       = 15 * time.Minute
	freeFailsPerPair  = 5
	pairBackoff       = time.Second
	maxFailsPerClient = 20
	accountDelayAfter = 10
	accountDelay      = 250 * time.Millisecond
	maxAccountDelay   = 5 * time.Second
	maxLimiterKeys    = 10000
)

// loginLimiter counts sign-in attempts per account+address, per address
// and per account in a sliding window. It lives in memory: a restart
// forgets it, which costs an attacker a restart they cannot cause.
type loginLimiter struct {
	mu    sync.Mutex
	fails map[string][]time.Time
	now   func() time.Time
	// sleep waits out the per-account delay, or until ctx ends.
	sleep func(ctx context.Context, d time.Duration) error
}

func newLoginLimiter() *loginLimiter {
	return &loginLimiter{fails: map[string][]time.Time{}, now: time.Now, sleep: sleepCtx}
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// loginAttempt is an admitted sign-in attempt, counted as a failure until
// succeeded gives it back.
type loginAttempt struct {
	ip, username string
	at           time.Time
	// delay is how long to wait before checking the password.
	delay time.Duration
}

func pairKey(ip, username string) string { return "pair:" + ip + "\x00" + username }

// reserve admits an attempt from ip on username, or refuses it and says
// how long to wait.
func (l *loginLimiter) reserve(ip, username string) (a loginAttempt, ok bool, retryAfter time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.fails) > maxLimiterKeys {
		l.prune()
	}
	now := l.now()
	pair := l.recent(pairKey(ip, username))
	if n := len(pair); n >= freeFailsPerPair {
		if wait := pair[n-1].Add(backoff(pairBackoff, n-freeFailsPerPair, loginWindow)).Sub(now); wait > 0 {
			return loginAttempt{}, false, wait
		}
	}
	if byIP := l.recent("ip:" + ip); len(byIP) >= maxFailsPerClient {
		return loginAttempt{}, false, max(byIP[0].Add(loginWindow).Sub(now), time.Second)
	}
	a = loginAttempt{ip: ip, username: username, at: now}
	if n := len(l.recent("user:" + username)); n >= accountDelayAfter {
		a.delay = backoff(accountDelay, n-accountDelayAfter, maxAccountDelay)
	}
	for _, k := range a.keys() {
		l.fails[k] = append(l.fails[k], now)
	}
	return a, true, 0
}

func (a loginAttempt) keys() [3]string {
	return [3]string{pairKey(a.ip, a.username), "ip:" + a.ip, "user:" + a.username}
}

// wait waits out the attempt's per-account delay.
func (l *loginLimiter) wait(ctx context.Context, a loginAttempt) error {
	if a.delay <= 0 {
		return nil
	}
	return l.sleep(ctx, a.delay)
}

// succeeded gives a successful attempt's reservation back and forgets the
// account's failures: its owner has signed in.
func (l *loginLimiter) succeeded(a loginAttempt) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.fails, pairKey(a.ip, a.username))
	delete(l.fails, "user:"+a.username)
	ts := l.fails["ip:"+a.ip]
	if i := slices.Index(ts, a.at); i >= 0 {
		ts = slices.Delete(ts, i, i+1)
	}
	if len(ts) == 0 {
		delete(l.fails, "ip:"+a.ip)
	} else {
		l.fails["ip:"+a.ip] = ts
	}
}

// backoff is base doubled n times, at most limit.
func backoff(base time.Duration, n int, limit time.Duration) time.Duration {
	d := base
	for ; n > 0 && d < limit; n-- {
		d *= 2
	}
	return min(d, limit)
}

// recent returns the failures of key inside the window, dropping older ones.
func (l *loginLimiter) recent(key string) []time.Time {
	cutoff := l.now().Add(-loginWindow)
	ts := l.fails[key]
	i := 0
	for i < len(ts) && ts[i].Before(cutoff) {
		i++
	}
	if i == len(ts) {
		delete(l.fails, key)
		return nil
	}
	l.fails[key] = ts[i:]
	return ts[i:]
}

// prune drops keys with no recent failure, so a flood of names cannot grow
// the map without bound.
func (l *loginLimiter) prune() {
	for k := range l.fails {
		l.recent(k)
	}
}
