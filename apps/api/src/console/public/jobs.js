// @ts-check
// Long work the worker runs for the console (issue 14): the check of the event hash chain and a recall
// that reaches many lots. Each is a job resource the screen polls, with a progress bar and its result;
// the job's id is in the address, so a reload (or a colleague given the link) follows the same job.
import { alertBox, api, formatDate, formatQuantity, h, session, table } from './core.js';
import { errorMessage, lang, t } from './i18n.js';

const TEXT = {
  vi: {
    statuses: { queued: 'Đang chờ máy xử lý', running: 'Đang chạy', done: 'Xong', failed: 'Lỗi' },
    auditHelp: 'Máy tính lại mã băm của mọi sự kiện theo thứ tự ghi. Sự kiện nào bị sửa trực tiếp trong cơ sở dữ liệu sẽ bị phát hiện. Chuỗi dài được kiểm tra ở nền; có thể rời trang và quay lại bằng đường dẫn này.',
    auditProgress: 'Tiến độ kiểm tra', auditChecked: 'Đã kiểm tra', auditOf: 'trên', events: 'sự kiện', auditFirstBroken: 'Sự kiện đầu tiên bị sai', auditProblem: 'Vấn đề',
    auditRequested: 'Yêu cầu lúc', auditAgain: 'Kiểm tra lại',
    problems: {
      hash: 'Sự kiện này không còn khớp với mã băm đã ghi, hoặc không nối tiếp sự kiện trước nó: dữ liệu đã bị sửa ngoài phần mềm.',
      missing: 'Chuỗi bị thiếu sự kiện: có sự kiện đã bị xóa ngoài phần mềm.',
      head: 'Chuỗi kết thúc sớm hơn sự kiện cuối cùng đã ghi: có sự kiện đã bị xóa ngoài phần mềm.',
    },
    recallTitle: 'Thu hồi lô', recallProgress: 'Tiến độ thu hồi', recallHelp: 'Lượt thu hồi này chạm đến nhiều lô nên chạy ở nền. Trang này tự cập nhật; có thể rời trang và quay lại bằng đường dẫn này.',
    recallMarked: 'Số lô đã đánh dấu thu hồi', recallReachable: 'Số lô của đơn vị bị ảnh hưởng', recallDone: 'Đã thu hồi xong', recallLots: 'Các lô đã thu hồi',
    recallPartners: 'Đối tác đã nhận hàng từ các lô này (cần báo cho họ)', recallOrganizations: 'Tổ chức khác trên hệ thống cũng bị thu hồi lô', openLot: 'Mở lô gốc',
    lotCode: 'Mã lô', partner: 'Đối tác', shipments: 'Số lần giao',
  },
  en: {
    statuses: { queued: 'Waiting for the worker', running: 'Running', done: 'Done', failed: 'Failed' },
    auditHelp: 'The hash of every event is recomputed in the order they were recorded. An event edited directly in the database is found. A long chain is checked in the background; you may leave and come back with this address.',
    auditProgress: 'Progress of the check', auditChecked: 'Checked', auditOf: 'of', events: 'events', auditFirstBroken: 'First broken event', auditProblem: 'Problem',
    auditRequested: 'Requested at', auditAgain: 'Check again',
    problems: {
      hash: 'This event no longer matches its recorded hash, or does not follow the event before it: the data was edited outside the software.',
      missing: 'Events are missing from the chain: some were deleted outside the software.',
      head: 'The chain ends before the last event recorded: some were deleted outside the software.',
    },
    recallTitle: 'Lot recall', recallProgress: 'Progress of the recall', recallHelp: 'This recall reaches many lots, so it runs in the background. This page updates by itself; you may leave and come back with this address.',
    recallMarked: 'Lots marked recalled', recallReachable: 'Lots of this organization reached', recallDone: 'The recall is complete', recallLots: 'Recalled lots',
    recallPartners: 'Partners who received goods from these lots (tell them)', recallOrganizations: 'Other organizations on the service whose lots were recalled', openLot: 'Open the root lot',
    lotCode: 'Lot code', partner: 'Partner', shipments: 'Shipments',
  },
};
/** jt('auditHelp'), jt('statuses.running'): this file's texts, Vietnamese first. */
export const jt = (key) => {
  const find = (dict) => key.split('.').reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), dict);
  const value = find(TEXT[lang()]) ?? find(TEXT.vi);
  return typeof value === 'string' ? value : key;
};

