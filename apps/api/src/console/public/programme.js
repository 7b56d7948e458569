// @ts-check
// The programme office's section of the console: the province dashboard, its drill-downs and the map
// of growing areas (README, "Programme office"). Charts (Chart.js) and the map (Leaflet) are served
// by this service from its installed packages, loaded on first use.
import { alertBox, api, badge, download, h, session, stars } from './core.js';
import { errorMessage, lang } from './i18n.js';

const TEXT = {
  vi: {
    nav: 'Tổng quan tỉnh', title: 'Tổng quan chương trình OCOP', from: 'Từ ngày', to: 'Đến ngày', commune: 'Xã/phường', group: 'Nhóm sản phẩm OCOP',
    cooperative: 'Hợp tác xã', all: 'Tất cả', apply: 'Xem', computedAt: 'Số liệu tính lúc', live: 'tính trực tiếp khi mở trang',
    updatedAt: 'Cập nhật lúc', rollup: 'máy xử lý tổng hợp mỗi {n} phút', notYet: 'Chưa tổng hợp (máy xử lý tổng hợp mỗi {n} phút)',
    perDay: 'tháng bị cắt bởi kỳ xem: thiết bị được đếm mỗi ngày một lần', sections: 'Số liệu lô, tem, lượt quét, độ phủ và tem nghi sao chép do máy xử lý tổng hợp; các số liệu khác tính trực tiếp.',
    coops: 'Hợp tác xã liên kết', active: 'hoạt động trong kỳ', inactive: 'không hoạt động', ocop: 'Sản phẩm OCOP', valid: 'còn hiệu lực',
    exp90: 'hết hạn trong 90 ngày', exp30: 'hết hạn trong 30 ngày', expired: 'đã hết hạn', coverage: 'Độ phủ truy xuất', coverageHint: 'sản phẩm OCOP có lô truy được về vùng trồng và đã in tem trong kỳ',
    areas: 'Vùng trồng', ha: 'ha', recalls: 'Thu hồi đang mở', overrides: 'Vượt sản lượng có lý do', copied: 'Tem nghi sao chép',
    monthly: 'Lô, tem và lượt quét theo tháng', month: 'Tháng', lots: 'Lô', harvestKg: 'Thu hoạch (kg)', processedKg: 'Chế biến (kg)', labels: 'Tem đã in', scans: 'Lượt quét', clients: 'Thiết bị khác nhau',
    starsChart: 'Sản phẩm OCOP theo số sao (còn hiệu lực)', starsLabel: 'Số sao', products: 'Sản phẩm',
    statusChart: 'Vùng trồng theo trạng thái', status: 'Trạng thái', count: 'Số vùng', cropChart: 'Diện tích theo cây trồng', crop: 'Cây trồng',
    shortChart: 'Sản phẩm chưa đạt và lý do', reason: 'Lý do', product: 'Sản phẩm', table: 'Bảng số liệu',
    no_lots: 'không có lô trong kỳ', no_growing_area: 'lô không truy được về vùng trồng', no_labels: 'chưa in tem', covered: 'đạt',
    coopList: 'Các hợp tác xã', lotsOf: 'Các lô trong kỳ', code: 'Mã lô', kind: 'Loại', quantity: 'Khối lượng', producedAt: 'Ngày sản xuất', area: 'Vùng trồng',
    map: 'Bản đồ vùng trồng', noTiles: 'Không có nền bản đồ (ngoại tuyến): vẽ các vùng trên nền trơn.', back: '← Tổng quan', openLot: 'Mở lô (chỉ đọc)',
    revokedOnSale: 'Vùng bị đình chỉ/thu hồi còn hàng đang bán', recallReach: 'Thu hồi', orgs: 'Tổ chức', certificates: 'Giấy chứng nhận sắp hết hạn', expires: 'Hết hạn',
    groups: ['Thực phẩm', 'Đồ uống', 'Thảo dược', 'Vải và may mặc', 'Lưu niệm – nội thất – trang trí', 'Dịch vụ du lịch cộng đồng'],
    statuses: { draft: 'Nháp', active: 'Hoạt động', suspended: 'Đình chỉ', revoked: 'Thu hồi' },
    alerts: 'Cảnh báo', alertsComputed: 'Tính lúc', alertsNone: 'Không có cảnh báo.', alertsNever: 'Chưa tính cảnh báo nào (máy xử lý tính lúc 6 giờ sáng mỗi ngày).',
    critical: 'Khẩn', warning: 'Lưu ý', daysLeft: 'còn {n} ngày', daysAgo: 'hết hạn {n} ngày trước', lotsOnSale: '{n} lô còn bán', serial: 'tem số', receiver: 'bên nhận',
    reports: 'Báo cáo tháng', reportMonth: 'Tháng', makeReport: 'Tạo báo cáo', reportProgress: 'đang tạo', noReports: 'Chưa có báo cáo nào.',
    reportHint: 'Máy xử lý tạo tệp Excel và PDF; báo cáo một tháng đã qua tạo lại vẫn cho cùng số liệu.',
    alertKinds: { certificate_expiring: 'Giấy chứng nhận OCOP sắp hết hạn', certificate_expired: 'Giấy chứng nhận OCOP đã hết hạn', area_withdrawn_with_stock: 'Vùng bị đình chỉ/thu hồi mã, lô còn bán', copied_label: 'Tem nghi bị sao chép', recall_not_acknowledged: 'Thu hồi chưa được bên nhận xác nhận' },
  },
  en: {
    nav: 'Province overview', title: 'OCOP programme overview', from: 'From', to: 'To', commune: 'Commune', group: 'OCOP product group',
    cooperative: 'Cooperative', all: 'All', apply: 'Show', computedAt: 'Figures computed at', live: 'computed live when the page opens',
    updatedAt: 'Updated at', rollup: 'summed by the worker every {n} minutes', notYet: 'Not summed yet (the worker sums every {n} minutes)',
    perDay: 'month cut by the period: devices counted once a day', sections: 'Lots, labels, scans, coverage and copied labels are summed by the worker; the other figures are computed live.',
    coops: 'Linked cooperatives', active: 'active in the period', inactive: 'not active', ocop: 'OCOP products', valid: 'valid',
    exp90: 'expiring within 90 days', exp30: 'expiring within 30 days', expired: 'expired', coverage: 'Traceability coverage', coverageHint: 'OCOP products with a lot traced to a growing area and labelled in the period',
    areas: 'Growing areas', ha: 'ha', recalls: 'Open recalls', overrides: 'Yield overrides', copied: 'Labels that look copied',
    monthly: 'Lots, labels and scans by month', month: 'Month', lots: 'Lots', harvestKg: 'Harvested (kg)', processedKg: 'Processed (kg)', labels: 'Labels printed', scans: 'Scans', clients: 'Distinct devices',
    starsChart: 'OCOP products by stars (valid)', starsLabel: 'Stars', products: 'Products',
    statusChart: 'Growing areas by status', status: 'Status', count: 'Areas', cropChart: 'Area by crop', crop: 'Crop',
    shortChart: 'Products falling short, and why', reason: 'Reason', product: 'Product', table: 'Data table',
    no_lots: 'no lots in the period', no_growing_area: 'lots not traced to a growing area', no_labels: 'no labels printed', covered: 'covered',
    coopList: 'Cooperatives', lotsOf: 'Lots in the period', code: 'Lot code', kind: 'Kind', quantity: 'Quantity', producedAt: 'Produced', area: 'Growing area',
    map: 'Map of growing areas', noTiles: 'No map tiles (offline): areas drawn on a plain background.', back: '← Overview', openLot: 'Open lot (read-only)',
    revokedOnSale: 'Suspended or revoked areas with stock on sale', recallReach: 'Recall', orgs: 'Organizations', certificates: 'Certificates expiring soon', expires: 'Expires',
    groups: ['Food', 'Beverages', 'Herbal products', 'Textiles and garments', 'Souvenirs, furniture and decoration', 'Community-based rural tourism'],
    statuses: { draft: 'Draft', active: 'Active', suspended: 'Suspended', revoked: 'Revoked' },
    alerts: 'Alerts', alertsComputed: 'Computed at', alertsNone: 'No alerts.', alertsNever: 'No alerts computed yet (the worker computes them at 6 am every day).',
    critical: 'Urgent', warning: 'Note', daysLeft: '{n} days left', daysAgo: 'expired {n} days ago', lotsOnSale: '{n} lots on sale', serial: 'label no.', receiver: 'receiver',
    reports: 'Monthly reports', reportMonth: 'Month', makeReport: 'Make report', reportProgress: 'in progress', noReports: 'No reports yet.',
    reportHint: 'The worker writes an Excel and a PDF file; a past month made again gives the same figures.',
    alertKinds: { certificate_expiring: 'OCOP certificate expiring', certificate_expired: 'OCOP certificate expired', area_withdrawn_with_stock: 'Suspended or revoked area with lots on sale', copied_label: 'Label that looks copied', recall_not_acknowledged: 'Recall not acknowledged by its receiver' },
  },
};
export const pt = (key) => (TEXT[lang()] ?? TEXT.vi)[key] ?? key;

