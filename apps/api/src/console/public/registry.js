// @ts-check
import { alertBox, api, badge, flash, form, h, options, session, stars, table, formatDate, today } from './core.js';
import { lang, t } from './i18n.js';
import { keep, position, positionBy, positionText } from './offline.js';
import { evidencePhotos } from './evidence.js';

const PARTNER_KINDS = ['member_household', 'collector', 'processor', 'packer', 'distributor', 'retailer', 'transporter', 'lab'];
const FACILITY_KINDS = ['processing_plant', 'packing_house', 'warehouse'];
const UNITS = ['kg', 't', 'g', 'l', 'ml', 'pcs', 'pack'];
const CERT_KINDS = ['ocop', 'vietgap', 'globalgap', 'organic', 'haccp', 'other'];
const SCOPES = ['product', 'growing_area', 'facility', 'organization'];
const OCOP_GROUPS = [1, 2, 3, 4, 5, 6];
const OCOP_STARS = [3, 4, 5];
const unitOptions = () => UNITS.map((u) => ({ value: u, label: t(`units.${u}`) }));
const f = (name, extra = {}) => ({ name, label: t(`fields.${name}`), ...extra });

/** OCOP stars: a choice of 3, 4 or 5, not a number to type. */
const starsField = () => f('level', { type: 'select', asNumber: true, help: t('ocop.starsHelp'), options: OCOP_STARS.map((n) => ({ value: String(n), label: `${'★'.repeat(n)} (${n})` })) });

/** The registry screens: one description per resource, one generic list/create/edit view. */
export const RESOURCES = {
  partners: {
    path: '/api/v1/partners', title: () => t('nav.partners'),
    columns: () => [{ label: t('fields.name'), key: 'name' }, { label: t('fields.kind'), render: (r) => t(`kinds.${r.kind}`) }, { label: t('fields.commune'), key: 'commune' }, { label: t('fields.phone'), key: 'phone' }],
    fields: () => [f('kind', { type: 'select', required: true, options: options(PARTNER_KINDS) }), f('name', { required: true }), f('phone'), f('citizenId'), f('provinceCode', { type: 'province', label: t('fields.province') }), f('communeCode', { type: 'commune', label: t('fields.commune') }), f('address'), f('gln'), f('linkedOrganizationId', { sendEmpty: true, help: t('links.byIdHelp') }), f('notes', { type: 'textarea' })],
  },
  facilities: {
    path: '/api/v1/facilities', title: () => t('nav.facilities'),
    columns: () => [{ label: t('fields.name'), key: 'name' }, { label: t('fields.kind'), render: (r) => t(`kinds.${r.kind}`) }, { label: t('fields.code'), key: 'code' }, { label: t('fields.province'), key: 'province' }],
    fields: () => [f('kind', { type: 'select', required: true, options: options(FACILITY_KINDS) }), f('name', { required: true }), f('code'), f('provinceCode', { type: 'province', label: t('fields.province') }), f('communeCode', { type: 'commune', label: t('fields.commune') }), f('address'), f('gln')],
  },
  products: {
    path: '/api/v1/products', title: () => t('nav.products'), detail: true,
    columns: () => [{ label: t('fields.nameVi'), key: 'nameVi' }, { label: t('ocop.stars'), render: (r) => (r.ocopStars ? stars(r.ocopStars) : h('span', { class: 'muted' }, t('ocop.none'))) }, { label: t('fields.gtin'), key: 'gtin' }, { label: t('fields.unit'), render: (r) => t(`units.${r.unit}`) }, { label: t('fields.ocopGroup'), render: (r) => (r.ocopGroup ? t(`ocopGroups.${r.ocopGroup}`) : '') }],
    fields: () => [f('nameVi', { required: true }), f('nameEn'), f('unit', { type: 'select', required: true, default: 'kg', options: unitOptions() }), f('gtin'), f('ocopGroup', { type: 'select', asNumber: true, sendEmpty: true, options: OCOP_GROUPS.map((g) => ({ value: String(g), label: `${g}. ${t(`ocopGroups.${g}`)}` })) }), f('netContent', { type: 'number', unitFrom: 'netContentUnit' }), f('netContentUnit', { type: 'select', options: unitOptions().filter((u) => u.value !== 'pack') }), f('shelfLifeDays', { type: 'int' }), f('brand'), f('imageUrl'), f('description', { type: 'textarea' })],
  },
  certifications: {
    path: '/api/v1/certifications', title: () => t('nav.certifications'),
    columns: () => [{ label: t('fields.kind'), render: (r) => [t(`kinds.${r.kind}`), ' ', r.kind === 'ocop' ? stars(r.level) : ''] }, { label: t('fields.scopeId'), render: (r) => r.scopeLabel ?? '' }, { label: t('fields.number'), key: 'number' }, { label: t('fields.expiresAt'), render: (r) => formatDate(r.expiresAt) }, { label: t('fields.status'), render: (r) => badge(r.status ?? (r.valid ? 'valid' : 'expired')) }],
    fields: async () => {
      const scopeItems = await scopeOptions();
      return [f('kind', { type: 'select', required: true, options: options(CERT_KINDS) }), starsField(), f('number', { required: true }), f('issuer', { required: true }), f('issuedAt', { type: 'date', required: true }), f('expiresAt', { type: 'date' }), f('scopeType', { type: 'select', required: true, options: options(SCOPES) }), f('scopeId', { type: 'select', required: true, options: scopeItems })];
    },
  },
  'growing-areas': {
    path: '/api/v1/growing-areas', title: () => t('nav.growingAreas'), detail: true,
    columns: () => [{ label: t('fields.code'), key: 'code' }, { label: t('fields.name'), key: 'name' }, { label: t('fields.crop'), render: (r) => r.cropLabel ?? r.crop }, { label: t('fields.commune'), key: 'commune' }, { label: t('fields.status'), render: (r) => badge(r.status) }],
    fields: async () => {
      const [partners, crops] = await Promise.all([list('/api/v1/partners?limit=200'), list('/api/v1/crop-yield-limits')]);
      const households = partners.filter((p) => p.kind === 'member_household').map((p) => ({ value: p.id, label: p.name }));
      const cropOptions = crops.map((c) => ({ value: c.crop, label: (lang() === 'en' ? c.nameEn : c.nameVi) ?? c.crop }));
      return [f('code', { required: true }), f('name', { required: true }), f('crop', { type: 'select', required: true, options: cropOptions }), f('variety'), f('areaHa', { type: 'number', required: true, suffix: 'ha' }), f('provinceCode', { type: 'province', required: true, label: t('fields.province'), default: session.me?.organization?.provinceCode }), f('communeCode', { type: 'commune', label: t('fields.commune') }), f('location', { type: 'point', sendEmpty: true }), f('ownerPartnerIds', { type: 'multiselect', options: households, help: t('householdsHelp') })];
    },
  },
};