/** A job's state as a badge: queued, running, done, failed. */
export const jobBadge = (status) => h('span', { class: `badge ${status === 'running' ? 'queued' : status}`, 'data-status': status }, jt(`statuses.${status}`));

/** The import screen's progress bar (app.css .progress), as an element with `set(percent)`. */
export function progressBar(testid) {
  const bar = h('div', { role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0, style: 'width:0%', 'data-testid': testid }, '0%');
  const el = h('div', { class: 'progress' }, bar);
  return {
    el,
    set(percent) {
      const p = Math.max(0, Math.min(100, Math.round(Number(percent) || 0)));
      bar.style.width = `${p}%`;
      bar.textContent = `${p}%`;
      bar.setAttribute('aria-valuenow', String(p));
    },
  };
}

/**
 * Polls `path` until the job is over, calling `show(job)` after each answer; stops when `alive` is no
 * longer in the page (the clerk went elsewhere). Resolves to the last job, or null.
 * @param {string} path
 * @param {HTMLElement} alive
 * @param {(job: any) => void} show
 * @param {(job: any) => boolean} [over]
 */
export async function followJob(path, alive, show, over = (job) => job.status === 'done' || job.status === 'failed') {
  for (let wait = 300; ; wait = Math.min(wait * 1.5, 2000)) {
    const result = await api('GET', path);
    if (!alive.isConnected) return null;
    if (!result.ok) {
      alive.append(alertBox('error', errorMessage(result.body)));
      return null;
    }
    show(result.body);
    if (over(result.body)) return result.body;
    await new Promise((r) => setTimeout(r, wait));
  }
}

// ---------------------------------------------------------------- chain check

/** The chain check as a worker job: start it, watch its progress, read its result (`#/audit?jobId=…`). */
export async function auditView(params = new URLSearchParams()) {
  const jobId = params.get('jobId');
  const out = h('div', { 'data-testid': 'audit' });
  const message = h('div');
  const start = h('button', {
    type: 'button', class: jobId ? 'secondary' : 'primary', 'data-testid': 'audit-run',
    onclick: async () => {
      start.disabled = true;
      // Viewers (an auditor) write nothing, a job included: the check they ask answers at once for a
      // chain the API verifies in the request, or with a job for a longer one (202).
      const result = session.canWrite ? await api('POST', '/api/v1/audit/verify-jobs') : await api('GET', '/api/v1/audit/verify');
      start.disabled = false;
      if (!result.ok) return message.replaceChildren(alertBox('error', errorMessage(result.body)));
      if (result.status !== 202 && 'valid' in result.body) {
        message.replaceChildren();
        history.replaceState(null, '', '#/audit');
        return out.replaceChildren(verification(result.body));
      }
      location.hash = `#/audit?jobId=${result.body.id}`;
    },
  }, jobId ? jt('auditAgain') : t('audit.run'));
  if (jobId) void followAudit(jobId, out);
  return [h('h1', {}, t('audit.title')), h('p', { class: 'muted' }, jt('auditHelp')), h('div', { class: 'toolbar' }, start), message, out];
}

async function followAudit(id, target) {
  const bar = progressBar('audit-progress');
  const state = h('p', { 'data-testid': 'audit-state' });
  const result = h('div', { 'data-testid': 'audit-result' });
  target.replaceChildren(h('h2', {}, jt('auditProgress')), bar.el, state, result);
  const job = await followJob(`/api/v1/audit/verify-jobs/${id}`, target, (j) => {
    bar.set(j.progress);
    state.replaceChildren(jobBadge(j.status), ` ${jt('auditChecked')} ${j.eventsChecked}${j.eventsTotal === null ? '' : ` ${jt('auditOf')} ${j.eventsTotal}`} ${jt('events')} · ${jt('auditRequested')} ${formatDate(j.requestedAt)} ${new Date(j.requestedAt).toLocaleTimeString(lang() === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}`);
  });
  if (!job) return;
  if (job.status === 'failed') return result.replaceChildren(alertBox('error', job.errorMessage ?? jt('statuses.failed')));
  result.replaceChildren(verification(job.result));
}