const STATUS_COLOURS = { draft: '#8a8f85', active: '#1f6f43', suspended: '#c98a00', revoked: '#b3261e' };
const number = (value) => Number(value).toLocaleString(lang() === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 });

const loaded = new Map();
/** Loads one of the service's own scripts or stylesheets once (the CSP allows nothing else). */
function load(src) {
  if (!loaded.has(src)) {
    loaded.set(src, new Promise((resolve, reject) => {
      const el = src.endsWith('.css') ? h('link', { rel: 'stylesheet', href: src }) : h('script', { src });
      el.addEventListener('load', resolve);
      el.addEventListener('error', () => reject(new Error(`could not load ${src}`)));
      document.head.append(el);
    }));
  }
  return loaded.get(src);
}

function query(params) {
  const q = new URLSearchParams();
  for (const key of ['from', 'to', 'communeCode', 'ocopGroup', 'organizationId']) if (params.get(key)) q.set(key, params.get(key));
  return q.toString();
}

function dataTable(columns, rows, testid) {
  return h('details', { class: 'data-table', 'data-testid': testid },
    h('summary', {}, pt('table')),
    h('table', {}, h('thead', {}, h('tr', {}, columns.map(([label]) => h('th', {}, label)))),
      h('tbody', {}, rows.map((row) => h('tr', {}, columns.map(([, cell]) => h('td', {}, cell(row))))))));
}

