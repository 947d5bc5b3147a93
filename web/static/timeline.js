// The zoomable timeline: events from /api/v1/timeline drawn with
// vis-timeline. Imprecise dates are ranges, scheduled events look
// different, events whose sources disagree on the date carry a mark,
// events of one day keep their source order, and each carries the mark
// of its review state. Editors drag an event to change its date (the
// change keeps the event's precision), double-click empty space to add
// one, and approve, reject or send back to proposed the selected event
// with a, r and u or the panel's buttons.
//
// Events longer than a month (a year, a decade, "next year") go to a lane
// of their own below the others, so their bars never push the day's events
// out of view; the first view is the filter's From to To or, without one,
// the span of the shorter events, leaving out dates far from the rest, so
// one stray date does not squeeze the rest.
(function () {
  'use strict';
  var el = document.getElementById('timeline');
  if (!el || !window.vis) { return; }
  var canEdit = el.dataset.canEdit === 'true';
  var groupBy = el.dataset.group || '';
  var statusEl = document.getElementById('timeline-status');
  var byId = {};
  var DAY = 24 * 3600 * 1000;
  // longLane tells whether the lane for long events is drawn (set once the
  // events are read).
  var longLane = false;

  function say(msg) { statusEl.textContent = msg; }

  function pad(n, w) { n = String(n); while (n.length < (w || 2)) { n = '0' + n; } return n; }

  // valueAt writes a date at the event's precision: dragging "late 2011"
  // moves it to another year, never to a day nobody reported.
  function valueAt(ev, start, end) {
    var mid = new Date((start.getTime() + (end ? end.getTime() : start.getTime())) / 2);
    var d = ev.precision === 'day' || ev.precision === 'minute' ? start : mid;
    if (ev.precision === 'day') { d = new Date(start.getTime() + 12 * 3600 * 1000); }
    var y = pad(d.getUTCFullYear(), 4), m = d.getUTCMonth() + 1;
    switch (ev.precision) {
      case 'year': return y;
      case 'half': return y + '-H' + (m <= 6 ? 1 : 2);
      case 'quarter': return y + '-Q' + Math.ceil(m / 3);
      case 'season': case 'month': return y + '-' + pad(m);
      case 'minute': return y + '-' + pad(m) + '-' + pad(d.getUTCDate()) + 'T' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
      default: return y + '-' + pad(m) + '-' + pad(d.getUTCDate());
    }
  }

  function text(tag, s, cls) {
    var n = document.createElement(tag);
    n.textContent = s;
    if (cls) { n.className = cls; }
    return n;
  }

  // isLong tells whether ev spans more than a month.
  function isLong(ev) {
    return !!ev.ends_at && new Date(ev.ends_at) - new Date(ev.starts_at) > 31 * DAY;
  }

  function groupOf(ev) {
    switch (groupBy) {
      case 'article':
        var a = ev.articles[0];
        return a ? { id: 'a' + a.id, label: (a.publisher ? a.publisher + ': ' : '') + (a.title || 'article #' + a.id) } : { id: 'none', label: 'added by hand' };
      case 'speaker':
        return ev.speakers[0] ? { id: 's' + ev.speakers[0], label: ev.speakers[0] } : { id: 'none', label: 'no speaker' };
      case 'tag':
        return ev.tags[0] ? { id: 't' + ev.tags[0], label: ev.tags[0] } : { id: 'none', label: 'untagged' };
    }
    return null;
  }

  // itemContent is the headline, after a mark when the sources disagree on
  // the date and the mark of its review state: a sign for the eye, words
  // for a screen reader.
  function itemContent(ev) {
    var n = text('span', '');
    if (ev.disagree) {
      var mark = text('span', '\u2260', 'disagree-mark');
      mark.setAttribute('aria-hidden', 'true');
      n.appendChild(mark);
      n.appendChild(text('span', 'Sources disagree: ', 'sr'));
    }
    var review = text('span', window.factline.review.marks[ev.review] || '?', 'review-mark review-' + ev.review);
    review.setAttribute('aria-hidden', 'true');
    n.appendChild(review);
    n.appendChild(text('span', ev.review + ': ', 'sr'));
    n.appendChild(document.createTextNode(ev.headline));
    return n;
  }

  // A range of days ("9-11 December") is drawn as the range it is. Its
  // end is not moved by dragging: the event page edits both ends.
  function toItem(ev, seq) {
    var point = (ev.precision === 'day' || ev.precision === 'minute') && !ev.end_value;
    var item = {
      id: ev.id,
      seq: seq,
      content: itemContent(ev),
      start: new Date(ev.starts_at),
      type: point ? 'box' : 'range',
      className: 'ev-' + ev.status + (point ? '' : ' ev-range') + (isLong(ev) ? ' ev-long' : '') + (ev.hidden ? ' ev-hidden' : '') + (ev.disagree ? ' ev-disagree' : '') + ' review-' + ev.review
    };
    if (!point) { item.end = new Date(ev.ends_at); }
    if (ev.end_value) { item.editable = false; }
    item.title = tooltip(ev);
    var long = isLong(ev), g = groupOf(ev);
    item.lane = long ? 1 : 0;
    if (g) {
      item.group = g.id;
      item.subgroup = long ? 'long' : 'short';
    } else if (longLane) {
      item.group = long ? 'long' : 'short';
    }
    return item;
  }

  // tooltip is what hovering an item shows: the whole headline, its date in
  // words, status, review state and sources. vis-timeline sets it as text.
  function tooltip(ev) {
    var lines = [ev.headline, ev.label + ' \u00b7 ' + ev.status + ' \u00b7 ' + ev.review + (ev.disagree ? ' \u00b7 sources disagree on the date' : '')];
    var src = sources(ev);
    if (src) { lines.push(src); }
    return lines.join('\n');
  }

  function sources(ev) {
    return ev.articles.map(function (a) {
      return (a.publisher ? a.publisher + ': ' : '') + (a.title || 'article #' + a.id);
    }).join('; ') + (ev.speakers.length ? ' \u00b7 ' + ev.speakers.join(', ') : '');
  }

  // groupContent is a lane's label, cut to the label column's width by the
  // stylesheet, with the whole label on hover.
  function groupContent(label) {
    var n = text('span', label);
    n.title = label;
    return n;
  }

  // firstWindow is the view the page opens on: the filter's bounds where it
  // has them, else the span of the items under a month long, padded a
  // little. Of four or more, the dates far from the rest (more than three
  // times the spread of the middle half, at least a day, beyond it) are
  // left out, so one stray date does not squeeze a story's days to an edge.
  // It is null when nothing short is dated: then the view fits everything.
  function firstWindow(short) {
    var from = el.dataset.windowStart ? new Date(el.dataset.windowStart) : null;
    var to = el.dataset.windowEnd ? new Date(el.dataset.windowEnd) : null;
    if (from && to) { return { start: from, end: to }; }
    if (!short.length) { return null; }
    var t = short.map(function (i) { return i.start.getTime(); }).sort(function (a, b) { return a - b; });
    var lo = t[0], hi = t[t.length - 1];
    if (t.length >= 4) {
      var q1 = t[Math.floor((t.length - 1) / 4)], q3 = t[Math.ceil((t.length - 1) * 3 / 4)];
      var fence = 3 * Math.max(q3 - q1, DAY);
      lo = t.find(function (x) { return x >= q1 - fence; });
      hi = t.filter(function (x) { return x <= q3 + fence; }).pop();
    }
    var pad = Math.max((hi - lo) * 0.05, DAY);
    return { start: from || new Date(lo - pad), end: to || new Date(hi + pad) };
  }

  function showPanel(ev) {
    var panel = document.getElementById('event-panel');
    if (!ev) { panel.hidden = true; return; }
    document.getElementById('panel-headline').textContent = ev.headline;
    document.getElementById('panel-date').textContent = ev.label;
    document.getElementById('panel-status').textContent = ev.status + (ev.hidden ? ', hidden' : '');
    var review = document.getElementById('panel-review');
    review.textContent = ev.review;
    review.className = 'badge review review-' + ev.review;
    document.querySelectorAll('#panel-review-buttons button').forEach(function (b) { b.disabled = b.value === ev.review; });
    document.getElementById('panel-desc').textContent = ev.description || '';
    document.getElementById('panel-sources').textContent = sources(ev);
    document.getElementById('panel-link').href = '/events/' + ev.id;
    var dis = document.getElementById('panel-disagree');
    dis.hidden = !ev.disagree;
    dis.querySelector('a').href = '/events/' + ev.id + '#disagree';
    panel.hidden = false;
  }

  function build(data) {
    var items = new vis.DataSet();
    var groups = new vis.DataSet();
    var dated = 0, disagree = 0, proposed = 0;
    longLane = !groupBy && data.events.some(function (ev) { return ev.starts_at && isLong(ev); });
    if (longLane) {
      groups.add([{ id: 'short', content: groupContent('Events'), order: 0 },
        { id: 'long', content: groupContent('Longer than a month'), order: 1, className: 'lane-long' }]);
    }
    data.events.forEach(function (ev, i) {
      byId[ev.id] = ev;
      if (!ev.starts_at) { return; }
      dated++;
      if (ev.disagree) { disagree++; }
      if (ev.review === 'proposed') { proposed++; }
      items.add(toItem(ev, i));
      var g = groupOf(ev);
      if (g && !groups.get(g.id)) {
        // Within a lane the long events are drawn below the others.
        groups.add({ id: g.id, content: groupContent(g.label), subgroupOrder: 'lane', subgroupStack: true });
      }
    });
    if (!dated) {
      empty(data.events.length);
      return;
    }
    var short = items.get({ filter: function (i) { return i.lane === 0; } });
    var view = firstWindow(short);
    var msg = dated + ' event(s) on the timeline';
    if (disagree) { msg += ', ' + disagree + ' whose sources disagree on the date'; }
    if (proposed) { msg += ', ' + proposed + ' proposed (not yet reviewed)'; }
    if (data.events.length > dated) { msg += '; ' + (data.events.length - dated) + ' without a calendar date are in the list view'; }
    if (data.truncated) { msg += '; showing ' + data.events.length + ' of ' + data.total + ': narrow the filter to see the rest'; }
    if (view) {
      var outside = items.get({ filter: function (i) { return i.start > view.end || (i.end || i.start) < view.start; } }).length;
      if (outside) { msg += '; ' + outside + ' outside this view (press 0 on the timeline to see them all)'; }
    }
    say(msg + '.');
    var options = {
      minHeight: '320px',
      maxHeight: Math.max(360, Math.round(window.innerHeight * 0.7)) + 'px',
      verticalScroll: true,
      // The axis and the first events at the top, where the view opens.
      orientation: 'top',
      stack: true,
      zoomMin: 24 * 3600 * 1000,
      zoomMax: 1000 * 365 * 24 * 3600 * 1000,
      // Calendar dates are not instants: draw them in UTC so a day stays
      // that day in every newsroom's time zone.
      moment: function (d) { return window.moment(d).utc(); },
      order: function (a, b) { return a.seq - b.seq; },
      groupOrder: 'order',
      tooltip: { followMouse: true, overflowMethod: 'cap', delay: 200 },
      dataAttributes: ['id'],
      // Ctrl-click (or ⌘-click) adds to the selection, for bulk actions.
      multiselect: canEdit,
      editable: canEdit ? { add: true, updateTime: true, updateGroup: false, remove: false, overrideItems: false } : false,
      // Tests and scripts wait for this before they move the view.
      onInitialDrawComplete: function () { el.dataset.ready = 'true'; },
      onMove: function (item, callback) { move(item, callback, items); },
      onAdd: function (item, callback) {
        callback(null);
        var d = item.start;
        window.location.href = '/events/new?date=' + pad(d.getUTCFullYear(), 4) + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate());
      }
    };
    if (view) { options.start = view.start; options.end = view.end; }
    var tl = groups.length ? new vis.Timeline(el, items, groups, options) : new vis.Timeline(el, items, options);
    tl.on('select', function (p) { showSelection(tl, items); });
    keyboard(tl, items);
    bulkButtons(tl, items);
    document.querySelectorAll('#panel-review-buttons button').forEach(function (b) {
      b.addEventListener('click', function () {
        var sel = tl.getSelection()[0];
        if (sel !== undefined) { review(byId[sel], b.value, items); }
      });
    });
    tl.on('doubleClick', function (p) { if (p.item) { window.location.href = '/events/' + p.item; } });
    el.timeline = tl;
  }

  // showSelection shows the panel of the one selected event, or the bulk
  // panel for several.
  function showSelection(tl, items) {
    var sel = tl.getSelection();
    var bulk = document.getElementById('bulk-panel');
    if (!bulk || sel.length < 2) {
      if (bulk) { bulk.hidden = true; }
      showPanel(byId[sel[0]]);
      return;
    }
    showPanel(null);
    document.getElementById('bulk-count').textContent = sel.length + ' events selected';
    var list = document.getElementById('bulk-list');
    list.textContent = '';
    sel.forEach(function (id) { list.appendChild(text('li', byId[id].label + ': ' + byId[id].headline)); });
    bulk.hidden = false;
  }

  // bulkButtons wires the bulk panel: a review state, hiding or merging
  // for every selected event, one request after another so each is saved
  // on the version the page holds; the status line says what was saved
  // and what was refused.
  function bulkButtons(tl, items) {
    var bulk = document.getElementById('bulk-panel');
    if (!bulk) { return; }
    bulk.querySelectorAll('button').forEach(function (b) {
      b.addEventListener('click', function () {
        var evs = tl.getSelection().map(function (id) { return byId[id]; });
        if (b.dataset.action === 'merge') { merge(evs, tl, items); return; }
        var done = 0, refused = [];
        var step = evs.reduce(function (p, ev) {
          return p.then(function () {
            var req = b.dataset.review ?
              window.factline.review.set(ev.id, ev.version, b.dataset.review) :
              window.factline.api('PATCH', '/api/v1/events/' + ev.id, { version: ev.version, hidden: true }).then(function (res) {
                return { ok: res.ok, event: res.ok ? res.data : res.data.current, message: window.factline.errorMessage(res) };
              });
            return req.then(function (r) {
              if (r.event) { Object.assign(ev, r.event); }
              if (r.ok) { done++; } else { refused.push(ev.headline + ' (' + r.message.replace(/^Not saved: /, '') + ')'); }
              if (ev.hidden && !el.dataset.query.match(/(^|&)hidden=1/)) { items.remove(ev.id); } else { items.update(toItem(ev, items.get(ev.id).seq)); }
            });
          });
        }, Promise.resolve());
        step.then(function () {
          var what = b.dataset.review ? 'now ' + b.dataset.review : 'hidden';
          say(done + ' of ' + evs.length + ' events ' + what + '.' + (refused.length ? ' Not saved: ' + refused.join('; ') : ''));
          showSelection(tl, items);
        });
      });
    });
  }

  // merge folds the other selected events into the first selected one.
  function merge(evs, tl, items) {
    var target = evs[0], others = evs.slice(1);
    window.factline.api('POST', '/api/v1/events/merge', {
      target: { id: target.id, version: target.version },
      others: others.map(function (ev) { return { id: ev.id, version: ev.version }; })
    }).then(function (res) {
      if (!res.ok) { say('Not merged: ' + window.factline.errorMessage(res)); return; }
      others.forEach(function (ev) { items.remove(ev.id); });
      Object.assign(target, res.data);
      items.update(toItem(target, items.get(target.id).seq));
      tl.setSelection([target.id]);
      showSelection(tl, items);
      say('Merged ' + others.length + ' event(s) into ' + target.headline + '.');
    });
  }

  // empty says what to do when nothing can be drawn, instead of a blank
  // grid: undated events are in the list view; otherwise widen or clear
  // the filter, or add an article.
  function empty(undated) {
    var hint = text('p', '', 'empty-hint');
    if (undated) {
      hint.appendChild(document.createTextNode(undated + ' event(s) match but have no calendar date: see them in the '));
      var list = text('a', 'list view');
      list.href = '/timeline/list?' + (el.dataset.query || '');
      hint.appendChild(list);
      hint.appendChild(document.createTextNode('.'));
    } else {
      hint.appendChild(document.createTextNode('No events match these filters. Widen the dates or '));
      var all = text('a', 'clear the filters');
      all.href = '/timeline';
      hint.appendChild(all);
      if (canEdit) {
        hint.appendChild(document.createTextNode(', or '));
        var add = text('a', 'add an article');
        add.href = '/articles/new';
        hint.appendChild(add);
      }
      hint.appendChild(document.createTextNode('.'));
    }
    el.appendChild(hint);
    say(undated ? 'Nothing to draw.' : 'No events match.');
  }

  // review moves ev to a review state and redraws it.
  function review(ev, state, items) {
    if (!canEdit || ev.review === state) { return; }
    say('Saving ' + ev.headline + ' as ' + state + '…');
    window.factline.review.set(ev.id, ev.version, state).then(function (r) {
      if (r.event) {
        Object.assign(ev, r.event);
        if (items.get(ev.id)) { items.update(toItem(ev, items.get(ev.id).seq)); }
        showPanel(ev);
      }
      say(r.message);
    });
  }

  // keyboard makes the widget usable without a mouse: arrows pan, +/-
  // zoom, 0 shows every event, n/p walk the events in date order, Enter
  // opens the selected one and a/r/u set its review state.
  function keyboard(tl, items) {
    var order = items.get({ order: function (a, b) { return a.start - b.start || a.seq - b.seq; } }).map(function (i) { return i.id; });
    el.addEventListener('keydown', function (e) {
      if (e.target !== el || e.ctrlKey || e.metaKey || e.altKey) { return; }
      var w = tl.getWindow(), span = w.end - w.start, sel = tl.getSelection()[0];
      switch (e.key) {
        case 'ArrowLeft': case 'ArrowRight':
          var d = (e.key === 'ArrowLeft' ? -1 : 1) * span / 5;
          tl.setWindow(new Date(w.start.getTime() + d), new Date(w.end.getTime() + d), { animation: false });
          break;
        case '+': case '=': tl.zoomIn(0.5, { animation: false }); break;
        case '0': tl.fit({ animation: false }); break;
        case '-': case '_': tl.zoomOut(0.5, { animation: false }); break;
        case 'n': case 'p':
          var i = order.indexOf(sel);
          var next = order[Math.max(0, Math.min(order.length - 1, i < 0 ? 0 : i + (e.key === 'n' ? 1 : -1)))];
          if (next === undefined) { return; }
          tl.setSelection([next], { focus: true, animation: false });
          showSelection(tl, items);
          break;
        case 'Enter':
          if (sel !== undefined) { window.location.href = '/events/' + sel; }
          break;
        case 'a': case 'r': case 'u':
          if (sel === undefined || !canEdit) { return; }
          review(byId[sel], window.factline.review.keys[e.key], items);
          break;
        default:
          return;
      }
      e.preventDefault();
    });
  }

  function move(item, callback, items) {
    var ev = byId[item.id];
    var value = valueAt(ev, item.start, item.end);
    if (value === ev.value) { callback(null); return; }
    save(ev, value, items, function () { callback(null); });
  }

  // save dates ev at value on the version the page holds, then calls done
  // (if given) before redrawing, and offers to undo the move (a save of
  // the date it had). When someone changed the event meanwhile
  // (409), it is redrawn as it is now and the status line offers to save
  // the same date on that version, so the editor's move is not lost.
  function save(ev, value, items, done) {
    var before = ev.value;
    say('Saving ' + ev.headline + ' at ' + value + '…');
    window.factline.api('PATCH', '/api/v1/events/' + ev.id, { version: ev.version, value: value }).then(function (res) {
      if (done) { done(); }
      if (!res.ok) {
        say('Not saved: ' + window.factline.errorMessage(res));
        if (res.status === 409 && res.data.current) {
          Object.assign(ev, res.data.current);
          items.update(toItem(ev, items.get(ev.id).seq));
          showPanel(ev);
          offer('Move it to ' + value + ' on version ' + ev.version, 'save-again', function () { save(ev, value, items); });
        }
        return;
      }
      Object.assign(ev, res.data);
      items.update(toItem(ev, items.get(ev.id).seq));
      showPanel(ev);
      say('Saved: ' + ev.headline + ' is now dated ' + value + ' (version ' + ev.version + ').');
      offer('Undo: move it back to ' + before, 'undo-move', function () { save(ev, before, items); });
    });
  }

  // offer puts a button after the status line's message.
  function offer(label, id, act) {
    var b = text('button', label, 'small');
    b.type = 'button';
    b.id = id;
    b.addEventListener('click', act);
    statusEl.appendChild(document.createTextNode(' '));
    statusEl.appendChild(b);
  }

  window.factline.api('GET', '/api/v1/timeline?' + (el.dataset.query || '')).then(function (res) {
    if (!res.ok) { say('The timeline could not be loaded: ' + window.factline.errorMessage(res)); return; }
    build(res.data);
  });
})();
