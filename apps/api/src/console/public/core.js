// @ts-check
import { errorMessage, fieldErrors, lang, t } from './i18n.js';
import { formatNumber, parseNumber } from './numbers.js';

/** h('div', {class: 'x', onclick}, 'text', child): DOM without innerHTML, so text is never markup. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'value') el.value = value;
    else if (key === 'checked') el.checked = Boolean(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export const session = {
  get token() { return localStorage.getItem('nguon.token'); },
  set token(value) {
    value ? localStorage.setItem('nguon.token', value) : localStorage.removeItem('nguon.token');
    if (!value) { this.actingAs = null; localStorage.removeItem('nguon.me'); }
  },
  /** A programme office reading a cooperative that accepted its oversight: that organization's id. */
  get actingAs() { return localStorage.getItem('nguon.actingAs'); },
  set actingAs(value) { value ? localStorage.setItem('nguon.actingAs', value) : localStorage.removeItem('nguon.actingAs'); },
  /** /me as the organization shown (the cooperative, when an office reads one). */
  me: null,
  /** /me of the user's own organization. */
  self: null,
  get canWrite() { return this.me && this.me.role !== 'viewer'; },
  get isAdmin() { return !this.actingAs && this.self && ['owner', 'admin'].includes(this.self.role); },
  get isOffice() { return this.self?.organization.kind === 'programme_office'; },
};

/** @typedef {{ ok: boolean, status: number, body: any }} ApiResult */
/** What a form's onSubmit answers: an API result, or a refusal made in the page (no status). */
/** @typedef {{ ok: boolean, status?: number, body?: any }} SubmitResult */

/**
 * Calls the API; resolves to {ok, status, body}. A retry of a write reuses its Idempotency-Key.
 * While an office reads a cooperative, requests go to that cooperative, unless `asSelf`.
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 * @param {{ idempotencyKey?: string, asSelf?: boolean }} [options]
 * @returns {Promise<ApiResult>}
 */
export async function api(method, path, body, { idempotencyKey, asSelf } = {}) {
  const headers = { accept: 'application/json' };
  if (session.token) headers.authorization = `Bearer ${session.token}`;
  if (session.actingAs && !asSelf) headers['x-organization-id'] = session.actingAs;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['idempotency-key'] = idempotencyKey ?? crypto.randomUUID();
  // Offline (the phone says so): no request, no waiting; callers keep the entry on the device (offline.js).
  if (navigator.onLine === false) return { ok: false, status: 0, body: null };
  let response;
  for (let attempt = 1; ; attempt++) {
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      break;
    } catch (error) {
      // Slow rural links drop: retry the same request (same Idempotency-Key, so nothing is written twice).
      if (attempt >= 3) return { ok: false, status: 0, body: null };
      await new Promise((r) => setTimeout(r, 800 * attempt));
    }
  }
  let parsed = null;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) parsed = await response.json().catch(() => null);
  if (response.status === 401 && session.token && !path.startsWith('/api/v1/auth/')) {
    session.token = null;
    location.hash = '#/login';
  }
  return { ok: response.ok, status: response.status, body: parsed };
}

/** Downloads an authenticated file through a blob link (keeps the token out of URLs). */
export async function download(path, filename) {
  const headers = { authorization: `Bearer ${session.token}` };
  if (session.actingAs) headers['x-organization-id'] = session.actingAs;
  const response = await fetch(path, { headers });
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new Error(errorMessage(body));
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** @typedef {import('../api-types').paths} Paths The API's routes, generated from its OpenAPI document (`npm run api-types`). */
/**
 * The path parameters and query of a read, as the OpenAPI document gives them.
 * @template {keyof Paths} P
 * @typedef {Paths[P] extends { get: { parameters: { query?: infer Q, path?: infer A } } } ? { path?: A, query?: Q } : never} ReadParameters
 */

/**
 * The URL of an API read, checked by the console's type-check against the OpenAPI document: the path
 * as the document writes it (`/api/v1/lots/{id}`), its path parameters and its query by name and type.
 * A query the API does not take (the lot list's `q` when it took only `search`) fails `npm run typecheck`.
 * @template {keyof Paths} P
 * @param {P} path
 * @param {ReadParameters<P>} [params]
 * @returns {string}
 */
export function apiUrl(path, params) {
  const given = /** @type {{ path?: object, query?: object }} */ (params ?? {});
  const values = /** @type {Record<string, unknown>} */ (given.path ?? {});
  const url = String(path).replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(String(values[name] ?? '')));
  const query = Object.entries(/** @type {Record<string, unknown>} */ (given.query ?? {})).filter(([, value]) => value !== undefined && value !== null && value !== '');
  return query.length ? `${url}?${new URLSearchParams(query.map(([name, value]) => [name, String(value)]))}` : url;
}