/** A chart with the table of its numbers behind it: people look at the chart, auditors read the table. */
function chartCard(title, testid, config, columns, rows, fresh) {
  const canvas = h('canvas', { 'aria-label': title, role: 'img' });
  const card = h('section', { class: 'card chart', 'data-testid': testid }, h('h2', {}, title), fresh ?? null, h('div', { class: 'chart-box' }, canvas), dataTable(columns, rows, `${testid}-table`));
  void load('/console/vendor/chart.js/chart.umd.min.js').then(() => {
    // eslint-disable-next-line no-undef
    new Chart(canvas, { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, ...(config.options ?? {}) } });
    card.dataset.drawn = 'true';
  }).catch((error) => card.append(alertBox('warn', error.message)));
  return card;
}

function kpi(label, value, detail, testid, href, fresh) {
  const body = [h('div', { class: 'kpi-value', 'data-testid': testid }, value), h('div', { class: 'kpi-label' }, label), detail ? h('div', { class: 'muted' }, detail) : null];
  return h('div', { class: 'card kpi' }, href ? h('a', { href }, body) : body, fresh ?? null);
}

const when = (instant) => new Date(instant).toLocaleString(lang() === 'en' ? 'en-GB' : 'vi-VN');

/** "Cập nhật lúc …" under a section: when its figures were computed, live or by the worker's rollups. */
function freshnessNote(fresh, testid) {
  if (!fresh) return null;
  const every = (text) => text.replace('{n}', String(fresh.refreshEveryMinutes ?? 10));
  const text = !fresh.computedAt ? every(pt('notYet'))
    : `${pt('updatedAt')} ${when(fresh.computedAt)} (${fresh.source === 'live' ? pt('live') : every(pt('rollup'))})`;
  return h('p', { class: 'muted', 'data-testid': testid, 'data-source': fresh.source }, text);
}

