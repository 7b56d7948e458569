// @ts-check
import { alertBox, api, apiUrl, badge, download, flash, form, formatDate, formatQuantity, h, reasonDialog, session, table, today } from './core.js';
import { errorMessage, lang, t } from './i18n.js';
import { parseNumber } from './numbers.js';
import { canVoid, voidDialog } from './events.js';
import { list } from './registry.js';
import { et, evidencePhotos, uploadPhoto } from './evidence.js';
import { cachedList, entry as outboxEntry, keep, position, positionBy, positionText, sendAll } from './offline.js';

const UNITS = () => ['kg', 't', 'g', 'l', 'ml', 'pcs', 'pack'].map((u) => ({ value: u, label: t(`units.${u}`) }));
const f = (name, extra = {}) => ({ name, label: t(`fields.${name}`), ...extra });
const productName = (lot) => lot.product?.nameVi ?? lot.productName ?? '';
// Reference documents: FSMA 204 asks for their type and number on every critical tracking event.
const DOCUMENT_TYPES = ['invoice', 'delivery_note', 'bill_of_lading', 'purchase_order', 'production_order', 'field_tag', 'cooling_log', 'receiving_advice', 'other'];
const documentFields = (defaultType) => [
  f('documentType', { type: 'select', options: DOCUMENT_TYPES.map((value) => ({ value, label: t(`documentTypes.${value}`) })), default: defaultType }),
  f('documentNumber', { help: 'VD: 0001234' }),
];
/** @param {Record<string, any>} values a form's values, with the optional document fields */
const withDocuments = ({ documentType, documentNumber, ...values }) => ({ ...values, documents: documentNumber ? [{ type: documentType || 'other', number: documentNumber }] : undefined });
const qty = formatQuantity;

export async function lotsView(params) {
  const q = params.get('q') ?? '';
  const rows = await list(apiUrl('/api/v1/lots', { query: { limit: 100, search: q } }));
  const search = h('input', { type: 'search', name: 'q', value: q, placeholder: t('search'), 'aria-label': t('search') });
  return [
    h('h1', {}, t('nav.lots')),
    h('form', { class: 'toolbar', role: 'search', onsubmit: (e) => { e.preventDefault(); location.hash = `#/lots?q=${encodeURIComponent(search.value)}`; } },
      search, h('button', { class: 'secondary', type: 'submit' }, t('search')),
      session.canWrite ? [h('a', { href: '#/harvest' }, h('button', { type: 'button', class: 'primary' }, t('nav.harvest'))), h('a', { href: '#/transform' }, h('button', { type: 'button', class: 'secondary' }, t('nav.transform')))] : null),
    table([
      { label: t('fields.lotCode'), key: 'code' },
      { label: t('fields.productId'), render: productName },
      { label: t('lot.quantity'), render: (r) => qty(r.quantity, r.unit) },
      { label: t('lot.available'), render: (r) => qty(r.available ?? r.quantity, r.unit) },
      { label: t('fields.status'), render: (r) => badge(r.status) },
    ], rows, (row) => (location.hash = `#/lots/${row.id}`)),
  ];
}

/** The yield warning's confirmation: shown after the server found the quantity implausible. */
const yieldAck = () => h('div', { class: 'alert warn' }, h('p', {}, t('harvest.ackHelp')),
  h('label', { class: 'inline' }, h('input', { type: 'checkbox', name: 'acknowledgeYieldWarning' }), ' ', t('fields.acknowledgeYieldWarning')),
  h('div', { class: 'field' }, h('label', { for: 'ack-reason' }, t('fields.yieldWarningReason')), h('input', { id: 'ack-reason', name: 'yieldWarningReason' })));

/**
 * The harvest form. Without a network (or editing an entry of the outbox, `?outbox=id`) the harvest is kept
 * on the device and sent later (offline.js); its lists come from the last time they were read online.
 */