export function alertBox(kind, text) {
  return h('div', { class: `alert ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

export function badge(value) {
  return h('span', { class: `badge ${value}` }, t(`kinds.${value}`));
}

export function stars(n) {
  return n ? h('span', { class: 'stars', title: `OCOP ${n}★` }, '★'.repeat(n)) : '';
}

export function formatDate(value) {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toLocaleDateString(document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
}

/** A quantity with its unit, as a person reads it: "39 000 kg", "2,5 tấn". */
export const formatQuantity = (quantity, unit) => `${formatNumber(quantity, lang())}${unit ? ` ${t(`units.${unit}`)}` : ''}`;

export const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** Fills a select with the given units, keeping its chosen code. */
function fillUnits(select, units) {
  const chosen = select.dataset.value;
  select.replaceChildren(h('option', { value: '' }, '—'), ...units.map((u) => h('option', { value: u.code, selected: u.code === chosen || undefined }, u.name)));
}

/** The province picker loads the 34 provinces; choosing one loads its communes into the commune picker. */
function linkPlacePickers(pickers) {
  const province = pickers.find(({ field }) => field.type === 'province')?.input;
  const commune = pickers.find(({ field }) => field.type === 'commune')?.input;
  if (!province) return;
  const loadCommunes = async () => {
    if (!commune) return;
    if (!province.value) return fillUnits(commune, []);
    const result = await api('GET', `/api/v1/admin-units/provinces/${province.value}/communes`, undefined, { asSelf: true });
    fillUnits(commune, result.ok ? result.body : []);
  };
  province.addEventListener('change', () => {
    if (commune) commune.dataset.value = '';
    void loadCommunes();
  });
  void api('GET', '/api/v1/admin-units/provinces', undefined, { asSelf: true }).then((result) => {
    fillUnits(province, result.ok ? result.body : []);
    province.dataset.ready = 'true';
    return loadCommunes();
  });
}

/**
 * A form from field specs. Field spec: {name, type: text|number|date|datetime|select|checkbox|textarea|json|multiselect,
 * options: [{value, label}], required, help}. onSubmit(values) returns an API result; errors are shown by field.
 */
/**
 * @param {any[]} fields
 * @param {{ submitLabel?: string, initial?: Record<string, any>, onSubmit?: (values: Record<string, any>, context: { idempotencyKey: string }) => Promise<SubmitResult | void> | SubmitResult | void, extra?: any }} [options]
 */
export function form(fields, { submitLabel, initial = {}, onSubmit, extra } = {}) {
  const errorArea = h('div');
  const inputs = {};
  const wrappers = {};
  const errorSlots = {};
  const rows = fields.map((field) => {
    const id = `f-${field.name}-${Math.random().toString(36).slice(2, 7)}`;
    let input;
    // A required choice with one possible answer is made already: one click less for every clerk with one area.
    const only = field.type === 'select' && field.required && field.options?.length === 1 ? field.options[0].value : undefined;
    const value = initial[field.name] ?? field.default ?? only;
    if (field.type === 'select') {
      input = h('select', { id, name: field.name },
        h('option', { value: '' }, field.required ? '—' : ''),
        (field.options ?? []).map((o) => h('option', { value: o.value, selected: String(value) === o.value || undefined }, o.label)));
    } else if (field.type === 'multiselect') {
      // Tick boxes, not a multiple <select>: no Ctrl-click to discover, and they work with a thumb.
      const chosen = Array.isArray(value) ? value : [];
      input = h('div', { id, class: 'checks', role: 'group', 'data-name': field.name },
        (field.options ?? []).length ? field.options.map((o) => h('label', { class: 'inline' }, h('input', { type: 'checkbox', name: field.name, value: o.value, checked: chosen.includes(o.value) }), ' ', o.label))
          : h('span', { class: 'muted' }, t('none')));
    } else if (field.type === 'point') {
      input = pointInput(id, field, value);
    } else if (field.type === 'province' || field.type === 'commune') {
      // Picked from the official 2025 list (34 provinces, their communes): codes, never free text.
      input = h('select', { id, name: field.name, 'data-value': value ?? '' }, h('option', { value: '' }, '—'));
    } else if (field.type === 'checkbox') {
      input = h('input', { id, name: field.name, type: 'checkbox', checked: value ?? field.default ?? false });
    } else if (field.type === 'textarea' || field.type === 'json') {
      input = h('textarea', { id, name: field.name }, value === undefined || value === null ? '' : field.type === 'json' ? JSON.stringify(value) : String(value));
    } else {
      const type = field.type === 'number' ? 'text' : field.type === 'datetime' ? 'datetime-local' : field.type ?? 'text';
      const shown = field.type === 'number' && value !== undefined && value !== null && value !== '' ? formatNumber(value, lang()) : value;
      input = h('input', { id, name: field.name, type, inputmode: field.type === 'number' ? 'decimal' : undefined, value: shown ?? field.default ?? '', max: field.max });
    }
    const preview = field.type === 'number' ? numberPreview(input, field) : null;
    inputs[field.name] = { input, field };
    errorSlots[field.name] = h('div', { class: 'field-error', 'data-for': field.name });
    const label = h('label', { for: id, class: field.type === 'checkbox' ? 'inline' : undefined }, field.type === 'checkbox' ? [input, ' ', field.label] : field.label, field.required ? ' *' : '');
    wrappers[field.name] = h('div', { class: 'field', 'data-field': field.name }, label, field.type === 'checkbox' ? null : input, preview, field.help ? h('div', { class: 'muted' }, field.help) : null, errorSlots[field.name]);
    return wrappers[field.name];
  });
  linkPlacePickers(Object.values(inputs).filter(({ field }) => field.type === 'province' || field.type === 'commune'));
  const button = h('button', { type: 'submit', class: 'primary' }, submitLabel ?? t('save'));
  const idempotencyKey = crypto.randomUUID();
  const el = h('form', { novalidate: true }, errorArea, rows, extra ?? null, button);

  const values = () => {
    const out = {};
    for (const [name, { input, field }] of Object.entries(inputs)) {
      if (field.type === 'checkbox') { out[name] = input.checked; continue; }
      if (field.type === 'multiselect') { out[name] = [...input.querySelectorAll('input:checked')].map((o) => o.value); continue; }
      if (field.type === 'point') { const point = input.point(); if (point !== undefined) out[name] = point; continue; }
      const raw = input.value.trim();
      if (raw === '') { if (field.sendEmpty) out[name] = null; continue; }
      if (field.type === 'select' && field.asNumber) { out[name] = Number(raw); continue; }
      // Sent as the decimal the person saw confirmed next to the field; what cannot be read goes as typed,
      // and the server refuses it with a coded error (QUANTITY_AMBIGUOUS) rather than guessing.
      if (field.type === 'number') { const parsed = parseNumber(raw, lang()); out[name] = parsed.ok ? (field.asNumber ? Number(parsed.value) : parsed.value) : raw; }
      else if (field.type === 'int') out[name] = Number(raw);
      else if (field.type === 'json') { try { out[name] = JSON.parse(raw); } catch { out[name] = raw; } }
      else if (field.type === 'datetime') out[name] = `${raw}:00+07:00`;
      else out[name] = raw;
    }
    return out;
  };

  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    errorArea.replaceChildren();
    for (const name of Object.keys(inputs)) { wrappers[name].classList.remove('invalid'); errorSlots[name].textContent = ''; }
    // Required fields left empty are named here, in plain words, before anything is sent.
    const current = values();
    const missing = fields.filter((x) => x.required && x.type !== 'checkbox' && (current[x.name] === undefined || current[x.name] === null || (Array.isArray(current[x.name]) && !current[x.name].length)));
    if (missing.length) {
      for (const x of missing) { wrappers[x.name].classList.add('invalid'); errorSlots[x.name].textContent = t('rules.isNotEmpty'); }
      errorArea.replaceChildren(alertBox('error', t('codes.VALIDATION_FAILED')));
      inputs[missing[0].name].input.focus?.();
      return;
    }
    button.disabled = true;
    try {
      const result = await onSubmit(current, { idempotencyKey });
      if (result && !result.ok) showErrors(result.body);
    } finally {
      button.disabled = false;
    }
  });

  function showErrors(body) {
    const byField = fieldErrors(body, values());
    let placed = false;
    for (const [field, message] of Object.entries(byField)) {
      const name = field.split('.')[0].replace(/\[\d+\]$/, '');
      if (inputs[field] || inputs[name]) {
        const key = inputs[field] ? field : name;
        wrappers[key].classList.add('invalid');
        errorSlots[key].textContent = message;
        placed = true;
      }
    }
    errorArea.replaceChildren(alertBox('error', placed && body?.code === 'VALIDATION_FAILED' ? t('codes.VALIDATION_FAILED') : errorMessage(body)));
  }

  return { el, values, showErrors, inputs };
}

/**
 * A location as latitude and longitude (typed, or the phone's position), sent as a GeoJSON point. An
 * area already drawn as a polygon keeps its polygon unless new numbers are typed.
 */
function pointInput(id, field, value) {
  const coordinates = value?.type === 'Point' ? value.coordinates : null;
  const lat = h('input', { id, name: `${field.name}.lat`, inputmode: 'decimal', 'aria-label': t('location.lat'), placeholder: '21.3857', value: coordinates ? String(coordinates[1]) : '' });
  const lng = h('input', { name: `${field.name}.lng`, inputmode: 'decimal', 'aria-label': t('location.lng'), placeholder: '103.0169', value: coordinates ? String(coordinates[0]) : '' });
  const status = h('span', { class: 'muted' }, value && value.type !== 'Point' ? t('location.polygonKept') : '');
  const here = h('button', { type: 'button', class: 'secondary', onclick: () => {
    if (!navigator.geolocation) return void (status.textContent = t('location.unavailable'));
    status.textContent = t('loading');
    navigator.geolocation.getCurrentPosition(
      (p) => { lat.value = p.coords.latitude.toFixed(6); lng.value = p.coords.longitude.toFixed(6); status.textContent = `± ${Math.round(p.coords.accuracy)} m`; },
      () => { status.textContent = t('location.unavailable'); }, { enableHighAccuracy: true, timeout: 15000 });
  } }, t('location.here'));
  const wrapper = h('div', { class: 'point' }, h('div', { class: 'row' }, h('label', { class: 'inline' }, t('location.lat'), ' ', lat), h('label', { class: 'inline' }, t('location.lng'), ' ', lng)), h('div', { class: 'toolbar' }, here, status));
  /** undefined: leave as is; null: clear; otherwise a GeoJSON point (longitude first). */
  wrapper.point = () => {
    const a = lat.value.trim().replace(',', '.'), b = lng.value.trim().replace(',', '.');
    if (a === '' && b === '') return value && value.type !== 'Point' ? undefined : field.sendEmpty && value ? null : undefined;
    return { type: 'Point', coordinates: [Number(b), Number(a)] };
  };
  return wrapper;
}

/**
 * A confirmation that needs a reason (a void, a recall): what will happen comes first (`intro`), the
 * reason is required, `send(reason)` makes the API call and `onDone(body)` runs when it succeeded.
 */
/**
 * @param {HTMLElement} target
 * @param {{ name: string, intro: any, afterReason?: any, confirmLabel: string, send: (reason: string) => Promise<ApiResult>, onDone: (result: ApiResult) => void }} options
 */
export function reasonDialog(target, { name, intro, afterReason, confirmLabel, send, onDone }) {
  const reason = h('input', { id: `${name}-reason`, name: 'reason', required: true, maxlength: 1000 });
  const error = h('div');
  const confirmButton = h('button', { type: 'submit', class: 'danger' }, confirmLabel);
  target.replaceChildren(h('form', {
    class: 'card', 'data-testid': `${name}-form`, novalidate: true,
    onsubmit: async (submitted) => {
      submitted.preventDefault();
      if (!reason.value.trim()) return error.replaceChildren(alertBox('error', `${t('fields.reason')}: ${t('rules.isNotEmpty')}`));
      confirmButton.disabled = true;
      const result = await send(reason.value.trim());
      confirmButton.disabled = false;
      if (!result.ok) return error.replaceChildren(alertBox('error', errorMessage(result.body)));
      onDone(result.body);
    },
  }, intro, error,
  h('div', { class: 'field' }, h('label', { for: `${name}-reason` }, t('fields.reason'), ' *'), reason, afterReason ?? null),
  h('div', { class: 'toolbar' }, confirmButton, h('button', { type: 'button', class: 'secondary', onclick: () => target.replaceChildren() }, t('cancel')))));
  reason.focus();
}

/** A message for the next screen ("Đã tạo …"), shown once after the page changes. */
export function flash(kind, text) {
  sessionStorage.setItem('nguon.flash', JSON.stringify({ kind, text }));
}

export function takeFlash() {
  const stored = sessionStorage.getItem('nguon.flash');
  sessionStorage.removeItem('nguon.flash');
  if (!stored) return null;
  const { kind, text } = JSON.parse(stored);
  return alertBox(kind, text);
}

/**
 * What a number field was understood as, shown beside it as it is typed ("25.000" → "= 25 000 kg"), so a
 * misread quantity is seen before it is saved. `field.unitFrom` names the form field holding the unit.
 */
function numberPreview(input, field) {
  const out = h('output', { class: 'number-preview', 'data-preview-for': field.name, for: input.id, 'aria-live': 'polite' });
  const update = () => {
    const raw = input.value.trim();
    const parsed = parseNumber(raw, lang());
    const unitInput = field.unitFrom ? input.form?.querySelector(`[name=${field.unitFrom}]`) : null;
    const unit = unitInput?.value ? ` ${t(`units.${unitInput.value}`)}` : field.suffix ? ` ${field.suffix}` : '';
    out.classList.toggle('bad', raw !== '' && !parsed.ok);
    out.textContent = raw === '' ? '' : parsed.ok ? `= ${formatNumber(parsed.value, lang())}${unit}` : t('numbers.unreadable');
  };
  input.addEventListener('input', update);
  // The unit select sits in the same form: follow it once the form is assembled.
  queueMicrotask(() => { if (field.unitFrom) input.form?.querySelector(`[name=${field.unitFrom}]`)?.addEventListener('change', update); update(); });
  return out;
}

export function table(columns, rows, onClick) {
  if (!rows.length) return h('p', { class: 'muted' }, t('none'));
  return h('table', {},
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', {}, c.label)))),
    // A row that opens something is reachable by Tab and opens with Enter or Space, like a link.
    h('tbody', {}, rows.map((row) => h('tr', {
      class: onClick ? 'clickable' : undefined, 'data-id': row.id, tabindex: onClick ? 0 : undefined, role: onClick ? 'link' : undefined,
      onclick: onClick ? (e) => { if (!e.target.closest('a, button, input, select')) onClick(row); } : undefined,
      onkeydown: onClick ? (e) => { if ((e.key === 'Enter' || e.key === ' ') && e.target === e.currentTarget) { e.preventDefault(); onClick(row); } } : undefined,
    },
      columns.map((c) => h('td', {}, c.render ? c.render(row) : row[c.key] ?? ''))))));
}

export const options = (values, prefix = 'kinds') => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