async function filtersForm(params, dashboard) {
  const provinceCode = dashboard.office.provinceCode;
  const [communes, coops] = await Promise.all([
    provinceCode ? api('GET', `/api/v1/admin-units/provinces/${provinceCode}/communes`, undefined, { asSelf: true }) : { ok: false, status: 0, body: null },
    api('GET', '/api/v1/programme/cooperatives', undefined, { asSelf: true }),
  ]);
  const field = (label, control) => h('div', { class: 'field' }, h('label', {}, label, control));
  const from = h('input', { type: 'date', name: 'from', value: dashboard.period.from, 'data-testid': 'filter-from' });
  const to = h('input', { type: 'date', name: 'to', value: dashboard.period.to, 'data-testid': 'filter-to' });
  const commune = h('select', { name: 'communeCode', 'data-testid': 'filter-commune' }, h('option', { value: '' }, pt('all')),
    (communes.ok ? communes.body : []).map((c) => h('option', { value: c.code, selected: c.code === params.get('communeCode') || undefined }, `${c.name} (${c.code})`)));
  const group = h('select', { name: 'ocopGroup', 'data-testid': 'filter-group' }, h('option', { value: '' }, pt('all')),
    pt('groups').map((name, i) => h('option', { value: String(i + 1), selected: String(i + 1) === params.get('ocopGroup') || undefined }, `${i + 1}. ${name}`)));
  const coop = h('select', { name: 'organizationId', 'data-testid': 'filter-cooperative' }, h('option', { value: '' }, pt('all')),
    (coops.ok ? coops.body.items : []).map((c) => h('option', { value: c.id, selected: c.id === params.get('organizationId') || undefined }, c.name)));
  return h('form', {
    class: 'card row', 'data-testid': 'programme-filters',
    onsubmit: (event) => {
      event.preventDefault();
      const q = new URLSearchParams();
      for (const control of [from, to, commune, group, coop]) if (control.value) q.set(control.name, control.value);
      location.hash = `#/programme?${q}`;
    },
  }, field(pt('from'), from), field(pt('to'), to), field(pt('commune'), commune), field(pt('group'), group), field(pt('cooperative'), coop),
  h('button', { type: 'submit', class: 'primary', 'data-testid': 'filter-apply' }, pt('apply')));
}