export async function harvestView(params = new URLSearchParams()) {
  const [areas, products, partners] = await Promise.all([
    cachedList(apiUrl('/api/v1/growing-areas', { query: { limit: 200 } })), cachedList(apiUrl('/api/v1/products', { query: { limit: 200 } })), cachedList(apiUrl('/api/v1/partners', { query: { limit: 200 } })),
  ]);
  const editing = params.get('outbox') ? await outboxEntry(params.get('outbox')) : undefined;
  // The phone's position is asked for as the form opens (if the phone allows it) and sent with the
  // harvest: the save never waits more than a moment for it.
  const here = editing ? Promise.resolve(null) : position();
  const ack = h('div', {}, editing?.error?.code === 'HARVEST_YIELD_IMPLAUSIBLE' ? yieldAck() : null);
  // Photos of the harvest (bags, scale, field tag): uploaded to the new lot, or kept with the entry offline.
  const photoInput = h('input', { type: 'file', accept: 'image/*', capture: 'environment', multiple: true, 'data-testid': 'harvest-photos', 'aria-label': et('harvestPhotos') });
  const chosenPhotos = () => [...(photoInput.files ?? [])];
  const keepOnDevice = async (values, body, key) => {
    const area = areas.find((a) => a.id === values.growingAreaId);
    const product = products.find((p) => p.id === values.productId);
    const label = [values.lotCode, area?.code, product?.nameVi, qty(values.quantity, values.unit), values.harvestedAt].filter(Boolean).join(' · ');
    await keep({ id: editing?.id, kind: 'harvest', path: '/api/v1/lots/harvest', values, body, label, position: await positionBy(here), key, photos: chosenPhotos() });
    flash('ok', t('outbox.kept'));
    location.hash = '#/outbox';
    void sendAll();
    return { ok: true };
  };
  const built = form([
    f('growingAreaId', { type: 'select', required: true, options: areas.map((a) => ({ value: a.id, label: `${a.code} — ${a.name} (${t(`kinds.${a.status}`)})` })) }),
    f('partnerId', { type: 'select', options: partners.filter((p) => p.kind === 'member_household').map((p) => ({ value: p.id, label: p.name })) }),
    f('productId', { type: 'select', required: true, options: products.map((p) => ({ value: p.id, label: p.nameVi })) }),
    f('quantity', { type: 'number', required: true, unitFrom: 'unit' }),
    f('unit', { type: 'select', required: true, options: UNITS(), default: 'kg' }),
    f('harvestedAt', { type: 'date', required: true, default: today() }),
    f('lotCode', { help: 'VD: SC-2026-001 (bỏ trống để tự sinh)' }),
    ...documentFields('field_tag'),
  ], {
    submitLabel: t('nav.harvest'),
    initial: editing?.values,
    extra: [h('div', { class: 'field' }, h('label', { class: 'inline' }, `${et('harvestPhotos')} `, photoInput)), ack],
    onSubmit: async (values, { idempotencyKey }) => {
      const ackBox = ack.querySelector('input[name=acknowledgeYieldWarning]');
      if (ackBox?.checked) {
        values.acknowledgeYieldWarning = true;
        values.yieldWarningReason = ack.querySelector('[name=yieldWarningReason]').value;
      }
      if (editing || navigator.onLine === false) return keepOnDevice(values, withDocuments(values));
      // A confirmed yield is another request than the refused one: it takes its own key.
      const key = ackBox?.checked ? crypto.randomUUID() : idempotencyKey;
      const where = await positionBy(here);
      const body = { ...withDocuments(values), ...(where ? { position: where } : {}) };
      const result = await api('POST', '/api/v1/lots/harvest', body, { idempotencyKey: key });
      // The link dropped on the way: kept with the same key and body, so it is written once whether it arrived or not.
      if (result.status === 0) return keepOnDevice(values, body, key);
      if (result.ok) {
        // The lot is made; its photos follow (a photo the server refuses is said on the lot's page, where it can be added again).
        const refused = [];
        for (const file of chosenPhotos()) {
          const sent = await uploadPhoto(`/api/v1/lots/${result.body.id}`, file);
          if (!sent.ok) refused.push(errorMessage(sent.body));
        }
        flash(refused.length ? 'warn' : 'ok', [`${t('created')}: ${result.body.code}`, ...refused].join(' — '));
        location.hash = `#/lots/${result.body.id}`;
      }
      else if (result.body?.code === 'HARVEST_YIELD_IMPLAUSIBLE' && !ackBox) ack.replaceChildren(yieldAck());
      return result;
    },
  });
  return [
    h('h1', {}, t('harvest.title')),
    editing ? alertBox('warn', t('outbox.editing')) : navigator.onLine === false ? alertBox('warn', t('outbox.offlineNote')) : null,
    h('div', { class: 'card' }, built.el),
  ];
}

