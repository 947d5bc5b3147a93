package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestFetchByURLRefusesInternalAddresses(t *testing.T) {
	e := newEnv(t)
	inside := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("internal admin page, not news"))
	}))
	defer inside.Close()
	c := e.as("editor")
	res := c.json("POST", "/api/v1/articles", map[string]string{"source": "url", "url": inside.URL + "/admin"})
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "not a public address") {
		t.Errorf("fetch of %s = %d %s", inside.URL, res.status, res.body)
	}
}