export async function programmeView(params) {
  const q = query(params);
  const result = await api('GET', `/api/v1/programme/dashboard?${q}`, undefined, { asSelf: true });
  if (!result.ok) return alertBox('error', errorMessage(result.body));
  const d = result.body;
  const f = d.freshness ?? {};
  const months = d.monthly;
  const shortfalls = await api('GET', `/api/v1/programme/coverage?${q}`, undefined, { asSelf: true });
  const coverageRows = shortfalls.ok ? shortfalls.body.items : [];
  const expiring = await api('GET', `/api/v1/programme/certificates?state=expiring90&${q}`, undefined, { asSelf: true });
  const statusRows = d.growingAreas.byStatus;
  const coopLink = (id) => `#/programme/cooperatives/${id}?${q}`;
  return [
    h('h1', {}, `${pt('title')} — ${d.office.province ?? ''}`),
    h('p', { class: 'muted', 'data-testid': 'freshness' }, `${pt('computedAt')} ${when(d.computedAt)} · ${d.period.from} → ${d.period.to} · ${pt('sections')}`),
    await filtersForm(params, d),
    await alertsCard(q),
    await reportsCard(),
    h('div', { class: 'kpis' },
      kpi(pt('coops'), d.cooperatives.linked, `${d.cooperatives.active} ${pt('active')} · ${d.cooperatives.inactive} ${pt('inactive')}`, 'kpi-cooperatives', '#programme-cooperatives', freshnessNote(f.cooperatives, 'freshness-cooperatives')),
      kpi(pt('ocop'), d.ocop.valid, `${d.ocop.expiringWithin90Days} ${pt('exp90')} · ${d.ocop.expiringWithin30Days} ${pt('exp30')} · ${d.ocop.expired} ${pt('expired')}`, 'kpi-ocop', undefined, freshnessNote(f.ocop, 'freshness-ocop')),
      kpi(pt('coverage'), d.coverage.share === null ? '—' : `${Math.round(d.coverage.share * 100)} %`, `${d.coverage.covered}/${d.coverage.certifiedProducts} ${pt('coverageHint')}`, 'kpi-coverage', '#programme-coverage', freshnessNote(f.coverage, 'freshness-coverage')),
      kpi(pt('areas'), statusRows.reduce((n, r) => n + r.areas, 0), `${number(d.growingAreas.totalAreaHa)} ${pt('ha')}`, 'kpi-areas', '#programme-map', freshnessNote(f.growingAreas, 'freshness-growing-areas')),
      kpi(pt('recalls'), d.recalls.open, null, 'kpi-recalls', undefined, freshnessNote(f.recalls, 'freshness-recalls')),
      kpi(pt('copied'), d.signals.copiedLabels, `${d.signals.yieldOverrides} ${pt('overrides')}`, 'kpi-signals', undefined, freshnessNote(f.signals, 'freshness-signals'))),
    h('div', { class: 'charts' },
      chartCard(pt('monthly'), 'chart-monthly', {
        type: 'bar',
        data: { labels: months.map((m) => m.month), datasets: [
          { label: pt('lots'), data: months.map((m) => m.lots), backgroundColor: '#1f6f43' },
          { label: pt('labels'), data: months.map((m) => m.labelsPrinted), backgroundColor: '#c98a00' },
          { label: pt('scans'), data: months.map((m) => m.scans), backgroundColor: '#3a6ea5' },
        ] },
      }, [[pt('month'), (m) => m.month], [pt('lots'), (m) => m.lots], [pt('harvestKg'), (m) => number(m.harvestedKg)], [pt('processedKg'), (m) => number(m.processedKg)],
        [pt('labels'), (m) => m.labelsPrinted], [pt('scans'), (m) => m.scans],
        [pt('clients'), (m) => m.distinctClientsPer === 'day' ? h('span', { title: pt('perDay') }, `${m.distinctClients}*`) : m.distinctClients]], months, freshnessNote(f.monthly, 'freshness-monthly')),
      chartCard(pt('starsChart'), 'chart-stars', {
        type: 'bar',
        data: { labels: ['3★', '4★', '5★'], datasets: [{ label: pt('products'), data: [d.ocop.stars3, d.ocop.stars4, d.ocop.stars5], backgroundColor: '#c98a00' }] },
        options: { plugins: { legend: { display: false } } },
      }, [[pt('starsLabel'), (r) => stars(r.n)], [pt('products'), (r) => r.count]], [{ n: 3, count: d.ocop.stars3 }, { n: 4, count: d.ocop.stars4 }, { n: 5, count: d.ocop.stars5 }]),
      chartCard(pt('statusChart'), 'chart-areas', {
        type: 'doughnut',
        data: { labels: statusRows.map((r) => pt('statuses')[r.status] ?? r.status), datasets: [{ data: statusRows.map((r) => r.areas), backgroundColor: statusRows.map((r) => STATUS_COLOURS[r.status]) }] },
      }, [[pt('status'), (r) => badge(r.status)], [pt('count'), (r) => r.areas], [pt('ha'), (r) => number(r.areaHa)]], statusRows),
      chartCard(pt('cropChart'), 'chart-crops', {
        type: 'bar',
        data: { labels: d.growingAreas.byCrop.map((r) => r.crop), datasets: [{ label: pt('ha'), data: d.growingAreas.byCrop.map((r) => Number(r.areaHa)), backgroundColor: '#1f6f43' }] },
        options: { indexAxis: 'y', plugins: { legend: { display: false } } },
      }, [[pt('crop'), (r) => r.crop], [pt('count'), (r) => r.areas], [pt('ha'), (r) => number(r.areaHa)]], d.growingAreas.byCrop)),
    h('section', { class: 'card', id: 'programme-coverage', 'data-testid': 'coverage-list' }, h('h2', {}, pt('shortChart')), freshnessNote(f.coverage, 'freshness-coverage-list'),
      h('table', {}, h('thead', {}, h('tr', {}, [pt('product'), pt('cooperative'), pt('lots'), pt('reason')].map((c) => h('th', {}, c)))),
        h('tbody', {}, coverageRows.map((row) => h('tr', {},
          h('td', {}, row.productName, ' ', h('span', { class: 'stars' }, stars(row.stars))), h('td', {}, h('a', { href: coopLink(row.organizationId) }, row.organizationName)),
          h('td', {}, `${row.labelledTracedLots}/${row.tracedLots}/${row.lots}`), h('td', {}, row.shortfall ? badge(pt(row.shortfall)) : pt('covered'))))))),
    expiring.ok && expiring.body.items.length ? h('section', { class: 'card', 'data-testid': 'expiring-list' }, h('h2', {}, pt('certificates')),
      h('table', {}, h('tbody', {}, expiring.body.items.map((c) => h('tr', {}, h('td', {}, c.productName), h('td', {}, c.organizationName), h('td', {}, `${pt('expires')} ${c.expiresAt}`)))))) : null,
    d.growingAreas.suspendedOrRevokedWithStockOnSale.length ? h('section', { class: 'card' }, h('h2', {}, pt('revokedOnSale')),
      h('table', {}, h('tbody', {}, d.growingAreas.suspendedOrRevokedWithStockOnSale.map((a) => h('tr', {}, h('td', {}, h('code', {}, a.code)), h('td', {}, a.name), h('td', {}, badge(a.status)), h('td', {}, `${a.lotsOnSale} ${pt('lots')}`)))))) : null,
    d.recalls.items.length ? h('section', { class: 'card' }, h('h2', {}, pt('recalls')),
      h('table', {}, h('thead', {}, h('tr', {}, [pt('recallReach'), pt('cooperative'), pt('lots'), pt('orgs'), pt('labels')].map((c) => h('th', {}, c)))),
        h('tbody', {}, d.recalls.items.map((r) => h('tr', {}, h('td', {}, h('code', {}, r.rootLotCode), ' ', r.reason ?? ''), h('td', {}, r.organizationName), h('td', {}, r.lots), h('td', {}, r.organizations), h('td', {}, r.labelsPrinted)))))) : null,
    await cooperativesCard(q),
    await mapCard(q),
  ];
}