export async function transformView(params) {
  const [lots, products, facilities] = await Promise.all([
    list(apiUrl('/api/v1/lots', { query: { limit: 200, status: 'active' } })), list(apiUrl('/api/v1/products', { query: { limit: 200 } })), list(apiUrl('/api/v1/facilities', { query: { limit: 200 } })),
  ]);
  // A lot with nothing left cannot be an input: it is not offered.
  const lotOptions = lots.filter((l) => l.status === 'active' && Number(l.available ?? l.quantity) > 0).map((l) => h('option', { value: l.id }, `${l.code} — ${productName(l)} (${qty(l.available ?? l.quantity, l.unit)})`));
  const productOptions = products.map((p) => h('option', { value: p.id }, p.nameVi));
  const unitSelect = () => h('select', { name: 'unit', 'aria-label': t('fields.unit') }, UNITS().map((u) => h('option', { value: u.value }, u.label)));
  const inputLines = h('div', { class: 'lines', 'data-lines': 'inputs' });
  const outputLines = h('div', { class: 'lines', 'data-lines': 'outputs' });
  const addInput = (lotId) => inputLines.append(h('div', { class: 'line' },
    h('select', { name: 'lotId', 'aria-label': t('fields.lotId') }, h('option', { value: '' }, '—'), lotOptions.map((o) => { const c = o.cloneNode(true); if (c.value === lotId) c.selected = true; return c; })),
    h('input', { name: 'quantity', inputmode: 'decimal', placeholder: t('fields.quantity'), 'aria-label': t('fields.quantity') }), unitSelect(),
    h('button', { type: 'button', class: 'secondary', onclick: (e) => e.target.closest('.line').remove() }, t('transform.remove'))));
  // An output is most often the same product, packed: it is chosen already, and can be changed.
  const inputProduct = lots.find((l) => l.id === params.get('lotId'))?.product?.id;
  const addOutput = () => outputLines.append(h('div', { class: 'line' },
    h('select', { name: 'productId', 'aria-label': t('fields.productId') }, h('option', { value: '' }, '—'), productOptions.map((o) => { const c = o.cloneNode(true); if (c.value === inputProduct) c.selected = true; return c; })),
    h('input', { name: 'quantity', inputmode: 'decimal', placeholder: t('fields.quantity'), 'aria-label': t('fields.quantity') }), unitSelect(),
    h('input', { name: 'lotCode', placeholder: t('fields.lotCode'), 'aria-label': t('fields.lotCode') }),
    h('button', { type: 'button', class: 'secondary', onclick: (e) => e.target.closest('.line').remove() }, t('transform.remove'))));
  addInput(params.get('lotId') ?? '');
  addOutput();
  const lines = (container, names) => [...container.querySelectorAll('.line')].map((line) => {
    const out = {};
    for (const name of names) {
      const value = line.querySelector(`[name=${name}]`).value.trim();
      if (value === '') continue;
      if (name !== 'quantity') { out[name] = value; continue; }
      const parsed = parseNumber(value, lang());
      out[name] = parsed.ok ? parsed.value : value;
    }
    return out;
  });
  const built = form([
    f('process', { required: true, help: 'VD: xay xát, sấy, rang, làm mát, đóng gói' }),
    f('facilityId', { type: 'select', options: facilities.map((x) => ({ value: x.id, label: x.name })) }),
    f('occurredAt', { type: 'datetime', required: true, default: new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 16) }),
    ...documentFields('production_order'),
  ], {
    submitLabel: t('save'),
    extra: [h('h2', {}, t('transform.inputs')), inputLines, h('button', { type: 'button', class: 'secondary', onclick: () => addInput('') }, t('transform.addInput')),
      h('h2', {}, t('transform.outputs')), outputLines, h('button', { type: 'button', class: 'secondary', onclick: addOutput }, t('transform.addOutput')), h('p')],
    onSubmit: async (values, { idempotencyKey }) => {
      const body = { ...withDocuments(values), inputs: lines(inputLines, ['lotId', 'quantity', 'unit']), outputs: lines(outputLines, ['productId', 'quantity', 'unit', 'lotCode']) };
      const result = await api('POST', '/api/v1/lots/transform', body, { idempotencyKey });
      if (result.ok) {
        const first = result.body.outputs?.[0];
        location.hash = first ? `#/lots/${first.id}` : '#/lots';
      }
      return result;
    },
  });
  return [h('h1', {}, t('transform.title')), h('div', { class: 'card' }, built.el)];
}

