// The list view's keyboard and review buttons: j/k move between events,
// a/r/u approve, reject or send back to proposed the focused event through
// the API, o opens it. The buttons work without JavaScript as plain forms;
// with it they save in place. The zoomable timeline reads the same keys
// (timeline.js) through factline.review.
(function () {
  'use strict';
  var keys = { a: 'approved', r: 'rejected', u: 'proposed' };
  var marks = { approved: '\u2713', rejected: '\u2717', proposed: '?' };

  // setReview moves event id, read at version, to state; it resolves to
  // {ok, event, message}, with the event as it is now even when refused
  // as stale.
  function setReview(id, version, state) {
    return window.factline.api('POST', '/api/v1/events/' + id + '/review', { version: version, state: state }).then(function (res) {
      var ev = res.ok ? res.data : res.data.current;
      var msg = res.ok ? 'Event ' + id + ' is now ' + state + '.' : 'Not saved: ' + window.factline.errorMessage(res);
      return { ok: res.ok, event: ev || null, message: msg };
    });
  }

  window.factline.review = { keys: keys, marks: marks, set: setReview };

  var list = document.getElementById('event-list');
  if (!list) { return; }
  var canEdit = list.dataset.canEdit === 'true';
  var statusEl = document.getElementById('review-status');

  var walk = window.factline.walker(list, '.event-item', function (e, li) {
    if (canEdit && keys[e.key]) {
      e.preventDefault();
      review(li, keys[e.key]).then(function (ok) { if (ok) { walk.move(1); } });
    }
  });

  // show redraws an item's review marks, buttons and versions from ev.
  function show(li, ev) {
    li.dataset.version = ev.version;
    li.dataset.review = ev.review;
    li.className = li.className.replace(/\breview-\w+/, 'review-' + ev.review);
    var badge = li.querySelector('.badge.review');
    badge.className = 'badge review review-' + ev.review;
    badge.querySelector('.review-mark').textContent = marks[ev.review];
    badge.querySelector('.review-word').textContent = ev.review;
    li.querySelectorAll('.review-buttons button').forEach(function (b) {
      b.disabled = b.value === ev.review;
      if (b.disabled) { b.setAttribute('aria-pressed', 'true'); } else { b.removeAttribute('aria-pressed'); }
    });
    var form = document.getElementById('review-' + ev.id);
    if (form) { form.querySelector('input[name="version"]').value = ev.version; }
    var merge = li.querySelector('input[name="event"]');
    if (merge) { merge.value = ev.id + ':' + ev.version; }
  }

  function review(li, state) {
    if (li.dataset.review === state) {
      statusEl.textContent = 'Event ' + li.dataset.event + ' is already ' + state + '.';
      return Promise.resolve(true);
    }
    statusEl.textContent = 'Saving event ' + li.dataset.event + '…';
    return setReview(li.dataset.event, Number(li.dataset.version), state).then(function (r) {
      if (r.event) { show(li, r.event); }
      statusEl.textContent = r.message;
      return r.ok;
    });
  }

  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form.classList.contains('review-form') || !e.submitter) { return; }
    e.preventDefault();
    var li = list.querySelector('.event-item[data-event="' + form.id.replace('review-', '') + '"]');
    if (li) { review(li, e.submitter.value); }
  });
})();