/** What one alert is about, in a few words. */
function alertSubject(alert) {
  const d = alert.details;
  const n = (key, value) => pt(key).replace('{n}', String(value));
  switch (alert.kind) {
    case 'certificate_expiring': return `${d.productName} ${d.stars}★ · ${n('daysLeft', d.daysLeft)} (${d.expiresAt})`;
    case 'certificate_expired': return `${d.productName} ${d.stars}★ · ${n('daysAgo', -d.daysLeft)} (${d.expiresAt})`;
    case 'area_withdrawn_with_stock': return `${d.code} ${d.name ?? ''} · ${n('lotsOnSale', d.lotsOnSale)}`;
    case 'copied_label': return `${d.lotCode} · ${pt('serial')} ${d.serial}`;
    case 'recall_not_acknowledged': return `${d.rootLotCode} · ${pt('receiver')} ${d.receiverName}`;
    default: return '';
  }
}

/** Today's alerts, computed by the worker each morning; critical ones first. */
async function alertsCard(q) {
  const result = await api('GET', '/api/v1/programme/alerts', undefined, { asSelf: true });
  if (!result.ok) return alertBox('warn', errorMessage(result.body));
  const { day, computedAt, items } = result.body;
  const coop = (id) => `#/programme/cooperatives/${id}?${q}`;
  return h('section', { class: 'card', id: 'programme-alerts', 'data-testid': 'alerts' }, h('h2', {}, `${pt('alerts')} (${items.length})`),
    h('p', { class: 'muted', 'data-testid': 'alerts-freshness' }, day ? `${day} · ${pt('alertsComputed')} ${new Date(computedAt).toLocaleString(lang() === 'en' ? 'en-GB' : 'vi-VN')}` : pt('alertsNever')),
    items.length
      ? h('table', {}, h('tbody', {}, items.map((alert) => h('tr', { 'data-testid': `alert-${alert.kind}` },
          h('td', {}, h('span', { class: `badge ${alert.severity === 'critical' ? 'recalled' : 'pending'}` }, pt(alert.severity))),
          h('td', {}, pt('alertKinds')[alert.kind] ?? alert.kind), h('td', {}, alertSubject(alert)),
          h('td', {}, h('a', { href: coop(alert.organizationId) }, alert.organizationName))))))
      : day ? h('p', {}, pt('alertsNone')) : null);
}