export async function lotView(id) {
  const result = await api('GET', `/api/v1/lots/${id}`);
  if (!result.ok) return [alertBox('error', errorMessage(result.body))];
  const lot = result.body;
  const [events, back, forward] = await Promise.all([
    list(apiUrl('/api/v1/lots/{id}/events', { path: { id } })),
    api('GET', apiUrl('/api/v1/lots/{id}/trace', { path: { id }, query: { direction: 'back' } })),
    api('GET', apiUrl('/api/v1/lots/{id}/trace', { path: { id }, query: { direction: 'forward' } })),
  ]);
  // Where the phone was when the harvest was written: for staff, never on the public page.
  const harvestPosition = events.find((e) => e.type === 'harvest' && e.details?.position)?.details?.position;
  const parts = [h('p', {}, h('a', { href: '#/lots' }, `← ${t('nav.lots')}`))];
  if (lot.status === 'recalled') parts.push(h('div', { class: 'banner-recall', role: 'alert' }, t('lot.recalled'), lot.recallReason ? ` — ${lot.recallReason}` : ''));
  parts.push(h('h1', {}, `${productName(lot)} — ${lot.code}`));
  parts.push(h('div', { class: 'card' }, h('table', {}, h('tbody', {},
    h('tr', {}, h('th', {}, t('fields.status')), h('td', {}, badge(lot.status))),
    h('tr', {}, h('th', {}, t('lot.quantity')), h('td', {}, qty(lot.quantity, lot.unit))),
    h('tr', {}, h('th', {}, t('lot.available')), h('td', { 'data-testid': 'available' }, qty(lot.available ?? lot.quantity, lot.unit))),
    h('tr', {}, h('th', {}, t('fields.kind')), h('td', {}, t(`kinds.${lot.kind}`))),
    lot.growingArea ? h('tr', {}, h('th', {}, t('fields.growingAreaId')), h('td', {}, `${lot.growingArea.code} — ${lot.growingArea.name ?? ''}`)) : null,
    h('tr', {}, h('th', {}, t('fields.harvestedAt')), h('td', {}, formatDate(lot.producedAt ?? lot.harvestedAt))),
    harvestPosition ? h('tr', {}, h('th', {}, t('lot.position')), h('td', { 'data-testid': 'harvest-position' }, positionText(harvestPosition))) : null,
    lot.uri ? h('tr', {}, h('th', {}, t('lot.publicPage')), h('td', {}, h('a', { href: lot.uri, target: '_blank', rel: 'noopener', 'data-testid': 'public-url' }, lot.uri))) : null,
    lot.expiresAt ? h('tr', {}, h('th', {}, t('fields.expiresAt')), h('td', {}, formatDate(lot.expiresAt))) : null,
  ))));

  const actions = h('div', { class: 'toolbar' });
  const note = h('div');
  // The event that made this lot (its harvest, processing or split): a wrong entry is undone by voiding it.
  const origin = events.find((e) => e.type !== 'void' && (e.lines ?? []).some((l) => l.lotId === lot.id && l.direction === 'output'));
  if (origin && canVoid(origin) && lot.status === 'active') {
    actions.append(h('button', { type: 'button', class: 'secondary', 'data-testid': 'void-origin', onclick: () => voidDialog(origin, note, () => location.reload()) }, t('void.wrongEntry')));
  }
  if (session.canWrite && lot.status === 'active') {
    actions.append(
      h('a', { href: `#/labels?lotId=${lot.id}` }, h('button', { type: 'button', class: 'primary' }, t('lot.printLabels'))),
      h('a', { href: `#/transform?lotId=${lot.id}` }, h('button', { type: 'button', class: 'secondary' }, t('nav.transform'))),
      h('button', { type: 'button', class: 'secondary', onclick: () => (location.hash = `#/lots/${lot.id}/split`) }, t('lot.split')),
      h('button', { type: 'button', class: 'secondary', onclick: () => (location.hash = `#/lots/${lot.id}/ship`) }, t('lot.ship')),
      h('button', { type: 'button', class: 'danger', onclick: () => recall(lot, note) }, t('lot.recall')),
    );
  }
  actions.append(
    h('button', { type: 'button', class: 'secondary', onclick: () => download(`/api/v1/lots/${lot.id}/trace.csv`, `${lot.code}-fsma204.csv`).catch((e) => note.replaceChildren(alertBox('error', e.message))) }, 'FSMA CSV'),
    h('button', { type: 'button', class: 'secondary', onclick: () => download(`/api/v1/lots/${lot.id}/trace.xlsx`, `${lot.code}-fsma204.xlsx`).catch((e) => note.replaceChildren(alertBox('error', e.message))) }, 'FSMA XLSX'),
    lot.uri ? h('button', { type: 'button', class: 'secondary', onclick: () => download(`/api/v1/epcis/events?MATCH_anyEPCClass=${encodeURIComponent(lot.uri)}`, `${lot.code}-epcis.jsonld`).catch((e) => note.replaceChildren(alertBox('error', e.message))) }, 'EPCIS') : null,
  );
  parts.push(actions, note);

  parts.push(h('h2', {}, t('lot.genealogy')));
  parts.push(h('h3', {}, t('lot.back')), genealogy(back.body, lot.id, 'back'));
  parts.push(h('h3', {}, t('lot.forward')), genealogy(forward.body, lot.id, 'forward'));

  parts.push(h('h2', {}, t('lot.history')), table([
    { label: '', render: (e) => formatDate(e.eventTime) },
    { label: t('fields.kind'), render: (e) => [t(`kinds.${e.type}`), e.voidedBy || e.voided ? [' ', badge('voided')] : ''] },
    { label: t('fields.process'), render: (e) => e.details?.process ?? e.process ?? e.reason ?? '' },
    { label: t('fields.quantity'), render: (e) => (e.lines ?? []).filter((l) => l.lotId === lot.id).map((l) => `${l.direction === 'input' ? '−' : '+'}${qty(l.quantity, l.unit)}`).join(' ') },
  ], events, (e) => (location.hash = `#/events/${e.id}`)));
  parts.push(await evidencePhotos(`/api/v1/lots/${lot.id}`));

  const jobs = await list(`/api/v1/lots/${id}/label-jobs`);
  const templates = jobs.length ? new Map((await list('/api/v1/label-templates')).map((x) => [x.id, lang() === 'en' ? x.nameEn : x.nameVi])) : new Map();
  if (jobs.length) parts.push(h('h2', {}, t('labels.jobs')), table([{ label: '', render: (j) => formatDate(j.createdAt) }, { label: t('fields.count'), key: 'count' }, { label: t('fields.templateId'), render: (j) => templates.get(j.templateId) ?? j.templateId }, { label: t('fields.status'), render: (j) => badge(j.status) }], jobs, (j) => (location.hash = `#/labels?jobId=${j.id}`)));
  return parts;
}