/** The server's finding (English, technical) in the reader's words; the server's text stays beside it. */
function problemText(problem) {
  if (/events are missing/.test(problem)) return jt('problems.missing');
  if (/chain head/.test(problem)) return jt('problems.head');
  return jt('problems.hash');
}

/** What a verification found: intact, or the first broken event linked to its page. */
function verification(v) {
  return h('div', { 'data-testid': 'audit-verification' },
    alertBox(v.valid ? 'ok' : 'error', v.valid ? t('audit.valid') : t('audit.broken')),
    h('p', {}, `${t('audit.checked')}: `, h('strong', { 'data-testid': 'audit-checked' }, String(v.eventsChecked))),
    v.firstBrokenEventId ? h('p', {}, `${jt('auditFirstBroken')}: `, h('a', { href: `#/events/${v.firstBrokenEventId}`, 'data-testid': 'audit-broken-event' }, v.firstBrokenEventId)) : null,
    v.problem ? h('p', { 'data-testid': 'audit-problem' }, `${jt('auditProblem')}: ${problemText(v.problem)}`) : null,
    v.problem ? h('p', { class: 'muted' }, v.problem) : null,
  );
}

// ---------------------------------------------------------------- recall jobs

/** A recall run by the worker (202 from POST /api/v1/recalls): lots marked so far, then what it reached. */
export async function recallJobView(id) {
  const first = await api('GET', `/api/v1/recall-jobs/${id}`);
  if (!first.ok) return [alertBox('error', errorMessage(first.body))];
  const target = h('div', { 'data-testid': 'recall-job' });
  const bar = progressBar('recall-progress');
  const state = h('p', { 'data-testid': 'recall-state' });
  const result = h('div', { 'data-testid': 'recall-result' });
  target.append(h('p', { class: 'muted' }, jt('recallHelp')), h('h2', {}, jt('recallProgress')), bar.el, state, result);
  const show = (job) => {
    bar.set(job.progress);
    state.replaceChildren(jobBadge(job.status), ` ${jt('recallMarked')}: `, h('strong', { 'data-testid': 'recall-marked' }, String(job.lotsMarked)), job.lotsReachable ? ` · ${jt('recallReachable')}: ${job.lotsReachable}` : '');
    if (job.status === 'failed') result.replaceChildren(alertBox('error', job.errorCode ? errorMessage({ code: job.errorCode, message: job.errorMessage }) : job.errorMessage ?? jt('statuses.failed')));
    if (job.status === 'done' && job.result) result.replaceChildren(h('div', {}, recallOutcome(job.result)));
  };
  show(first.body);
  if (first.body.status !== 'done' && first.body.status !== 'failed') void followJob(`/api/v1/recall-jobs/${id}`, target, show);
  return [
    h('p', {}, h('a', { href: `#/lots/${first.body.lotId}` }, `← ${jt('openLot')}`)),
    h('h1', {}, jt('recallTitle')), target,
  ];
}

function recallOutcome(outcome) {
  const lots = outcome.lots ?? [];
  const partners = outcome.partners ?? [];
  const organizations = outcome.downstreamOrganizations ?? [];
  return [
    alertBox('ok', `${jt('recallDone')}: ${lots.length} ${t('nav.lots').toLowerCase()}`),
    h('h3', {}, jt('recallLots')),
    table([
      { label: jt('lotCode'), render: (l) => h('code', {}, l.code) },
      { label: t('fields.productId'), key: 'productNameVi' },
      { label: t('fields.quantity'), render: (l) => formatQuantity(l.quantity, l.unit) },
    ], lots, (l) => (location.hash = `#/lots/${l.id}`)),
    partners.length ? [h('h3', {}, jt('recallPartners')), table([{ label: jt('partner'), key: 'name' }, { label: jt('shipments'), render: (p) => (Array.isArray(p.shipments) ? p.shipments.length : '') }], partners)] : null,
    organizations.length ? [h('h3', {}, jt('recallOrganizations')), h('ul', {}, organizations.map((o) => h('li', {}, `${o.name} (${o.lotsRecalled})`)))] : null,
  ];
}
