// The review queue's keyboard: j/k move between claims, v/d/f/x/u set the
// focused claim's status through the API, e jumps to its evidence field,
// o opens it. A verdict of false or disputed needs a rationale: d and f
// with its field empty put the cursor there, and Enter in it saves the
// verdict with the reason. Evidence is added without leaving the queue.
// Status and evidence forms work without JavaScript as plain forms.
(function () {
  'use strict';
  var queue = document.getElementById('queue');
  if (!queue) { return; }
  var canEdit = queue.dataset.canEdit === 'true';
  var statusEl = document.getElementById('review-status');
  var keys = { v: 'verified', d: 'disputed', f: 'false', x: 'unverifiable', u: 'unverified' };

  var walk = window.factline.walker(queue, '.review-item', function (e, li) {
    if (!canEdit) { return; }
    if (e.key === 'e') { var n = li.querySelector('.evidence-note'); if (n) { n.focus(); e.preventDefault(); } return; }
    if (keys[e.key]) {
      e.preventDefault();
      var why = li.querySelector('.rationale');
      if (needsRationale.indexOf(keys[e.key]) >= 0 && why && !why.value.trim()) {
        li.dataset.pending = keys[e.key];
        swallow = e.key;
        why.focus();
        statusEl.textContent = 'Say why claim ' + li.dataset.claim + ' is ' + keys[e.key] + ', then press Enter.';
        return;
      }
      setStatus(li, keys[e.key]).then(function (ok) { if (ok) { walk.move(1); } });
    }
  });
  // The verdicts that need a reason, as the server says.
  var needsRationale = (queue.dataset.needsRationale || '').split(' ');

  // The key that moved the cursor into a rationale field is not typed
  // into it: its keypress, where a browser sends one, is dropped, until
  // the key is released.
  var swallow = null;
  document.addEventListener('keypress', function (e) {
    if (swallow && e.key === swallow) { e.preventDefault(); }
  }, true);
  document.addEventListener('keyup', function (e) {
    if (e.key === swallow) { swallow = null; }
  }, true);


  function setStatus(li, status) {
    var id = li.dataset.claim;
    var why = li.querySelector('.rationale');
    statusEl.textContent = 'Saving claim ' + id + '…';
    return window.factline.api('PATCH', '/api/v1/claims/' + id, { version: Number(li.dataset.version), status: status, rationale: why ? why.value : '' }).then(function (res) {
      var claim = res.ok ? res.data : res.data.current;
      if (claim) {
        li.dataset.version = claim.version;
        li.className = 'review-item status-' + claim.status;
        li.querySelector('.current-status').textContent = claim.status;
        li.querySelectorAll('input[name="version"]').forEach(function (i) { i.value = claim.version; });
        li.querySelectorAll('.status-buttons button').forEach(function (b) {
          b.setAttribute('aria-pressed', String(b.value === claim.status));
        });
      }
      statusEl.textContent = res.ok ? 'Claim ' + id + ' is now ' + status + '.' : 'Not saved: ' + window.factline.errorMessage(res);
      if (res.ok && why) { why.value = ''; }
      return res.ok;
    });
  }

  // Evidence is added in place: the queue keeps its order and the cursor
  // stays in the note field for the next one.
  queue.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form.classList.contains('evidence-form')) { return; }
    e.preventDefault();
    var li = form.closest('.review-item'), id = li.dataset.claim;
    var note = form.querySelector('[name="note"]'), link = form.querySelector('[name="url"]');
    statusEl.textContent = 'Adding evidence to claim ' + id + '…';
    window.factline.api('POST', '/api/v1/claims/' + id + '/evidence', { note: note.value, url: link.value }).then(function (res) {
      if (!res.ok) { statusEl.textContent = 'Not added: ' + window.factline.errorMessage(res); return; }
      note.value = '';
      link.value = '';
      note.focus();
      statusEl.textContent = 'Evidence added to claim ' + id + '.';
    });
  });

  // A status button saves its status; Enter in the rationale field (the
  // form's implicit submission) saves the verdict its key asked for.
  queue.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form.classList.contains('status-buttons')) { return; }
    var li = form.closest('.review-item');
    var typed = document.activeElement && document.activeElement.classList.contains('rationale') && li.dataset.pending;
    var status = typed ? li.dataset.pending : e.submitter && e.submitter.value;
    if (!status) { return; }
    e.preventDefault();
    setStatus(li, status).then(function (ok) {
      if (ok && typed) { delete li.dataset.pending; li.focus(); walk.move(1); }
    });
  });
})();