/** Recall with confirmation: the reason is required, the consequences are spelled out first, and it says the reason is public. */
function recall(lot, target) {
  reasonDialog(target, {
    name: 'recall',
    intro: h('p', { class: 'alert warn' }, t('lot.recallConfirm')),
    afterReason: [h('div', { class: 'alert warn', 'data-testid': 'recall-public-warning' }, t('lot.recallReasonPublic')), h('p', { class: 'muted' }, t('lot.recallNotForMistakes'))],
    confirmLabel: t('lot.recallConfirmButton'),
    send: (reason) => api('POST', '/api/v1/recalls', { lotId: lot.id, reason }),
    // A recall reaching many lots runs in the worker (202 with the job): its screen shows the progress.
    onDone: (/** @type {any} */ body) => { if (body?.lotsReachable !== undefined) location.hash = `#/recall-jobs/${body.id}`; else location.reload(); },
  });
}

/** Text cut to `max` characters with an ellipsis, never mid-way without saying so. */
const fit = (text, max) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A layered picture of the trace graph: one column per generation, edges with quantities. */
function genealogy(trace, rootId, direction) {
  const nodes = trace?.nodes ?? [];
  const edges = trace?.edges ?? [];
  if (nodes.length <= 1 && !(trace?.growingAreas?.length || trace?.partners?.length)) return h('p', { class: 'muted' }, t('none'));
  const depth = new Map([[rootId, 0]]);
  const from = (e) => e.parentLotId ?? e.from ?? e.source;
  const to = (e) => e.childLotId ?? e.to ?? e.target;
  for (let changed = true, guard = 0; changed && guard < 100; guard++) {
    changed = false;
    for (const e of edges) {
      const [near, far] = direction === 'back' ? [to(e), from(e)] : [from(e), to(e)];
      if (depth.has(near) && (!depth.has(far) || depth.get(far) < depth.get(near) + 1)) { depth.set(far, depth.get(near) + 1); changed = true; }
    }
  }
  const items = nodes.map((n) => ({ id: n.id ?? n.lotId, label: `${n.code ?? n.lotCode ?? ''}`, sub: `${n.product?.nameVi ?? n.productName ?? ''}`, amount: n.quantity ? qty(n.quantity, n.unit) : '', status: n.status, level: depth.get(n.id ?? n.lotId) ?? 0 }));
  const extra = direction === 'back' ? (trace.growingAreas ?? []).map((a) => ({ id: `ga-${a.id}`, label: a.code, sub: a.name ?? a.commune ?? '', level: Math.max(0, ...items.map((i) => i.level)) + 1, kind: 'area' }))
    : (trace.partners ?? []).map((p) => ({ id: `p-${p.id}`, label: p.name, sub: t(`kinds.${p.kind}`), level: Math.max(0, ...items.map((i) => i.level)) + 1, kind: 'partner' }));
  const all = [...items, ...extra];
  const columns = new Map();
  for (const item of all) { if (!columns.has(item.level)) columns.set(item.level, []); columns.get(item.level).push(item); }
  const W = 230, H = 68, GX = 50, GY = 14;
  const pos = new Map();
  for (const [level, column] of columns) column.forEach((item, i) => pos.set(item.id, { x: 10 + level * (W + GX), y: 10 + i * (H + GY) }));
  const width = 20 + columns.size * (W + GX);
  const height = 20 + Math.max(...[...columns.values()].map((c) => c.length)) * (H + GY);
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('width', String(width)); svg.setAttribute('height', String(height)); svg.setAttribute('role', 'img'); svg.setAttribute('aria-label', t('lot.genealogy'));
  const el = (name, attrs, text) => { const e = document.createElementNS(NS, name); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); if (text) e.textContent = text; svg.append(e); return e; };
  const link = (a, b, label) => {
    const p = pos.get(a), q = pos.get(b);
    if (!p || !q) return;
    el('line', { x1: p.x + W, y1: p.y + H / 2, x2: q.x, y2: q.y + H / 2, stroke: '#8a9482', 'stroke-width': 1.5 });
    if (label) el('text', { x: (p.x + W + q.x) / 2 - 14, y: (p.y + q.y + H) / 2 - 4, fill: '#5d6657' }, label);
  };
  for (const e of edges) direction === 'back' ? link(to(e), from(e), e.quantity ? qty(e.quantity, e.unit) : '') : link(from(e), to(e), e.quantity ? qty(e.quantity, e.unit) : '');
  // Fields at the roots (trace back), customers at the leaves (trace forward).
  if (direction === 'back') for (const n of nodes) if (n.growingAreaId) link(n.id, `ga-${n.growingAreaId}`, '');
  if (direction === 'forward') for (const s of trace.shipments ?? []) link(s.lotId, `p-${s.partnerId}`, s.quantity ? qty(s.quantity, s.unit) : '');
  for (const item of all) {
    const p = pos.get(item.id);
    // One group per box: three lines — code, product, quantity — so the quantity is never the part cut
    // off; a long name ends in "…" and the whole text is the box's tooltip.
    const box = el('g', { 'data-lot': item.label });
    const inBox = (name, attrs, text) => box.append(el(name, attrs, text));
    inBox('title', {}, [item.label, item.sub, item.amount].filter(Boolean).join(' · '));
    inBox('rect', { x: p.x, y: p.y, width: W, height: H, rx: 6, fill: item.id === rootId ? '#1f6f43' : item.kind ? '#fff8e6' : item.status === 'recalled' ? '#fbd9d6' : '#eef3ea', stroke: '#8a9482' });
    const color = item.id === rootId ? '#fff' : '#5d6657';
    inBox('text', { x: p.x + 8, y: p.y + 18, fill: item.id === rootId ? '#fff' : '#1d2119', 'font-weight': 600 }, fit(item.label, 30));
    inBox('text', { x: p.x + 8, y: p.y + 36, fill: color }, fit(String(item.sub), 32));
    if (item.amount) inBox('text', { x: p.x + 8, y: p.y + 54, fill: color, 'data-amount': '' }, item.amount);
  }
  return h('div', { class: 'genealogy', 'data-direction': direction }, svg);
}