export async function list(path) {
  const result = await api('GET', path);
  return result.ok ? (Array.isArray(result.body) ? result.body : result.body.items ?? []) : [];
}

async function scopeOptions() {
  const [products, areas, facilities] = await Promise.all([list('/api/v1/products?limit=200'), list('/api/v1/growing-areas?limit=200'), list('/api/v1/facilities?limit=200')]);
  return [
    ...products.map((p) => ({ value: p.id, label: `${t('kinds.product')}: ${p.nameVi}` })),
    ...areas.map((a) => ({ value: a.id, label: `${t('kinds.growing_area')}: ${a.code} ${a.name}` })),
    ...facilities.map((x) => ({ value: x.id, label: `${t('kinds.facility')}: ${x.name}` })),
    ...(session.me ? [{ value: session.me.organization.id, label: `${t('kinds.organization')}: ${session.me.organization.name}` }] : []),
  ];
}

export async function listView(name, params) {
  const resource = RESOURCES[name];
  const q = params.get('q') ?? '';
  const rows = await list(`${resource.path}?limit=100${q ? `&q=${encodeURIComponent(q)}` : ''}`);
  if (name === 'growing-areas') {
    const crops = new Map((await list('/api/v1/crop-yield-limits')).map((c) => [c.crop, (lang() === 'en' ? c.nameEn : c.nameVi) ?? c.crop]));
    for (const row of rows) row.cropLabel = crops.get(row.crop);
  }
  if (name === 'certifications') {
    // Two certificates of two products must not look the same: name what each one certifies.
    const labels = new Map((await scopeOptions()).map((o) => [o.value, o.label]));
    for (const row of rows) row.scopeLabel = labels.get(row.scopeId) ?? '';
  }
  const search = h('input', { type: 'search', name: 'q', value: q, placeholder: t('search'), 'aria-label': t('search') });
  const toolbar = h('form', { class: 'toolbar', role: 'search', onsubmit: (e) => { e.preventDefault(); location.hash = `#/${name}?q=${encodeURIComponent(search.value)}`; } },
    search, h('button', { class: 'secondary', type: 'submit' }, t('search')),
    session.canWrite ? h('a', { href: `#/${name}/new`, class: 'button' }, h('button', { type: 'button', class: 'primary' }, t('create'))) : null);
  return [h('h1', {}, resource.title()), toolbar, table(resource.columns(), rows, (row) => (location.hash = `#/${name}/${row.id}`))];
}

