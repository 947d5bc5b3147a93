// The review queue's keyboard: j/k move between claims, v/d/f/x/u set the
// focused claim's status through the API, e jumps to its evidence field,
// o opens it. Status buttons work without JavaScript as plain forms.
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
      setStatus(li, keys[e.key]).then(function (ok) { if (ok) { walk.move(1); } });
    }
  });

  function setStatus(li, status) {
    var id = li.dataset.claim;
    statusEl.textContent = 'Saving claim ' + id + '…';
    return window.factline.api('PATCH', '/api/v1/claims/' + id, { version: Number(li.dataset.version), status: status }).then(function (res) {
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
      return res.ok;
    });
  }

  queue.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form.classList.contains('status-buttons') || !e.submitter) { return; }
    e.preventDefault();
    setStatus(form.closest('.review-item'), e.submitter.value);
  });
})();