export async function splitView(id) {
  const lot = (await api('GET', `/api/v1/lots/${id}`)).body;
  const built = form([f('quantity', { type: 'number', required: true, suffix: lot ? t(`units.${lot.unit}`) : '' }), f('lotCode')], {
    submitLabel: t('lot.split'),
    onSubmit: async (values, { idempotencyKey }) => {
      const result = await api('POST', `/api/v1/lots/${id}/split`, { parts: [{ quantity: values.quantity, unit: lot.unit, lotCode: values.lotCode }] }, { idempotencyKey });
      if (result.ok) location.hash = `#/lots/${id}`;
      return result;
    },
  });
  return [h('p', {}, h('a', { href: `#/lots/${id}` }, `← ${lot?.code ?? ''}`)), h('h1', {}, `${t('lot.split')} ${lot?.code ?? ''}`), h('div', { class: 'card' }, built.el)];
}

export async function shipView(id) {
  const [lot, partners] = await Promise.all([api('GET', `/api/v1/lots/${id}`).then((r) => r.body), list('/api/v1/partners?limit=200')]);
  const built = form([
    f('partnerId', { type: 'select', required: true, options: partners.map((p) => ({ value: p.id, label: `${p.name} (${t(`kinds.${p.kind}`)})` })) }),
    f('quantity', { type: 'number', required: true, unitFrom: 'unit' }), f('unit', { type: 'select', required: true, options: UNITS(), default: lot?.unit }),
    f('shippedAt', { type: 'datetime', required: true, default: new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 16) }),
    ...documentFields('invoice'),
  ], {
    submitLabel: t('lot.ship'),
    onSubmit: async (values, { idempotencyKey }) => {
      const body = withDocuments(values);
      const result = await api('POST', `/api/v1/lots/${id}/ship`, body, { idempotencyKey });
      if (result.ok) location.hash = `#/lots/${id}`;
      return result;
    },
  });
  return [h('p', {}, h('a', { href: `#/lots/${id}` }, `← ${lot?.code ?? ''}`)), h('h1', {}, `${t('lot.ship')} ${lot?.code ?? ''}`), h('div', { class: 'card' }, built.el)];
}

