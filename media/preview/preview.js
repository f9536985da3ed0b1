// @ts-check
// The Flow Preview webview: renders the drawing model the extension computes (src/core/flow/preview)
// as SVG. Pan (drag, arrow keys), zoom (wheel, + and -), fit (0), child groups (double-click or
// Enter, breadcrumb or Backspace back). Messages: see src/core/flow/preview/messages.ts.
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const SVG = 'http://www.w3.org/2000/svg';
  const MIN_SCALE = 0.02;
  const MAX_SCALE = 4;
  const FIT_MARGIN = 40;

  const canvas = /** @type {HTMLElement} */ (document.querySelector('.canvas'));
  const breadcrumb = /** @type {HTMLElement} */ (document.querySelector('.breadcrumb'));
  const totals = /** @type {HTMLElement} */ (document.querySelector('.totals'));
  const banner = /** @type {HTMLElement} */ (document.querySelector('.banner'));

  /** @type {{ group?: string, transforms: Record<string, {x: number, y: number, scale: number}> }} */
  const state = Object.assign({ transforms: {} }, vscode.getState() || {});
  /** @type {any} */
  let model;
  /** @type {Map<string, any>} */
  let views = new Map();
  /** Which view holds each node and edge key. */
  /** @type {Map<string, string>} */
  let viewOf = new Map();
  /** @type {string | undefined} */
  let highlighted;
  let painted = false;
  /** @type {SVGSVGElement | undefined} */
  let svg;
  /** @type {SVGGElement | undefined} */
  let viewport;

  const escape = (/** @type {unknown} */ text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const plural = (/** @type {number} */ n, /** @type {string} */ word) => `${n} ${word}${n === 1 ? '' : 's'}`;

  window.addEventListener('message', (event) => {
    const message = event.data;
    switch (message.type) {
      case 'model': return showModel(message);
      case 'broken': return showBanner(`The JSON does not parse: this is the last good drawing. ${message.message}`);
      case 'notFlow':
        model = undefined;
        canvas.replaceChildren();
        breadcrumb.replaceChildren();
        totals.textContent = '';
        return showBanner(message.message);
      case 'highlight': return highlight(message.key);
    }
  });

  function showBanner(/** @type {string | undefined} */ text) {
    banner.hidden = !text;
    banner.textContent = text || '';
  }

  function showModel(/** @type {any} */ message) {
    const started = performance.now();
    model = message.model;
    views = new Map(model.groups.map((/** @type {any} */ view) => [view.key, view]));
    viewOf = new Map();
    for (const view of model.groups) {
      viewOf.set(view.key, view.key);
      for (const node of view.nodes) if (!viewOf.has(node.key) || node.kind !== 'group') viewOf.set(node.key, view.key);
      for (const edge of view.edges) viewOf.set(edge.key, view.key);
    }
    showBanner(message.readOnly ? `${message.title} is read-only: a catalog version.` : undefined);
    document.body.dataset.version = String(message.version);
    const { errors, warnings } = model.totals;
    totals.textContent = errors + warnings === 0 ? 'No problems' : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
    totals.className = `totals${errors ? ' has-errors' : warnings ? ' has-warnings' : ''}`;
    if (model.elsewhere) totals.title = model.elsewhere.messages.join('\n');
    else totals.removeAttribute('title');
    // The group being looked at stays open while it exists.
    render(views.has(state.group || '') ? /** @type {string} */ (state.group) : model.groups[0].key);
    if (!painted) {
      painted = true;
      requestAnimationFrame(() => requestAnimationFrame(() => {
        vscode.postMessage({ type: 'painted', ms: performance.now() - started, nodes: model.groups.reduce((n, g) => n + g.nodes.length, 0) });
      }));
    }
  }

  function render(/** @type {string} */ key) {
    const view = views.get(key);
    if (!view) return;
    const first = state.group !== key || !state.transforms[key];
    state.group = key;
    renderBreadcrumb(view);
    const parts = [];
    parts.push('<defs>');
    for (const kind of ['plain', 'failurePath', 'unrouted']) {
      parts.push(`<marker id="arrow-${kind}" class="arrow ${kind}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker>`);
    }
    parts.push('</defs><g class="viewport">');
    const byKey = new Map(view.nodes.map((/** @type {any} */ node) => [node.key, node]));
    for (const node of view.nodes) if (node.kind === 'label') parts.push(labelNode(node));
    for (const edge of view.edges) parts.push(edgeShape(edge, byKey));
    for (const node of view.nodes) if (node.kind !== 'label') parts.push(nodeShape(node));
    parts.push('</g>');
    canvas.innerHTML = `<svg xmlns="${SVG}" class="flow" role="group" aria-label="${escape(view.name)}">${parts.join('')}</svg>`;
    svg = /** @type {SVGSVGElement} */ (canvas.firstElementChild);
    viewport = /** @type {SVGGElement} */ (svg.querySelector('.viewport'));
    if (first) fit(); else applyTransform();
    if (highlighted) highlight(highlighted, false);
  }

  function renderBreadcrumb(/** @type {any} */ view) {
    const trail = [];
    for (let at = view; at; at = at.parent ? views.get(at.parent) : undefined) trail.unshift(at);
    breadcrumb.replaceChildren(...trail.flatMap((/** @type {any} */ item, /** @type {number} */ index) => {
      const last = index === trail.length - 1;
      const element = document.createElement(last ? 'span' : 'button');
      element.textContent = item.name || '(unnamed group)';
      element.className = last ? 'crumb current' : 'crumb';
      if (last) element.setAttribute('aria-current', 'page');
      else element.addEventListener('click', () => render(item.key));
      const badge = item.badge ? [badgeElement(item.badge)] : [];
      return index === 0 ? [element, ...badge] : [separator(), element, ...badge];
    }));
  }

  function separator() {
    const span = document.createElement('span');
    span.className = 'separator';
    span.textContent = '›';
    return span;
  }

  function badgeElement(/** @type {any} */ badge) {
    const span = document.createElement('span');
    span.className = `crumb-badge ${badge.errors ? 'error' : 'warning'}`;
    span.textContent = String(badge.errors || badge.warnings);
    span.title = badgeText(badge);
    return span;
  }

  function badgeText(/** @type {any} */ badge) {
    const lines = [`${plural(badge.errors, 'error')}, ${plural(badge.warnings, 'warning')}`, ...badge.messages];
    if (badge.more) lines.push(`… and ${badge.more} more`);
    return lines.join('\n');
  }

  function badgeShape(/** @type {any} */ badge, /** @type {number} */ x, /** @type {number} */ y, /** @type {string} */ key) {
    const parts = [];
    let at = x;
    for (const [severity, count] of [['warning', badge.warnings], ['error', badge.errors]]) {
      if (!count) continue;
      const width = 16 + String(count).length * 9;
      at -= width;
      parts.push(`<g class="badge ${severity}" data-key="${escape(key)}"><rect x="${at}" y="${y - 12}" width="${width}" height="24" rx="12"/>` +
        `<text x="${at + width / 2}" y="${y + 5}" text-anchor="middle">${count}</text></g>`);
      at -= 4;
    }
    return `<g class="badges"><title>${escape(badgeText(badge))}</title>${parts.join('')}</g>`;
  }

  const KIND_NAMES = { processor: 'Processor', inputPort: 'Input port', outputPort: 'Output port', funnel: 'Funnel', group: 'Process group', remoteGroup: 'Remote process group' };
  const ROLE_NAMES = { entry: 'ENTRY', failure: 'FAILURE', success: 'SUCCESS' };

  function nodeShape(/** @type {any} */ node) {
    const classes = ['node', node.kind];
    if (node.role) classes.push(`role-${node.role}`);
    if (node.badge) classes.push(node.badge.errors ? 'has-errors' : 'has-warnings');
    if (node.autoTerminated) classes.push('auto-terminated');
    // @ts-ignore
    const kindName = KIND_NAMES[node.kind];
    const label = `${kindName} ${node.name}${node.role ? `, ${node.role} port` : ''}${node.badge ? `, ${badgeText(node.badge).split('\n')[0]}` : ''}`;
    const parts = [`<g class="${classes.join(' ')}" data-key="${escape(node.key)}" transform="translate(${node.x},${node.y})" tabindex="0" role="button" aria-label="${escape(label)}">`];
    parts.push(`<title>${escape(`${kindName}: ${node.name}${node.detail ? ` (${node.detail})` : ''}${node.opens ? '\nDouble-click or Enter to open' : ''}`)}</title>`);
    if (node.kind === 'funnel') {
      parts.push(`<circle class="body" cx="${node.width / 2}" cy="${node.height / 2}" r="${node.width / 2}"/>`);
    } else {
      parts.push(`<rect class="body" width="${node.width}" height="${node.height}" rx="${node.kind === 'processor' ? 4 : 2}"/>`);
      if (node.kind === 'processor' || node.kind === 'group' || node.kind === 'remoteGroup') parts.push(`<rect class="stripe" width="8" height="${node.height}"/>`);
      const icon = node.kind === 'inputPort' ? '▶' : node.kind === 'outputPort' ? '◀' : node.kind === 'group' ? '▣' : node.kind === 'remoteGroup' ? '☁' : '⚙';
      parts.push(`<text class="icon" x="22" y="32">${icon}</text>`);
      parts.push(`<text class="name" x="46" y="${node.kind === 'processor' || node.kind === 'group' ? 32 : 30}">${escape(clip(node.name, node.kind === 'processor' || node.kind === 'group' ? 30 : 20))}</text>`);
      if (node.detail) parts.push(`<text class="detail" x="46" y="58">${escape(clip(node.detail, 40))}</text>`);
    }
    if (node.role) {
      // @ts-ignore
      const text = ROLE_NAMES[node.role];
      const width = text.length * 8 + 16;
      parts.push(`<g class="role"><rect x="0" y="-24" width="${width}" height="20" rx="3"/><text x="${width / 2}" y="-10" text-anchor="middle">${text}</text></g>`);
    }
    if (node.autoTerminated) {
      const text = `⊘ auto-terminates ${node.autoTerminated.join(', ')}`;
      parts.push(`<g class="terminated"><title>${escape(`Auto-terminated: ${node.autoTerminated.join(', ')}. The data is dropped and the invocation still succeeds.`)}</title>` +
        `<text x="18" y="${node.height - 14}">${escape(clip(text, 44))}</text></g>`);
    }
    if (node.badge) parts.push(badgeShape(node.badge, node.width + 6, 0, node.key));
    parts.push('</g>');
    return parts.join('');
  }

  function labelNode(/** @type {any} */ node) {
    const lines = String(node.detail || '').split('\n').slice(0, Math.max(1, Math.floor(node.height / 16)));
    const text = lines.map((line, index) => `<tspan x="8" y="${20 + index * 16}">${escape(clip(line, Math.max(4, Math.floor(node.width / 7))))}</tspan>`).join('');
    return `<g class="node label" data-key="${escape(node.key)}" transform="translate(${node.x},${node.y})"><rect class="body" width="${node.width}" height="${node.height}"/><text>${text}</text></g>`;
  }

  function clip(/** @type {string} */ text, /** @type {number} */ max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
  }

  function center(/** @type {any} */ node) {
    return { x: node.x + node.width / 2, y: node.y + node.height / 2 };
  }

  /** Where the line from `from` towards the node's centre crosses its border. */
  function border(/** @type {any} */ node, /** @type {{x: number, y: number}} */ from) {
    const c = center(node);
    const dx = from.x - c.x, dy = from.y - c.y;
    if (dx === 0 && dy === 0) return c;
    const sx = dx === 0 ? Infinity : (node.width / 2) / Math.abs(dx);
    const sy = dy === 0 ? Infinity : (node.height / 2) / Math.abs(dy);
    const s = Math.min(sx, sy, 1);
    return { x: c.x + dx * s, y: c.y + dy * s };
  }

  function edgeShape(/** @type {any} */ edge, /** @type {Map<string, any>} */ byKey) {
    const source = byKey.get(edge.source), target = byKey.get(edge.target);
    if (!source || !target) return '';
    let points;
    if (source === target && edge.bends.length === 0) {
      // A connection back to its own processor: a loop to the right, as NiFi draws it.
      const right = source.x + source.width, top = source.y + source.height / 2 - 24;
      points = [{ x: right, y: top }, { x: right + 60, y: top }, { x: right + 60, y: top + 48 }, { x: right, y: top + 48 }];
    } else {
      const inner = edge.bends;
      const start = border(source, inner[0] || center(target));
      const end = border(target, inner[inner.length - 1] || center(source));
      points = [start, ...inner, end];
    }
    const d = points.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' ');
    const labelAt = edge.labelIndex !== undefined && edge.bends[edge.labelIndex] ? edge.bends[edge.labelIndex] : midpoint(points);
    const text = edge.name || edge.relationships.join(', ');
    const classes = `edge ${edge.kind}${edge.badge ? (edge.badge.errors ? ' has-errors' : ' has-warnings') : ''}`;
    const parts = [`<g class="${classes}" data-key="${escape(edge.key)}" tabindex="0" role="button" aria-label="${escape(`Connection ${text || ''} ${edge.kind === 'unrouted' ? '(error relationship not routed to a failure port)' : edge.kind === 'failurePath' ? '(failure path)' : ''}`)}">`];
    parts.push(`<title>${escape(`${text || 'connection'}${edge.kind === 'failurePath' ? ': carries failures to a failure port' : edge.kind === 'unrouted' ? ': error relationship that never reaches a failure port' : ''}`)}</title>`);
    parts.push(`<path class="hit" d="${d}"/><path class="line" d="${d}" marker-end="url(#arrow-${edge.kind})"/>`);
    if (text) {
      const width = Math.min(text.length, 40) * 7 + 12;
      parts.push(`<g class="edge-label"><rect x="${labelAt.x - width / 2}" y="${labelAt.y - 11}" width="${width}" height="22" rx="3"/><text x="${labelAt.x}" y="${labelAt.y + 4}" text-anchor="middle">${escape(clip(text, 40))}</text></g>`);
    }
    if (edge.badge) parts.push(badgeShape(edge.badge, labelAt.x + width(text) / 2 + 30, labelAt.y, edge.key));
    parts.push('</g>');
    return parts.join('');
  }

  function width(/** @type {string} */ text) {
    return text ? Math.min(text.length, 40) * 7 + 12 : 0;
  }

  function midpoint(/** @type {{x: number, y: number}[]} */ points) {
    const i = Math.floor((points.length - 1) / 2);
    const a = points[i], b = points[i + 1] || a;
    return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  }

  // Pan and zoom: one transform on the viewport group per view, kept across redraws.
  function transform() {
    return state.transforms[/** @type {string} */ (state.group)] || { x: 0, y: 0, scale: 1 };
  }

  function applyTransform() {
    if (!viewport) return;
    const t = transform();
    viewport.setAttribute('transform', `translate(${t.x},${t.y}) scale(${t.scale})`);
    document.body.dataset.scale = t.scale.toFixed(3);
    vscode.setState(state);
  }

  function setTransform(/** @type {{x: number, y: number, scale: number}} */ t) {
    state.transforms[/** @type {string} */ (state.group)] = t;
    applyTransform();
  }

  function fit() {
    const view = views.get(state.group || '');
    if (!view) return;
    const box = canvas.getBoundingClientRect();
    const b = view.bounds;
    const w = Math.max(b.width, 1) + 2 * FIT_MARGIN + 60, h = Math.max(b.height, 1) + 2 * FIT_MARGIN + 30;
    const scale = clamp(Math.min(box.width / w, box.height / h, 1));
    setTransform({
      scale,
      x: (box.width - (b.width + 60) * scale) / 2 - (b.x - 30) * scale,
      y: (box.height - (b.height + 30) * scale) / 2 - (b.y - 30) * scale,
    });
  }

  function clamp(/** @type {number} */ scale) {
    return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
  }

  function zoom(/** @type {number} */ factor, /** @type {number} */ cx, /** @type {number} */ cy) {
    const t = transform();
    const scale = clamp(t.scale * factor);
    const k = scale / t.scale;
    setTransform({ scale, x: cx - (cx - t.x) * k, y: cy - (cy - t.y) * k });
  }

  function zoomAtCenter(/** @type {number} */ factor) {
    const box = canvas.getBoundingClientRect();
    zoom(factor, box.width / 2, box.height / 2);
  }

  function pan(/** @type {number} */ dx, /** @type {number} */ dy) {
    const t = transform();
    setTransform({ ...t, x: t.x + dx, y: t.y + dy });
  }

  /** @type {{x: number, y: number, moved: boolean} | undefined} */
  let drag;
  canvas.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    drag = { x: event.clientX, y: event.clientY, moved: false };
  });
  window.addEventListener('pointermove', (event) => {
    if (!drag) return;
    const dx = event.clientX - drag.x, dy = event.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    if (!drag.moved) canvas.setPointerCapture?.(event.pointerId);
    drag.moved = true;
    drag.x = event.clientX;
    drag.y = event.clientY;
    canvas.classList.add('panning');
    pan(dx, dy);
  });
  window.addEventListener('pointerup', () => {
    canvas.classList.remove('panning');
    setTimeout(() => { drag = undefined; }, 0);
  });
  canvas.addEventListener('wheel', (event) => {
    event.preventDefault();
    const box = canvas.getBoundingClientRect();
    zoom(Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.002)), event.clientX - box.left, event.clientY - box.top);
  }, { passive: false });

  /** The node or edge element under an event, if any. */
  function target(/** @type {Event} */ event) {
    const element = /** @type {Element} */ (event.target);
    return element.closest ? element.closest('[data-key]') : null;
  }

  canvas.addEventListener('click', (event) => {
    if (drag?.moved) return;
    const element = target(event);
    if (element) reveal(/** @type {string} */ (element.getAttribute('data-key')));
  });
  canvas.addEventListener('dblclick', (event) => {
    const element = target(event);
    const node = element && nodeByKey(element.getAttribute('data-key'));
    if (node?.opens) render(node.opens);
  });
  canvas.addEventListener('keydown', (event) => {
    const element = target(event);
    const node = element && nodeByKey(element.getAttribute('data-key'));
    if ((event.key === 'Enter' || event.key === ' ') && element && element !== canvas) {
      event.preventDefault();
      if (node?.opens && event.key === 'Enter' && !event.shiftKey) render(node.opens);
      else reveal(/** @type {string} */ (element.getAttribute('data-key')));
      return;
    }
    const step = 60;
    const handled = {
      ArrowLeft: () => pan(step, 0), ArrowRight: () => pan(-step, 0), ArrowUp: () => pan(0, step), ArrowDown: () => pan(0, -step),
      '+': () => zoomAtCenter(1.25), '=': () => zoomAtCenter(1.25), '-': () => zoomAtCenter(0.8), '0': () => fit(),
      Backspace: () => { const parent = views.get(state.group || '')?.parent; if (parent) render(parent); },
    }[event.key];
    if (handled) {
      event.preventDefault();
      handled();
    }
  });
  document.querySelector('.toolbar')?.addEventListener('click', (event) => {
    const action = /** @type {Element} */ (event.target).closest?.('[data-action]')?.getAttribute('data-action');
    if (action === 'zoomIn') zoomAtCenter(1.25);
    else if (action === 'zoomOut') zoomAtCenter(0.8);
    else if (action === 'fit') fit();
  });
  window.addEventListener('resize', () => { if (model && !state.transforms[state.group || '']) fit(); });

  function nodeByKey(/** @type {string | null} */ key) {
    // Clicks and keys come from the view on screen.
    return key ? views.get(state.group || '')?.nodes.find((/** @type {any} */ node) => node.key === key) : undefined;
  }

  function reveal(/** @type {string} */ key) {
    highlight(key, false);
    vscode.postMessage({ type: 'reveal', key });
  }

  /** Marks the component; opens its group and brings it into view when the cursor moved there. */
  function highlight(/** @type {string | undefined} */ key, follow = true) {
    highlighted = key;
    for (const element of canvas.querySelectorAll('.highlighted')) element.classList.remove('highlighted');
    if (!key || !model) return;
    const viewKey = viewOf.get(key);
    if (follow && viewKey && viewKey !== state.group && views.get(viewKey)?.nodes.length) {
      // The cursor is on a group itself (not one of its components): show it in its parent.
      if (viewKey === key) {
        const parent = views.get(key)?.parent;
        if (parent && parent !== state.group) render(parent);
      } else render(viewKey);
    }
    const element = canvas.querySelector(`[data-key="${CSS.escape(key)}"]`);
    if (!element) return;
    element.classList.add('highlighted');
    if (follow) bringIntoView(element);
  }

  function bringIntoView(/** @type {Element} */ element) {
    const box = canvas.getBoundingClientRect();
    const r = element.getBoundingClientRect();
    if (r.right < box.left || r.left > box.right || r.bottom < box.top || r.top > box.bottom) {
      pan(box.left + box.width / 2 - (r.left + r.width / 2), box.top + box.height / 2 - (r.top + r.height / 2));
    }
  }

  vscode.postMessage({ type: 'ready' });
})();
