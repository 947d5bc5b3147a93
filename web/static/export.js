// The export page's preview: the TimelineJS export of the chosen filter,
// drawn with the vendored TimelineJS, as a graphics desk would publish it.
// Its files (locale, font) come from this server, never a CDN.
(function () {
  'use strict';
  var el = document.getElementById('export-preview');
  var status = document.getElementById('export-status');
  if (!el || !window.TL) { return; }

  function say(msg) { status.textContent = msg; }

  fetch('/api/v1/export?' + el.dataset.query, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } }).then(function (r) {
    return r.json().then(function (data) { return { ok: r.ok, data: data, leftOut: r.headers.get('Factline-Left-Out') }; });
  }).then(function (res) {
    if (!res.ok) { say('No preview: ' + ((res.data.error && res.data.error.message) || 'the export failed')); return; }
    var n = (res.data.events || []).length;
    var msg = n + ' event(s) in the export';
    if (res.leftOut) { msg += '; left out: ' + res.leftOut; }
    if (!n) {
      say(msg + '. Approve events (or include proposed ones) to see a preview.');
      return;
    }
    say(msg + '.');
    el.timeline = new window.TL.Timeline(el, res.data, {
      script_path: '/static/vendor/timelinejs/js/',
      font: '/static/vendor/timelinejs/css/fonts/font.georgia-helvetica.css',
      language: el.dataset.lang || 'en',
      hash_bookmark: false
    });
  }, function () { say('No preview: the server cannot be reached.'); });
})();