export async function shipmentsView() {
  const [incoming, outgoing] = await Promise.all([list('/api/v1/shipments?direction=incoming'), list('/api/v1/shipments?direction=outgoing')]);
  const note = h('div');
  const receive = async (s) => {
    const result = await api('POST', `/api/v1/shipments/${s.id}/receive`, {});
    if (result.ok) location.hash = `#/lots/${result.body.lot?.id ?? result.body.receivedLotId ?? result.body.id}`;
    else note.replaceChildren(alertBox('error', errorMessage(result.body)));
  };
  return [
    h('h1', {}, t('nav.shipments')), note,
    h('h2', {}, t('shipments.incoming')),
    table([{ label: '', render: (s) => formatDate(s.shippedAt) }, { label: t('fields.lotCode'), render: (s) => s.lotCode ?? s.lot?.code ?? '' }, { label: t('fields.quantity'), render: (s) => qty(s.quantity, s.unit) }, { label: t('fields.status'), render: (s) => badge(s.status) },
      { label: '', render: (s) => (s.status === 'in_transit' && session.canWrite ? h('button', { class: 'primary', type: 'button', onclick: (e) => { e.stopPropagation(); receive(s); } }, t('shipments.receive')) : '') }], incoming),
    h('h2', {}, t('shipments.outgoing')),
    table([{ label: '', render: (s) => formatDate(s.shippedAt) }, { label: t('fields.lotCode'), render: (s) => s.lotCode ?? s.lot?.code ?? '' }, { label: t('fields.partnerId'), render: (s) => s.partnerName ?? s.partner?.name ?? '' }, { label: t('fields.quantity'), render: (s) => qty(s.quantity, s.unit) }, { label: t('fields.status'), render: (s) => badge(s.status) }], outgoing),
  ];
}
