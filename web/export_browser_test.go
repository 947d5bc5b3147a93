package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/factline/factline/claims/store"
)

// The export page previews the story's TimelineJS export with the
// vendored TimelineJS (no console error, nothing from a CDN), links the
// download and shows the API address a graphics desk polls.
func TestBrowserExportPreview(t *testing.T) {
	root := browser(t)
	e := newEnv(t)
	first := e.seed()
	e.approveAll()
	title := "Kim's year-end plenary"
	st, err := e.store.CreateStory(context.Background(), "plenary", store.StoryInput{Title: &title}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.store.AddStoryArticle(context.Background(), st.ID, first, store.JoinedByEditor, nil); err != nil {
		t.Fatal(err)
	}
	v := e.tab(root, "viewer")
	v.do(chromedp.Navigate(v.base+"/export"),
		chromedp.SetValue(chromedp.CSS(`select[name="story"]`), "plenary"),
		chromedp.SetValue(chromedp.CSS(`select[name="lang"]`), "id"),
		chromedp.Click(chromedp.CSS(`#export-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#export-preview[data-query*="story=plenary"] .tl-storyslider`)))
	v.waitFor(`Array.from(document.querySelectorAll('#export-preview .tl-headline-title, #export-preview .tl-headline')).some(h => h.textContent.includes("Kim's year-end plenary"))`)
	if n := eval[int](v, `document.querySelectorAll('#export-preview .tl-timemarker').length`); n < 10 {
		t.Errorf("the preview draws %d events on its time axis", n)
	}
	if st := eval[string](v, `document.getElementById('export-status').textContent`); !strings.HasPrefix(st, "13 event(s) in the export") {
		t.Errorf("status %q", st)
	}
	href := eval[string](v, `document.getElementById('export-download').getAttribute('href')`)
	if !strings.Contains(href, "format=timelinejs") || !strings.Contains(href, "story=plenary") || !strings.Contains(href, "lang=id") {
		t.Errorf("download link %q", href)
	}
	if api := eval[string](v, `document.getElementById('export-api').textContent`); !strings.Contains(api, v.base+"/api/v1/export?") || !strings.Contains(api, "Authorization: Bearer") {
		t.Errorf("API hint %q", api)
	}
	// Everything the preview loaded came from this server.
	if foreign := eval[[]string](v, `performance.getEntriesByType('resource').map(r => r.name).filter(n => !n.startsWith(location.origin))`); len(foreign) != 0 {
		t.Errorf("the preview loaded %q from elsewhere", foreign)
	}
	v.screenshot("export-preview")
	v.clean()
}

// A bad choice on the export page is a 422 page that says what is wrong.
func TestExportPageRefusesBadChoices(t *testing.T) {
	e := newEnv(t)
	v := e.as("viewer")
	for path, want := range map[string]string{
		"/export?format=pdf":     "unknown export format",
		"/export?lang=xx":        "lang must be one of",
		"/export?from=yesterday": "from must be a date",
		"/export?story=nope":     "nope",
	} {
		res := v.get(path)
		if res.status != http.StatusUnprocessableEntity && res.status != http.StatusNotFound || !strings.Contains(res.body, want) {
			t.Errorf("%s = %d, body lacks %q", path, res.status, want)
		}
	}
	if res := v.get("/export"); res.status != http.StatusOK || !strings.Contains(res.body, `id="export-preview"`) {
		t.Errorf("/export = %d", res.status)
	}
}