export async function editView(name, id) {
  const resource = RESOURCES[name];
  const initial = id ? (await api('GET', `${resource.path}/${id}`)).body ?? {} : {};
  const fields = await resource.fields();
  const editable = id ? fields.filter((x) => !(name === 'growing-areas' && x.name === 'code' && initial.status && initial.status !== 'draft')) : fields;
  const saved = h('div');
  const built = form(editable, {
    initial,
    onSubmit: async (values, { idempotencyKey }) => {
      const result = id ? await api('PATCH', `${resource.path}/${id}`, values, { idempotencyKey }) : await api('POST', resource.path, values, { idempotencyKey });
      if (result.ok) {
        if (!id) flash('ok', `${t('created')}: ${result.body.nameVi ?? result.body.name ?? result.body.number ?? result.body.code ?? ''}`);
        if (!id) location.hash = resource.detail ? `#/${name}/${result.body.id}` : `#/${name}`;
        else saved.replaceChildren(alertBox('ok', t('saved')));
      }
      return result;
    },
  });
  const parts = [h('p', {}, h('a', { href: `#/${name}` }, `← ${t('back')}`)), h('h1', {}, `${resource.title()} — ${id ? t('edit') : t('create')}`), saved];
  if (!session.canWrite) return [...parts, alertBox('warn', t('readOnly')), detailsList(editable, initial)];
  parts.push(h('div', { class: 'card' }, built.el));
  if (name === 'growing-areas' && id) parts.push(...(await growingAreaExtras(id, initial)));
  if (name === 'products' && id) parts.push(...(await productCertifications(id)));
  return parts;
}

/** The reason the server writes for a registration is a code; a person's own reason is shown as typed. */
const statusReason = (reason) => (reason === 'Registered' ? t('growingArea.registered') : reason);

function detailsList(fields, values) {
  return h('div', { class: 'card' }, h('table', {}, h('tbody', {}, fields.map((x) => h('tr', {}, h('th', {}, x.label), h('td', {}, formatValue(values[x.name])))))));
}

