// factline: helpers every page shares. No inline script anywhere: the
// Content-Security-Policy forbids it, so pages wire behaviour here.
(function () {
  'use strict';

  function csrf() {
    var m = document.querySelector('meta[name="csrf-token"]');
    return m ? m.getAttribute('content') : '';
  }

  // api calls the JSON API with the session cookie and the CSRF header and
  // resolves to {ok, status, data}; it never rejects on HTTP errors.
  function api(method, url, body) {
    var opts = {
      method: method,
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'X-CSRF-Token': csrf() }
    };
    if (body !== undefined) {
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(body);
    }
    return fetch(url, opts).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (data) {
        return { ok: r.ok, status: r.status, data: data };
      });
    }, function () {
      return { ok: false, status: 0, data: { error: { message: 'The server cannot be reached.' } } };
    });
  }

  function errorMessage(res) {
    return (res.data && res.data.error && res.data.error.message) || ('Request failed (' + res.status + ')');
  }

  // On a phone the filters would push the content off the first screen:
  // fold them (the summary opens them again) unless a filter is set.
  var box = document.querySelector('details.filter-box');
  if (box && window.matchMedia('(max-width: 640px)').matches && !window.location.search) {
    box.open = false;
  }

  // walker moves the keyboard's focus along the items of a list that match
  // selector: current is the item holding the focus, if any; move(delta)
  // focuses the item delta places on (the first when none is focused),
  // stopping at either end. With onKey, the page's keys walk it: j and k
  // move, o opens the focused item's a.open link, and any other key
  // without a modifier goes to onKey(event, item) while an item holds the
  // focus. Keys typed into a field are the field's.
  function walker(list, selector, onKey) {
    function current() {
      var el = document.activeElement;
      return el && el.closest ? el.closest(selector) : null;
    }
    function move(delta) {
      var all = Array.prototype.slice.call(list.querySelectorAll(selector));
      var i = all.indexOf(current());
      var next = all[Math.max(0, Math.min(all.length - 1, i < 0 ? 0 : i + delta))];
      if (next) { next.focus(); next.scrollIntoView({ block: 'nearest' }); }
    }
    if (onKey) {
      document.addEventListener('keydown', function (e) {
        if (e.ctrlKey || e.metaKey || e.altKey) { return; }
        var tag = e.target.tagName;
        if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') { return; }
        if (e.key === 'j' || e.key === 'k') { move(e.key === 'j' ? 1 : -1); e.preventDefault(); return; }
        var item = current();
        if (!item) { return; }
        if (e.key === 'o') { item.querySelector('a.open').click(); return; }
        onKey(e, item);
      });
    }
    return { current: current, move: move };
  }

  window.factline = { api: api, csrf: csrf, errorMessage: errorMessage, walker: walker };
})();
