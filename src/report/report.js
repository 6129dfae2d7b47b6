// jobfit report: renders the postings table from the JSON blob, with sorting, filtering and
// paging. Near-duplicates (rows with `dup`, from --dedup) are folded unless the toggle shows
// them; remote (select), location (contains) and minimum pay (top of the range, in the
// posting's own currency and period) filter the rows. Only textContent is ever set from data, never innerHTML: the strings come from
// strangers' pages. The view state lives in the URL fragment: #sort=score&dir=desc&q=rust&page=2
// (and size=N for the page size; remote=, loc=, minpay=, dups=1 for the other filters;
// expand opens the rows of the first page); #selftest checks sorting, filtering and paging with real
// clicks and writes the result to <html data-selftest>.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('jobfit-data').textContent);
  var table = document.getElementById('postings-table');
  var tbody = table.tBodies[0];
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var filter = document.getElementById('filter');
  var shown = document.getElementById('shown');
  var pageLabel = document.getElementById('page');
  var prev = document.getElementById('prev');
  var next = document.getElementById('next');
  var expand = document.getElementById('expand');
  var remoteSel = document.getElementById('remote');
  var locInput = document.getElementById('location');
  var payInput = document.getElementById('minpay');
  var dupsBox = document.getElementById('dups');
  var dupCount = document.getElementById('dup-count');
  var LEVELS = { r: 'required', p: 'preferred', m: 'mentioned' };
  var collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  var posts = data.postings;
  var types = {};
  heads.forEach(function (th) { types[th.dataset.key] = th.dataset.type; });

  function skillId(index) { return data.skills[index][0]; }

  posts.forEach(function (p, i) {
    p.i = i;
    var words = [p.source, p.title || '', p.company || '', p.status, p.error || ''];
    p.m.forEach(function (m) { words.push(skillId(m[0])); });
    p.hay = words.join('\n').toLowerCase();
    p.locLower = (p.loc || '').toLowerCase();
    p.payTop = p.pay ? (p.pay[1] != null ? p.pay[1] : p.pay[0]) : null;
  });
  var duplicates = posts.filter(function (p) { return p.dup; }).length;
  dupCount.textContent = String(duplicates);

  var defaults = { sort: data.hasFit ? 'fit' : 'score', dir: 'desc', q: '', page: 1, size: data.pageSize, remote: '', loc: '', minpay: null, dups: false };
  var state = Object.assign({}, defaults);
  var open = {};

  function readHash() {
    var params = new URLSearchParams(location.hash.slice(1));
    state = Object.assign({}, defaults);
    var sort = params.get('sort');
    if (sort && types[sort]) {
      state.sort = sort;
      state.dir = types[sort] === 'num' && sort !== 'i' ? 'desc' : 'asc';
    }
    var dir = params.get('dir');
    if (dir === 'asc' || dir === 'desc') state.dir = dir;
    state.q = params.get('q') || '';
    var page = parseInt(params.get('page') || '1', 10);
    state.page = page > 0 ? page : 1;
    var size = parseInt(params.get('size') || '', 10);
    if (size > 0) state.size = size;
    var remote = params.get('remote') || '';
    if (Array.prototype.some.call(remoteSel.options, function (o) { return o.value === remote; })) state.remote = remote;
    state.loc = params.get('loc') || '';
    var minpay = parseFloat(params.get('minpay') || '');
    state.minpay = isFinite(minpay) ? minpay : null;
    state.dups = params.has('dups') && params.get('dups') !== '0';
    filter.value = state.q;
    remoteSel.value = state.remote;
    locInput.value = state.loc;
    payInput.value = state.minpay == null ? '' : String(state.minpay);
    dupsBox.checked = state.dups;
  }

  function writeHash() {
    var params = new URLSearchParams();
    params.set('sort', state.sort);
    params.set('dir', state.dir);
    if (state.q) params.set('q', state.q);
    if (state.remote) params.set('remote', state.remote);
    if (state.loc) params.set('loc', state.loc);
    if (state.minpay != null) params.set('minpay', String(state.minpay));
    if (state.dups) params.set('dups', '1');
    if (state.page > 1) params.set('page', String(state.page));
    if (state.size !== data.pageSize) params.set('size', String(state.size));
    if (/(^|&)selftest/.test(location.hash.slice(1))) params.set('selftest', '');
    try { history.replaceState(null, '', '#' + params.toString()); } catch (e) { /* file: URL in a locked-down viewer */ }
  }

  function value(p, key) {
    switch (key) {
      case 'i': return p.i;
      case 'fit': return p.fit == null ? null : p.fit;
      case 'score': return p.score;
      case 'title': return p.title || null;
      case 'company': return p.company || null;
      case 'matched': return p.matched;
      case 'words': return p.words;
      case 'status': return p.error ? p.status + ': ' + p.error : p.status;
      case 'missing': return (p.mr || []).map(skillId).join(' ') || null;
      case 'loc': return p.loc || null;
      case 'remote': return p.remote || null;
      case 'pay': return p.payTop;
      case 'sen': return p.sen || null;
      case 'date': return p.date || null;
      default:
        if (key.charAt(0) === 'c') {
          var v = p.cats[Number(key.slice(1))];
          return v == null ? null : v;
        }
        return null;
    }
  }

  function compare(a, b) {
    var ka = value(a, state.sort);
    var kb = value(b, state.sort);
    // Missing values go last whatever the direction; ties keep the input order.
    if (ka == null || kb == null) {
      if (ka == null && kb == null) return a.i - b.i;
      return ka == null ? 1 : -1;
    }
    var c = typeof ka === 'number' ? ka - kb : collator.compare(String(ka), String(kb));
    if (state.dir === 'desc') c = -c;
    return c || a.i - b.i;
  }

  function view() {
    var terms = state.q.toLowerCase().split(/\s+/).filter(Boolean);
    var loc = state.loc.trim().toLowerCase();
    var rows = posts.filter(function (p) {
      if (p.dup && !state.dups) return false;
      if (state.remote === 'unknown' ? p.remote : state.remote === 'remote-hybrid'
        ? p.remote !== 'remote' && p.remote !== 'hybrid' : state.remote && p.remote !== state.remote) return false;
      if (loc && p.locLower.indexOf(loc) < 0) return false;
      if (state.minpay != null && (p.payTop == null || p.payTop < state.minpay)) return false;
      return terms.every(function (t) { return p.hay.indexOf(t) >= 0; });
    });
    rows.sort(compare);
    return rows;
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = String(text);
    return node;
  }

  function fmt(v) { return v == null ? '' : (typeof v === 'number' && v % 1 !== 0 ? v.toFixed(1) : String(v)); }
  function fmt1(v) { return v == null ? '' : v.toFixed(1); }
  function money(v) { return v == null ? '?' : v.toLocaleString('en', { maximumFractionDigits: 2 }); }
  function payText(pay) {
    if (!pay) return '';
    var range = pay[0] != null && pay[1] != null && pay[0] !== pay[1] ? money(pay[0]) + '–' + money(pay[1]) : money(pay[0] != null ? pay[0] : pay[1]);
    return range + (pay[2] ? ' ' + pay[2] : '') + (pay[3] ? '/' + pay[3] : '');
  }

  function rowFor(p) {
    var tr = el('tr', (p.status === 'ok' ? 'posting' : 'posting error') + (p.dup ? ' dup' : ''));
    tr.dataset.i = String(p.i);
    if (p.dup) tr.title = 'near-duplicate of ' + p.dup;
    heads.forEach(function (th) {
      var key = th.dataset.key;
      var td;
      if (key === 'title') {
        td = el('td', 'c-title');
        if (p.status === 'ok') {
          var toggle = el('button', 'toggle', open[p.i] ? '▾' : '▸');
          toggle.type = 'button';
          toggle.setAttribute('aria-expanded', open[p.i] ? 'true' : 'false');
          toggle.setAttribute('aria-label', data.hasFit ? 'fit breakdown and matched skills' : 'matched skills');
          toggle.addEventListener('click', function () { open[p.i] = !open[p.i]; render(); });
          td.appendChild(toggle);
        }
        var link = el('a', null, p.title || p.source);
        link.href = p.link;
        link.title = p.source;
        td.appendChild(link);
        if (p.dup) td.appendChild(el('span', 'dup-mark', ' (near-duplicate)'));
      } else if (key === 'pay') {
        td = el('td', 'num c-pay', payText(p.pay));
      } else if (types[key] === 'num') {
        var v = value(p, key);
        td = el('td', 'num c-' + key, key === 'score' || key === 'fit' || key.charAt(0) === 'c' && key !== 'company' ? fmt1(v) : key === 'i' ? p.i + 1 : fmt(v));
      } else {
        td = el('td', 'c-' + key, value(p, key) || '');
      }
      tr.appendChild(td);
    });
    return tr;
  }

  function detailsFor(p) {
    var tr = el('tr', 'details');
    tr.dataset.i = String(p.i);
    var td = el('td');
    td.colSpan = heads.length;
    if (p.f) td.appendChild(fitFor(p));
    var t = el('table', 'matches');
    var head = el('tr');
    ['skill', 'category', 'level', 'count', 'evidence'].forEach(function (h) { head.appendChild(el('th', null, h)); });
    t.appendChild(head);
    p.m.forEach(function (m) {
      var skill = data.skills[m[0]];
      var row = el('tr', 'level-' + LEVELS[m[1]]);
      row.appendChild(el('td', null, skill[1] + ' (' + skill[0] + ')'));
      row.appendChild(el('td', null, data.categories[skill[2]]));
      row.appendChild(el('td', null, LEVELS[m[1]]));
      row.appendChild(el('td', 'num', m[2]));
      row.appendChild(el('td', 'evidence', m[3]));
      t.appendChild(row);
    });
    if (p.m.length === 0) td.appendChild(el('p', null, 'No skill of the map matched.'));
    else td.appendChild(t);
    if (p.dup) td.appendChild(el('p', 'missing', 'Near-duplicate of: ' + p.dup));
    td.appendChild(el('p', 'missing', 'Source: ' + p.source));
    tr.appendChild(td);
    return tr;
  }

  // The fit breakdown, as `jobfit explain --resume` prints it: what matches, what is missing
  // (required first), technologies named that the candidate lacks, and the arithmetic.
  function fitFor(p) {
    var f = p.f;
    var m = data.model;
    var box = el('div', 'fit');
    box.appendChild(el('h3', null, 'Fit ' + fmt1(p.fit)));
    var dl = el('dl', 'fit-parts');
    function part(cls, label, items) {
      var div = el('div', cls);
      div.appendChild(el('dt', null, label));
      div.appendChild(el('dd', null, items.length ? items.join(', ') : '–'));
      dl.appendChild(div);
    }
    part('f-matched', 'Matching skills', f.ms.map(skillId));
    part('f-tech-matched', 'Matching technologies', f.tm);
    part('f-missing-required', 'Missing, required', (p.mr || []).map(skillId).concat(f.tr));
    part('f-missing-preferred', 'Missing, preferred', (p.mp || []).map(skillId).concat(f.tp));
    part('f-missing-mentioned', 'Missing, mentioned', f.mm.map(skillId).concat(f.tn));
    part('f-tech-missing', 'Technologies named that you lack', f.tr.concat(f.tp, f.tn));
    part('f-roles', 'Role words of the title you have / lack', [(f.rm.join(', ') || '–') + ' / ' + (f.rx.join(', ') || '–')]);
    if (f.gap != null) part('f-gap', 'Experience short by (years, not in fit)', [String(f.gap)]);
    box.appendChild(dl);
    var how = el('p', 'f-how');
    how.textContent = 'How: each demand weighs skill weight × category weight (technologies ' + m.tech +
      ', title role words ' + m.role + '), × 1 required, × ' + m.pref + ' preferred, × ' + m.ment +
      ' mentioned, × ' + m.title + ' named in the title. share = (had ' + f.had.toFixed(1) + ' + ' + m.k +
      ' × ' + m.p + ') / (asked ' + f.asked.toFixed(1) + ' + ' + m.k + ') = ' + f.share.toFixed(3) + '; ' +
      (f.upper ? 'fit = 10 + 90 × share (asks for enough of your technical skills, or you list few)'
        : 'fit = 10 × share (asks for none of your technical skills, or its title names another profession)') + ' = ' + fmt1(p.fit) + '.';
    box.appendChild(how);
    return box;
  }

  var current = [];

  function render() {
    var rows = view();
    var pages = Math.max(1, Math.ceil(rows.length / state.size));
    state.page = Math.min(Math.max(1, state.page), pages);
    var start = (state.page - 1) * state.size;
    current = rows.slice(start, start + state.size);
    var frag = document.createDocumentFragment();
    current.forEach(function (p) {
      frag.appendChild(rowFor(p));
      if (open[p.i]) frag.appendChild(detailsFor(p));
    });
    while (tbody.firstChild) tbody.removeChild(tbody.firstChild);
    tbody.appendChild(frag);
    heads.forEach(function (th) {
      if (th.dataset.key === state.sort) th.setAttribute('aria-sort', state.dir === 'asc' ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    });
    var folded = state.dups ? 0 : duplicates;
    shown.textContent = (rows.length === posts.length
      ? posts.length + ' postings'
      : rows.length + ' of ' + posts.length + ' postings shown') +
      (folded ? ' (' + folded + ' near-duplicates folded)' : '');
    pageLabel.textContent = 'page ' + state.page + ' of ' + pages;
    prev.disabled = state.page <= 1;
    next.disabled = state.page >= pages;
    table.setAttribute('data-rendered', String(current.length));
    table.setAttribute('data-pages', String(pages));
    table.setAttribute('data-matching', String(rows.length));
    writeHash();
  }

  heads.forEach(function (th) {
    th.querySelector('button').addEventListener('click', function () {
      var key = th.dataset.key;
      if (state.sort === key) {
        state.dir = state.dir === 'asc' ? 'desc' : 'asc';
      } else {
        state.sort = key;
        state.dir = types[key] === 'num' && key !== 'i' ? 'desc' : 'asc';
      }
      state.page = 1;
      render();
    });
  });
  filter.addEventListener('input', function () { state.q = filter.value; state.page = 1; render(); });
  remoteSel.addEventListener('change', function () { state.remote = remoteSel.value; state.page = 1; render(); });
  locInput.addEventListener('input', function () { state.loc = locInput.value; state.page = 1; render(); });
  payInput.addEventListener('input', function () {
    var v = parseFloat(payInput.value);
    state.minpay = isFinite(v) ? v : null;
    state.page = 1;
    render();
  });
  dupsBox.addEventListener('change', function () { state.dups = dupsBox.checked; state.page = 1; render(); });
  prev.addEventListener('click', function () { state.page -= 1; render(); });
  next.addEventListener('click', function () { state.page += 1; render(); });
  expand.addEventListener('click', function () {
    var all = current.every(function (p) { return open[p.i] || p.status !== 'ok'; });
    current.forEach(function (p) { if (p.status === 'ok') open[p.i] = !all; });
    render();
  });
  window.addEventListener('hashchange', function () { readHash(); render(); });

  function selftest() {
    var log = [];
    var failed = false;
    function check(name, ok) { log.push((ok ? 'ok ' : 'FAIL ') + name); if (!ok) failed = true; }
    function click(key) { table.querySelector('th[data-key="' + key + '"] button').click(); }
    function cells(key) {
      return Array.prototype.map.call(tbody.querySelectorAll('tr.posting td.c-' + key), function (td) {
        var a = td.querySelector('a');
        return (a || td).textContent;
      });
    }
    function ordered(list, dir, cmp) {
      for (var k = 1; k < list.length; k++) if (dir * cmp(list[k - 1], list[k]) > 0) return false;
      return true;
    }
    function numbers(key) { return cells(key).filter(Boolean).map(Number); }
    function titles() {
      return Array.prototype.filter.call(tbody.querySelectorAll('tr.posting'), function (tr) {
        return posts[Number(tr.dataset.i)].title;
      }).map(function (tr) { return tr.querySelector('td.c-title a').textContent; });
    }
    var byNumber = function (a, b) { return a - b; };
    var byText = function (a, b) { return collator.compare(a, b); };
    var sortHead = function (key) { return table.querySelector('th[data-key="' + key + '"]').getAttribute('aria-sort'); };
    var n = Math.min(view().length, state.size);
    check('rows rendered', tbody.querySelectorAll('tr.posting').length === n);
    click('title');
    check('title ascending', ordered(titles(), 1, byText) && sortHead('title') === 'ascending');
    click('title');
    check('title descending', ordered(titles(), -1, byText) && sortHead('title') === 'descending');
    var before = cells('title').join('\n');
    click('score');
    check('score descending', ordered(numbers('score'), -1, byNumber) && sortHead('score') === 'descending');
    click('score');
    check('score ascending', ordered(numbers('score'), 1, byNumber) && cells('title').join('\n') !== before);
    var target = posts.filter(function (p) { return p.company; })[0];
    if (target) {
      filter.value = target.company;
      filter.dispatchEvent(new Event('input'));
      var visible = tbody.querySelectorAll('tr.posting');
      var matching = posts.filter(function (p) { return !p.dup && p.hay.indexOf(target.company.toLowerCase()) >= 0; }).length;
      check('filter', visible.length === Math.min(matching, state.size) && visible.length < posts.length);
      filter.value = '';
      filter.dispatchEvent(new Event('input'));
    }
    check('filter cleared', tbody.querySelectorAll('tr.posting').length === n);
    var toggle = tbody.querySelector('tr.posting button.toggle');
    if (toggle) {
      toggle.click();
      check('matches shown', tbody.querySelectorAll('tr.details table.matches tr').length > 1);
      tbody.querySelector('tr.posting button.toggle').click();
      check('matches hidden', tbody.querySelectorAll('tr.details').length === 0);
    }
    var listed = view().length;
    if (listed > 2) {
      state.size = Math.ceil(listed / 3);
      state.page = 1;
      render();
      var all = view();
      next.click();
      var first = tbody.querySelector('tr.posting');
      check('next page', pageLabel.textContent === 'page 2 of 3' && first && Number(first.dataset.i) === all[state.size].i);
      prev.click();
      check('previous page', pageLabel.textContent === 'page 1 of 3');
      state.size = data.pageSize;
      render();
    }
    function visibleRows() {
      return Array.prototype.map.call(tbody.querySelectorAll('tr.posting'), function (tr) { return posts[Number(tr.dataset.i)]; });
    }
    function listedCount() { return Number(table.getAttribute('data-matching')); }
    var all = listedCount();
    check('near-duplicates folded', visibleRows().every(function (p) { return !p.dup; }) && all === posts.length - duplicates);
    if (duplicates) {
      dupsBox.click();
      check('near-duplicates shown', listedCount() === posts.length && visibleRows().some(function (p) { return p.dup; }));
      dupsBox.click();
      check('near-duplicates folded again', listedCount() === all);
    }
    var remote = posts.filter(function (p) { return !p.dup && p.remote === 'remote'; }).length;
    remoteSel.value = 'remote';
    remoteSel.dispatchEvent(new Event('change'));
    check('remote filter', listedCount() === remote && visibleRows().every(function (p) { return p.remote === 'remote'; }));
    remoteSel.value = '';
    remoteSel.dispatchEvent(new Event('change'));
    var located = posts.filter(function (p) { return p.loc; })[0];
    if (located) {
      var word = located.loc.split(/[\s,]+/).filter(Boolean)[0];
      locInput.value = word.toUpperCase();
      locInput.dispatchEvent(new Event('input'));
      var want = posts.filter(function (p) { return !p.dup && p.locLower.indexOf(word.toLowerCase()) >= 0; }).length;
      check('location filter', listedCount() === want && visibleRows().every(function (p) { return p.locLower.indexOf(word.toLowerCase()) >= 0; }));
      locInput.value = '';
      locInput.dispatchEvent(new Event('input'));
    }
    var paid = posts.filter(function (p) { return p.payTop != null; })[0];
    if (paid) {
      payInput.value = String(paid.payTop);
      payInput.dispatchEvent(new Event('input'));
      var enough = posts.filter(function (p) { return !p.dup && p.payTop != null && p.payTop >= paid.payTop; }).length;
      check('pay filter', listedCount() === enough && visibleRows().every(function (p) { return p.payTop >= paid.payTop; }));
      payInput.value = '';
      payInput.dispatchEvent(new Event('input'));
    }
    check('filters cleared', listedCount() === all);
    if (data.hasFit) {
      var first = tbody.querySelector('tr.posting button.toggle');
      if (first) {
        first.click();
        check('fit breakdown shown', tbody.querySelectorAll('tr.details div.fit .f-how').length === 1);
        tbody.querySelector('tr.posting button.toggle').click();
      }
    }
    document.documentElement.setAttribute('data-selftest', failed ? 'fail' : 'pass');
    document.documentElement.setAttribute('data-selftest-log', log.join('; '));
  }

  var initial = location.hash.slice(1);
  readHash();
  render();
  // #expand opens every row of the first page, as the button does (a linkable view).
  if (/(^|&)expand(=|&|$)/.test(initial)) expand.click();
  if (/(^|&)selftest/.test(location.hash.slice(1))) selftest();
})();