const formatValue = (v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** A product's certificates, with its OCOP stars, and the form to add one without leaving the product. */
async function productCertifications(productId) {
  const certificates = await list(`/api/v1/certifications?scopeType=product&scopeId=${productId}&limit=100`);
  const certificateForm = form([
    f('kind', { type: 'select', required: true, options: options(CERT_KINDS), default: 'ocop' }), starsField(), f('number', { required: true }), f('issuer', { required: true, default: 'UBND tỉnh' }),
    f('issuedAt', { type: 'date', required: true }), f('expiresAt', { type: 'date' }),
  ], {
    submitLabel: t('ocop.addCertificate'),
    onSubmit: async (values, { idempotencyKey }) => {
      const result = await api('POST', '/api/v1/certifications', { ...values, scopeType: 'product', scopeId: productId }, { idempotencyKey });
      if (result.ok) location.reload();
      return result;
    },
  });
  return [
    h('h2', {}, t('ocop.certificates')),
    table([
      { label: t('fields.kind'), render: (r) => [t(`kinds.${r.kind}`), ' ', r.kind === 'ocop' ? stars(r.level) : ''] },
      { label: t('fields.number'), key: 'number' }, { label: t('fields.issuer'), key: 'issuer' },
      { label: t('fields.expiresAt'), render: (r) => formatDate(r.expiresAt) }, { label: t('fields.status'), render: (r) => badge(r.status ?? 'valid') },
    ], certificates),
    session.canWrite ? h('div', { class: 'card', 'data-testid': 'product-certificate-form' }, h('h2', {}, t('ocop.addCertificate')), certificateForm.el) : null,
  ];
}

async function growingAreaExtras(id, area) {
  const out = [];
  const statusForm = form(
    [f('status', { type: 'select', required: true, options: options(['draft', 'active', 'suspended', 'revoked']) }), f('reason', { required: true }),
      f('effectiveAt', { type: 'date', max: today(), help: t('growingArea.effectiveHelp') }), f('evidenceReference', { help: t('growingArea.evidenceHelp') })],
    {
      submitLabel: t('growingArea.changeStatus'),
      onSubmit: async (values, { idempotencyKey }) => {
        const result = await api('POST', `/api/v1/growing-areas/${id}/status`, values, { idempotencyKey });
        if (result.ok) location.reload();
        return result;
      },
    },
  );
  out.push(h('h2', {}, t('growingArea.changeStatus'), ' ', badge(area.status ?? 'draft')), h('div', { class: 'card' }, statusForm.el));
  const history = area.statusHistory ?? (await list(`/api/v1/growing-areas/${id}/status-history`));
  if (history.length) {
    out.push(h('h2', {}, t('growingArea.statusHistory')), table([
      { label: t('fields.status'), render: (r) => [r.fromStatus ? `${t(`kinds.${r.fromStatus}`)} → ` : '', t(`kinds.${r.toStatus}`)] },
      { label: t('fields.reason'), render: (r) => statusReason(r.reason) },
      { label: t('fields.effectiveAt'), render: (r) => formatDate(r.effectiveAt ?? r.changedAt) },
      { label: t('growingArea.recordedAt'), render: (r) => formatDate(r.changedAt) },
      { label: t('fields.evidenceReference'), render: (r) => r.evidenceReference ?? '' },
    ], history));
  }
  const inputs = await list(`/api/v1/growing-areas/${id}/inputs`);
  out.push(h('h2', {}, t('growingArea.inputs')), area.earliestHarvestDate ? h('p', {}, `${t('growingArea.earliestHarvest')}: `, h('strong', {}, formatDate(area.earliestHarvestDate))) : null);
  out.push(table([
    { label: t('fields.appliedAt'), render: (r) => formatDate(r.appliedAt) },
    { label: t('fields.productName'), render: (r) => [r.productName, r.voidedAt ? [' ', badge('voided')] : ''] },
    { label: t('fields.activeIngredient'), key: 'activeIngredient' },
    { label: t('fields.phiDays'), key: 'phiDays' },
    { label: t('outbox.position'), render: (r) => positionText(r.position) },
  ], inputs));
  const here = position();
  const inputForm = form([f('appliedAt', { type: 'date', required: true }), f('kind', { type: 'select', required: true, options: options(['fertiliser', 'pesticide', 'other']) }), f('productName', { required: true }), f('activeIngredient'), f('dose', { type: 'number', unitFrom: 'doseUnit' }), f('doseUnit'), f('phiDays', { type: 'int', required: true })], {
    submitLabel: t('growingArea.addInput'),
    onSubmit: async (values, { idempotencyKey }) => {
      const path = `/api/v1/growing-areas/${id}/inputs`;
      const where = await positionBy(here);
      const body = { ...values, ...(where ? { position: where } : {}) };
      const result = await api('POST', path, body, { idempotencyKey });
      if (result.ok) location.reload();
      // The signal dropped while the area's page was open: kept on the device, sent later (offline.js).
      if (result.status === 0) {
        await keep({ kind: 'input', path, values, body, label: [area.code, values.productName, values.appliedAt].filter(Boolean).join(' · '), position: where, key: idempotencyKey });
        flash('ok', t('outbox.kept'));
        location.hash = '#/outbox';
        return { ok: true };
      }
      return result;
    },
  });
  out.push(h('div', { class: 'card' }, h('h2', {}, t('growingArea.addInput')), inputForm.el));
  out.push(await evidencePhotos(`/api/v1/growing-areas/${id}`));
  return out;
}
