package web

import (
	"sync"
	"time"
)

// Login rate limits: a person mistyping a password stays well under them; a
// guesser gets a handful of tries per window per account and per address.
const (
	loginWindow       = 15 * time.Minute
	maxFailsPerUser   = 5
	maxFailsPerClient = 20
	maxLimiterKeys    = 10000
)

// loginLimiter counts failed sign-ins per username and per client address
// in a sliding window. It lives in memory: a restart forgets it, which costs
// an attacker a restart they cannot cause.
type loginLimiter struct {
	mu    sync.Mutex
	fails map[string][]time.Time
	now   func() time.Time
}

func newLoginLimiter() *loginLimiter {
	return &loginLimiter{fails: map[string][]time.Time{}, now: time.Now}
}

// allow tells whether a sign-in from ip for username may be tried now.
func (l *loginLimiter) allow(ip, username string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.recent("ip:"+ip)) < maxFailsPerClient && len(l.recent("user:"+username)) < maxFailsPerUser
}

// failed records a failed sign-in.
func (l *loginLimiter) failed(ip, username string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.fails) > maxLimiterKeys {
		l.prune()
	}
	now := l.now()
	for _, k := range []string{"ip:" + ip, "user:" + username} {
		l.fails[k] = append(l.recent(k), now)
	}
}

// succeeded forgets an account's failures once its owner signs in.
func (l *loginLimiter) succeeded(username string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.fails, "user:"+username)
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