/** The previous month, YYYY-MM: what an office reports on at the start of a month. */
function previousMonth() {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

/** One report: its month, state (with progress while the worker makes it) and its two files. */
function reportRow(report) {
  const files = report.files;
  return h('tr', { 'data-testid': `report-${report.id}`, 'data-status': report.status },
    h('td', {}, report.month),
    h('td', {}, badge(report.status), report.status === 'queued' || report.status === 'rendering' ? ` ${report.progress} % ${pt('reportProgress')}` : ''),
    h('td', {}, files ? [
      h('button', { type: 'button', 'data-testid': 'report-xlsx', onclick: () => download(files.xlsx.href, `bao-cao-ocop-${report.month}.xlsx`) }, 'Excel'), ' ',
      h('button', { type: 'button', 'data-testid': 'report-pdf', onclick: () => download(files.pdf.href, `bao-cao-ocop-${report.month}.pdf`) }, 'PDF'),
    ] : report.errorCode ? errorMessage({ code: report.errorCode }) : ''));
}

/** Monthly reports: pick a month, the worker makes the files, the row follows its progress. */
async function reportsCard() {
  const result = await api('GET', '/api/v1/programme/reports', undefined, { asSelf: true });
  if (!result.ok) return alertBox('warn', errorMessage(result.body));
  const body = h('tbody', {}, result.body.items.slice(0, 6).map(reportRow));
  const month = h('input', { type: 'month', value: previousMonth(), max: new Date().toISOString().slice(0, 7), 'data-testid': 'report-month' });
  const message = h('div', {});
  const follow = async (report) => {
    let row = reportRow(report);
    body.prepend(row);
    while (report.status === 'queued' || report.status === 'rendering') {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const next = await api('GET', `/api/v1/programme/reports/${report.id}`, undefined, { asSelf: true });
      if (!next.ok) break;
      report = next.body;
      const fresh = reportRow(report);
      row.replaceWith(fresh);
      row = fresh;
    }
  };
  const form = h('form', { class: 'row', onsubmit: async (event) => {
    event.preventDefault();
    message.replaceChildren();
    const made = await api('POST', '/api/v1/programme/reports', { month: month.value }, { asSelf: true });
    if (!made.ok) return message.replaceChildren(alertBox('error', errorMessage(made.body)));
    void follow(made.body);
  } },
  h('div', { class: 'field' }, h('label', {}, pt('reportMonth'), month)), h('button', { type: 'submit', class: 'primary', 'data-testid': 'report-make' }, pt('makeReport')));
  return h('section', { class: 'card', id: 'programme-reports', 'data-testid': 'reports' }, h('h2', {}, pt('reports')),
    h('p', { class: 'muted' }, pt('reportHint')), form, message,
    h('table', {}, body), result.body.items.length ? null : h('p', { class: 'muted' }, pt('noReports')));
}

async function cooperativesCard(q) {
  const result = await api('GET', `/api/v1/programme/cooperatives?${q}`, undefined, { asSelf: true });
  const rows = result.ok ? result.body.items : [];
  return h('section', { class: 'card', id: 'programme-cooperatives', 'data-testid': 'cooperatives-list' }, h('h2', {}, pt('coopList')),
    h('table', {}, h('thead', {}, h('tr', {}, [pt('cooperative'), pt('commune'), pt('lots'), pt('areas'), pt('ocop')].map((c) => h('th', {}, c)))),
      h('tbody', {}, rows.map((c) => h('tr', { class: 'clickable', 'data-testid': `cooperative-${c.id}`, onclick: () => { location.hash = `#/programme/cooperatives/${c.id}?${q}`; } },
        h('td', {}, c.name, c.active ? null : h('span', { class: 'muted' }, ` · ${pt('inactive')}`)), h('td', {}, c.commune ?? '—'), h('td', {}, c.lots), h('td', {}, c.growingAreas), h('td', {}, c.ocopCertificates))))));
}

async function mapCard(q) {
  const result = await api('GET', `/api/v1/programme/map?${q}`, undefined, { asSelf: true });
  if (!result.ok) return alertBox('error', errorMessage(result.body));
  const { tiles, areas } = result.body;
  const box = h('div', { class: `programme-map${tiles ? '' : ' plain'}`, 'data-testid': 'programme-map' });
  const card = h('section', { class: 'card', id: 'programme-map' }, h('h2', {}, pt('map')), tiles ? null : h('p', { class: 'muted' }, pt('noTiles')), box,
    dataTable([[pt('area'), (f) => h('code', {}, f.properties.code)], [pt('cooperative'), (f) => f.properties.organizationName], [pt('crop'), (f) => f.properties.crop],
      [pt('ha'), (f) => number(f.properties.areaHa)], [pt('status'), (f) => badge(f.properties.status)]], areas.features, 'map-table'));
  void Promise.all([load('/console/vendor/leaflet/leaflet.css'), load('/console/vendor/leaflet/leaflet.js')]).then(() => {
    /* global L */
    const map = L.map(box, { zoomControl: true, attributionControl: Boolean(tiles) });
    if (tiles) L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 19 }).addTo(map);
    const colour = (feature) => STATUS_COLOURS[feature.properties.status] ?? '#555';
    const layer = L.geoJSON(areas, {
      style: (feature) => ({ color: colour(feature), weight: 2, fillOpacity: 0.35 }),
      pointToLayer: (feature, latlng) => L.circleMarker(latlng, { radius: 7, color: colour(feature), fillOpacity: 0.8 }),
      onEachFeature: (feature, l) => l.bindPopup(`${feature.properties.code} · ${feature.properties.name}`.replace(/[<>&]/g, '')),
    }).addTo(map);
    if (areas.features.length) map.fitBounds(layer.getBounds(), { padding: [20, 20], maxZoom: 13 });
    else map.setView([16, 106], 5);
    box.dataset.areas = String(areas.features.length);
    box.dataset.drawn = 'true';
  }).catch((error) => card.append(alertBox('warn', error.message)));
  return card;
}

