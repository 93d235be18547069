
// Builds the findings and packages tables from the report-data block. Every value from the scan is untrusted and
// only ever reaches the page as textContent or an attribute set through the DOM, never as markup.
(() => {
  'use strict';
  const data = JSON.parse(document.getElementById('report-data').textContent);
  const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'];
  const rank = (s) => SEVERITIES.length - SEVERITIES.indexOf(s);

  const el = (tag, className, text) => {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  // Version-aware order: runs of digits compare as numbers, so 1.10 sorts after 1.9.
  const chunks = (s) => s.toLowerCase().match(/\d+|\D+/g) || [];
  const natural = (a, b) => {
    const x = chunks(a), y = chunks(b);
    for (let i = 0; i < x.length && i < y.length; i++) {
      if (x[i] === y[i]) continue;
      if (/^\d/.test(x[i]) && /^\d/.test(y[i])) {
        const p = x[i].replace(/^0+/, ''), q = y[i].replace(/^0+/, '');
        if (p.length !== q.length) return p.length - q.length;
        if (p !== q) return p < q ? -1 : 1;
      }
      return x[i] < y[i] ? -1 : 1;
    }
    return x.length - y.length;
  };

  const textCell = (key, className) => (td, row) => {
    const value = row[key];
    if (value) {
      td.textContent = value;
      if (className) td.classList.add(className);
      // Short values stay on one line; long ones (several fixed versions, pseudo-versions) wrap.
      if (value.length > 24) td.classList.add('long');
    } else {
      td.textContent = '-';
      td.classList.add('none');
    }
  };

  const severityCell = (td, f) => {
    td.append(el('span', 'badge sev-' + f.severity.toLowerCase(), f.severity));
  };

  // Only http(s) references become links; the report writer already drops other schemes.
  const idCell = (td, f) => {
    const target = typeof f.url === 'string' && /^https?:\/\//i.test(f.url)
      ? Object.assign(el('a', '', f.id), { href: f.url, rel: 'noopener noreferrer' })
      : el('span', '', f.id);
    if (f.aliases.length) target.title = 'Also: ' + f.aliases.join(', ');
    td.classList.add('id');
    td.append(target);
  };

  const titleCell = (td, f) => {
    td.classList.add('title');
    if (f.kev) {
      const kev = el('span', 'kev', 'KEV');
      kev.title = 'In CISA\u2019s Known Exploited Vulnerabilities catalogue';
      td.append(kev);
    }
    td.append(document.createTextNode(f.title));
  };

  const byText = (key) => (a, b) => natural(a[key], b[key]);

  const FINDING_COLUMNS = [
    { key: 'severity', label: 'Severity', cell: severityCell, compare: (a, b) => rank(a.severity) - rank(b.severity),
      firstDirection: -1 },
    { key: 'id', label: 'ID', cell: idCell },
    { key: 'package', label: 'Package / file', cell: textCell('package') },
    { key: 'installed', label: 'Installed', cell: textCell('installed', 'version') },
    { key: 'fixed', label: 'Fixed', cell: textCell('fixed', 'version') },
    { key: 'title', label: 'Title', cell: titleCell },
    { key: 'group', label: 'Target', cell: textCell('group') },
  ];

  const PACKAGE_COLUMNS = [
    { key: 'name', label: 'Name', cell: textCell('name') },
    { key: 'version', label: 'Version', cell: textCell('version', 'version') },
    { key: 'type', label: 'Type', cell: textCell('type') },
    { key: 'source', label: 'Source', cell: textCell('source') },
    { key: 'where', label: data.packageWhere === 'layer' ? 'Layer' : 'File', cell: textCell('where') },
    { key: 'licenses', label: 'Licenses', cell: textCell('licenses') },
  ];

  // A table whose header buttons sort it; ties keep the report's order. render(rows) shows the given rows.
  const sortableTable = (container, columns, rowClass, onSort) => {
    const table = el('table');
    const scroll = el('div', 'table-scroll');
    const head = el('tr');
    const tbody = el('tbody');
    const sort = { key: '', direction: 1 };
    const headers = columns.map((column) => {
      const th = el('th');
      th.scope = 'col';
      th.dataset.key = column.key;
      const button = el('button', '', column.label);
      button.type = 'button';
      button.addEventListener('click', () => {
        const direction = sort.key === column.key ? -sort.direction : column.firstDirection || 1;
        setSort(column.key, direction);
        onSort();
      });
      th.append(button);
      head.append(th);
      return th;
    });
    table.append(el('thead'), tbody);
    table.tHead.append(head);
    scroll.append(table);
    container.append(scroll);

    const setSort = (key, direction) => {
      const known = columns.some((c) => c.key === key);
      sort.key = known ? key : '';
      sort.direction = direction < 0 ? -1 : 1;
      headers.forEach((th) => {
        if (th.dataset.key === sort.key) th.setAttribute('aria-sort', sort.direction < 0 ? 'descending' : 'ascending');
        else th.removeAttribute('aria-sort');
      });
    };

    const render = (rows, emptyText) => {
      const column = columns.find((c) => c.key === sort.key);
      const ordered = rows.slice();
      if (column) {
        const compare = column.compare || byText(column.key);
        ordered.sort((a, b) => sort.direction * compare(a.row, b.row) || a.index - b.index);
      }
      const trs = ordered.map(({ row }) => {
        const tr = el('tr', rowClass);
        columns.forEach((c) => {
          const td = el('td');
          c.cell(td, row);
          tr.append(td);
        });
        return tr;
      });
      if (!trs.length) {
        const td = el('td', 'empty', emptyText);
        td.colSpan = columns.length;
        const tr = el('tr');
        tr.append(td);
        trs.push(tr);
      }
      tbody.replaceChildren(...trs);
    };

    return { sort, setSort, render };
  };

  // Findings: a text filter (every word must appear), severity toggles, sorting, all mirrored in the address
  // fragment so a filtered view can be bookmarked: #q=openssl&severity=CRITICAL,HIGH&sort=-id
  const findingView = document.getElementById('finding-view');
  const findings = data.findings.map((row, index) => ({
    row, index,
    text: [row.id, ...row.aliases, row.package, row.installed, row.fixed, row.title, row.group, row.kind]
      .join('\n').toLowerCase(),
  }));

  if (!findings.length) {
    findingView.append(el('p', 'empty', 'No findings.'));
  } else {
    const state = { query: '', severities: new Set(SEVERITIES) };
    const controls = el('div', 'controls');
    const search = el('input');
    search.type = 'search';
    search.id = 'finding-filter';
    search.placeholder = 'Filter: id, package, file, title\u2026';
    search.setAttribute('aria-label', 'Filter findings');
    controls.append(search);
    const toggles = SEVERITIES.map((severity) => {
      const count = findings.filter((f) => f.row.severity === severity).length;
      const label = el('label');
      const box = el('input');
      box.type = 'checkbox';
      box.value = severity;
      box.className = 'severity-toggle';
      label.append(box, el('span', 'badge sev-' + severity.toLowerCase(), severity), ' ' + count);
      controls.append(label);
      return box;
    });
    const shown = el('span', 'shown');
    shown.id = 'finding-count';
    shown.setAttribute('aria-live', 'polite');
    controls.append(shown);
    findingView.append(controls);

    const update = () => {
      const words = state.query.toLowerCase().split(/\s+/).filter(Boolean);
      const visible = findings.filter((f) => state.severities.has(f.row.severity)
        && words.every((w) => f.text.includes(w)));
      table.render(visible, 'No findings match the filter.');
      shown.textContent = visible.length + ' of ' + findings.length + ' findings shown';
    };

    const writeLocation = () => {
      const params = new URLSearchParams();
      if (state.query) params.set('q', state.query);
      if (state.severities.size !== SEVERITIES.length) {
        params.set('severity', SEVERITIES.filter((s) => state.severities.has(s)).join(','));
      }
      if (table.sort.key) params.set('sort', (table.sort.direction < 0 ? '-' : '') + table.sort.key);
      const fragment = params.toString();
      try {
        history.replaceState(null, '', fragment ? '#' + fragment : location.pathname + location.search);
      } catch (e) {
        // Some browsers refuse history changes for file: pages; the view still works, only the address stays.
      }
    };

    const table = sortableTable(findingView, FINDING_COLUMNS, 'finding-row', () => { update(); writeLocation(); });

    // The fragment wins; a query string (?q=...) works too where a file: URL keeps one.
    const readLocation = () => {
      const raw = location.hash.length > 1 ? location.hash.slice(1) : location.search.slice(1);
      const params = new URLSearchParams(raw);
      state.query = params.get('q') || '';
      if (params.has('severity')) {
        const wanted = params.getAll('severity').join(',').split(',').map((s) => s.trim().toUpperCase());
        state.severities = new Set(SEVERITIES.filter((s) => wanted.includes(s)));
      } else {
        state.severities = new Set(SEVERITIES);
      }
      const sort = params.get('sort') || '';
      table.setSort(sort.replace(/^-/, ''), sort.startsWith('-') ? -1 : 1);
      // The default* properties too, so the filter shows in the markup (and in a DOM dump) as well.
      search.value = search.defaultValue = state.query;
      toggles.forEach((box) => { box.checked = box.defaultChecked = state.severities.has(box.value); });
      update();
    };

    search.addEventListener('input', () => { state.query = search.value; update(); writeLocation(); });
    toggles.forEach((box) => box.addEventListener('change', () => {
      box.defaultChecked = box.checked;
      if (box.checked) state.severities.add(box.value);
      else state.severities.delete(box.value);
      update();
      writeLocation();
    }));
    window.addEventListener('hashchange', readLocation);
    readLocation();
  }

  const packageView = document.getElementById('package-view');
  if (!data.packages.length) {
    packageView.append(el('p', 'empty', 'No packages found.'));
  } else {
    const packages = data.packages.map((row, index) => ({ row, index }));
    const packageTable = sortableTable(packageView, PACKAGE_COLUMNS, 'package-row',
      () => packageTable.render(packages, ''));
    packageTable.render(packages, '');
  }
})();