/** One cooperative's figures and lots (read-only); a lot opens in the cooperative's own screens through the switcher. */
export async function programmeCooperativeView(id, params) {
  const q = query(params);
  const [coop, lots] = await Promise.all([
    api('GET', `/api/v1/programme/cooperatives/${id}?${q}`, undefined, { asSelf: true }),
    api('GET', `/api/v1/programme/cooperatives/${id}/lots?${q}`, undefined, { asSelf: true }),
  ]);
  if (!coop.ok) return alertBox('error', errorMessage(coop.body));
  const c = coop.body;
  return [
    h('p', {}, h('a', { href: `#/programme?${q}`, 'data-testid': 'back-to-dashboard' }, pt('back'))),
    h('h1', { 'data-testid': 'cooperative-name' }, c.name),
    h('p', { class: 'muted' }, `${c.commune ?? ''} · ${c.lots} ${pt('lots')} · ${c.growingAreas} ${pt('areas')} · ${c.ocopCertificates} OCOP`),
    h('section', { class: 'card' }, h('h2', {}, pt('lotsOf')),
      h('table', { 'data-testid': 'cooperative-lots' }, h('thead', {}, h('tr', {}, [pt('code'), pt('product'), pt('kind'), pt('quantity'), pt('producedAt'), pt('area'), pt('labels')].map((x) => h('th', {}, x)))),
        h('tbody', {}, (lots.ok ? lots.body.items : []).map((l) => h('tr', {
          class: 'clickable', 'data-testid': `lot-${l.code}`, title: pt('openLot'),
          // The office reads the lot as the cooperative (X-Organization-Id, read-only) in the lot screen.
          onclick: () => { session.actingAs = id; session.me = null; location.hash = `#/lots/${l.id}`; },
        }, h('td', {}, h('code', {}, l.code)), h('td', {}, l.productName), h('td', {}, l.kind), h('td', {}, `${number(l.quantity)} ${l.unit}`),
          h('td', {}, new Date(l.producedAt).toLocaleDateString(lang() === 'en' ? 'en-GB' : 'vi-VN')), h('td', {}, l.growingAreaCode ?? '—'), h('td', {}, l.labelsPrinted)))))),
  ];
}
