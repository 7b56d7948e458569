// @ts-check
// EPCIS 2.0 capture in the console (issue 14): a clerk uploads an EPCISDocument a buyer or packing
// house sent as a file, chooses what happens when one event is refused, and reads each capture job:
// its state, its counts and every refused event's reason in Vietnamese. Partners' systems post the
// same documents to the same route with an API key (#/api-keys).
import { alertBox, api, formatDate, h, session, table } from './core.js';
import { errorMessage, lang, t } from './i18n.js';
import { followJob, jobBadge, progressBar } from './jobs.js';

const CAPTURE = '/api/v1/epcis/capture';
/** The capture limits (GS1-EPCIS-Capture-File-Size-Limit): a larger file is refused before it is sent. */
const MAX_BYTES = 16 * 1024 * 1024;

const TEXT = {
  vi: {
    nav: 'Nhận dữ liệu EPCIS', title: 'Nhận dữ liệu EPCIS 2.0',
    help: 'Tải lên tệp EPCISDocument (JSON hoặc JSON-LD) do đối tác gửi: sự kiện thu hoạch, chế biến, giao, nhận, kiểm tra sẽ được ghi vào lô như khi nhập tay. Sự kiện đã nhận trước đó (cùng eventID) không được ghi hai lần.',
    file: 'Tệp EPCIS (.json, .jsonld)', chooseFile: 'Hãy chọn tệp EPCIS.', notJson: 'Tệp này không phải JSON: hãy xuất lại tài liệu EPCIS ở dạng JSON-LD.', tooLarge: 'Tệp quá lớn (tối đa 16 MB): hãy chia thành nhiều tài liệu.',
    behaviour: 'Khi có sự kiện bị từ chối',
    rollback: 'Không ghi gì cả (mặc định): sửa tệp rồi gửi lại toàn bộ',
    proceed: 'Ghi các sự kiện hợp lệ, liệt kê các sự kiện bị từ chối',
    send: 'Gửi tài liệu', sending: 'Đang gửi…',
    jobs: 'Các lượt nhận gần đây', when: 'Gửi lúc', finished: 'xong lúc', events: 'Số sự kiện', captured: 'Đã ghi', duplicates: 'Trùng (bỏ qua)', refused: 'Bị từ chối', fileName: 'Tệp',
    behaviours: { rollback: 'Không ghi nếu có lỗi', proceed: 'Ghi phần hợp lệ' },
    job: 'Lượt nhận EPCIS', progress: 'Tiến độ', processed: 'Đã xử lý', of: 'trên',
    success: 'Đã ghi nhận tài liệu.', rolledBack: 'Không sự kiện nào được ghi vì có sự kiện bị từ chối. Sửa các sự kiện dưới đây rồi gửi lại cả tệp.',
    partial: 'Đã ghi các sự kiện hợp lệ; các sự kiện dưới đây bị từ chối.', noErrors: 'Không có sự kiện nào bị từ chối.',
    noneNew: 'Không có sự kiện mới nào được ghi: các sự kiện khác đã được ghi nhận trước đó; các sự kiện dưới đây bị từ chối.',
    allDuplicates: 'Mọi sự kiện của tài liệu đã được ghi nhận trước đó: không có gì mới được ghi.',
    errors: 'Sự kiện bị từ chối', index: 'Sự kiện số', eventId: 'eventID', reason: 'Lý do', detail: 'Chi tiết kỹ thuật',
    rolledBackBadge: 'Không ghi gì', another: 'Gửi tài liệu khác', back: 'Các lượt nhận',
    partners: 'Hệ thống của đối tác gửi thẳng đến', partnersKey: 'với tiêu đề X-API-Key (tạo khóa ở mục “Khóa API”).',
  },
  en: {
    nav: 'EPCIS capture', title: 'EPCIS 2.0 capture',
    help: 'Upload an EPCISDocument (JSON or JSON-LD) a partner sent: harvest, processing, shipping, receiving and inspection events are recorded on the lots as if typed in. An event captured before (same eventID) is not recorded twice.',
    file: 'EPCIS file (.json, .jsonld)', chooseFile: 'Choose an EPCIS file.', notJson: 'This file is not JSON: export the EPCIS document as JSON-LD again.', tooLarge: 'The file is too large (16 MB at most): split it into several documents.',
    behaviour: 'When an event is refused',
    rollback: 'Record nothing (default): fix the file and send all of it again',
    proceed: 'Record the valid events and list the refused ones',
    send: 'Send the document', sending: 'Sending…',
    jobs: 'Recent captures', when: 'Sent at', finished: 'finished at', events: 'Events', captured: 'Recorded', duplicates: 'Duplicates (skipped)', refused: 'Refused', fileName: 'File',
    behaviours: { rollback: 'Nothing if one fails', proceed: 'Record the valid ones' },
    job: 'EPCIS capture', progress: 'Progress', processed: 'Processed', of: 'of',
    success: 'The document was captured.', rolledBack: 'Nothing was recorded because an event was refused. Fix the events below and send the whole file again.',
    partial: 'The valid events were recorded; the events below were refused.', noErrors: 'No event was refused.',
    noneNew: 'No new event was recorded: the others were captured before; the events below were refused.',
    allDuplicates: 'Every event of the document was captured before: nothing new was recorded.',
    errors: 'Refused events', index: 'Event no.', eventId: 'eventID', reason: 'Reason', detail: 'Technical detail',
    rolledBackBadge: 'Nothing recorded', another: 'Send another document', back: 'Captures',
    partners: 'Partners’ systems post directly to', partnersKey: 'with an X-API-Key header (create keys under “API keys”).',
  },
};
/** et('rollback'), et('behaviours.proceed'): this screen's texts, Vietnamese first. */
export const et = (key) => {
  const find = (dict) => key.split('.').reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), dict);
  const value = find(TEXT[lang()]) ?? find(TEXT.vi);
  return typeof value === 'string' ? value : key;
};

/** The file each capture came from, remembered on this device (the API keeps the document, not its name). */
const FILES = 'nguon.captureFiles';
const fileNames = () => { try { return JSON.parse(localStorage.getItem(FILES) ?? '{}'); } catch { return {}; } };
function rememberFile(captureId, name) {
  const names = Object.entries({ [captureId]: name, ...fileNames() }).slice(0, 100);
  localStorage.setItem(FILES, JSON.stringify(Object.fromEntries(names)));
}

const time = (value) => (value ? `${formatDate(value)} ${new Date(value).toLocaleTimeString(lang() === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' })}` : '');

/** Sends the file's own bytes as JSON-LD; a retry after a dropped link reuses its Idempotency-Key. */
async function sendDocument(text, behaviour) {
  const headers = {
    accept: 'application/json', authorization: `Bearer ${session.token}`, 'content-type': 'application/ld+json',
    'gs1-capture-error-behaviour': behaviour, 'idempotency-key': crypto.randomUUID(),
  };
  if (session.actingAs) headers['x-organization-id'] = session.actingAs;
  if (navigator.onLine === false) return { ok: false, status: 0, body: null };
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(CAPTURE, { method: 'POST', headers, body: text });
      return { ok: response.ok, status: response.status, body: await response.json().catch(() => null) };
    } catch {
      if (attempt >= 3) return { ok: false, status: 0, body: null };
      await new Promise((r) => setTimeout(r, 800 * attempt));
    }
  }
}

/** A rolled-back capture is no breakdown: it says that nothing was recorded. */
const captureBadge = (job) => (job.errorCode === 'EPCIS_EVENT_ROLLED_BACK' ? h('span', { class: 'badge failed', 'data-status': job.status }, et('rolledBackBadge')) : jobBadge(job.status));

const counts = (job) => `${et('events')}: ${job.eventCount} · ${et('captured')}: ${job.capturedCount} · ${et('duplicates')}: ${job.duplicateCount} · ${et('refused')}: ${job.refusedCount}`;

/** Upload a document (with the error behaviour) and the list of recent captures. */
export async function epcisView() {
  const listed = await api('GET', `${CAPTURE}?limit=30`);
  const names = fileNames();
  const file = h('input', { id: 'epcis-file', type: 'file', accept: '.json,.jsonld,application/json,application/ld+json', 'data-testid': 'epcis-file' });
  const choice = (value) => h('label', { class: 'inline' },
    h('input', { type: 'radio', name: 'epcis-behaviour', value, checked: value === 'rollback', style: 'width:auto', 'data-testid': `epcis-${value}` }), ' ', et(value));
  const message = h('div');
  const send = h('button', { type: 'submit', class: 'primary', 'data-testid': 'epcis-send' }, et('send'));
  const upload = h('form', {
    class: 'card', novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      const chosen = file.files[0];
      if (!chosen) return message.replaceChildren(alertBox('error', et('chooseFile')));
      if (chosen.size > MAX_BYTES) return message.replaceChildren(alertBox('error', et('tooLarge')));
      const text = await chosen.text();
      try { JSON.parse(text); } catch { return message.replaceChildren(alertBox('error', et('notJson'))); }
      const behaviour = /** @type {HTMLInputElement | null} */ (upload.querySelector('input[name=epcis-behaviour]:checked'))?.value ?? 'rollback';
      send.disabled = true;
      message.replaceChildren(h('p', { class: 'muted' }, et('sending')));
      const result = await sendDocument(text, behaviour);
      send.disabled = false;
      if (!result.ok) return message.replaceChildren(alertBox('error', schemaProblem(result.body)));
      rememberFile(result.body.captureID, chosen.name);
      location.hash = `#/epcis/${result.body.captureID}`;
    },
  },
  h('p', { class: 'muted' }, et('help')),
  h('div', { class: 'field' }, h('label', { for: 'epcis-file' }, et('file')), file),
  h('fieldset', { class: 'field', style: 'border:0;padding:0;margin:0 0 12px' }, h('legend', { style: 'font-weight:600;margin-bottom:4px' }, et('behaviour')), h('div', {}, choice('rollback')), h('div', {}, choice('proceed'))),
  message, session.canWrite ? send : h('p', { class: 'muted' }, t('readOnly')));
  // On a phone the first three columns show (app.css): when, which file, and how it went.
  const jobsTable = (items) => table([
    { label: et('when'), render: (j) => time(j.createdAt) },
    { label: et('fileName'), render: (j) => names[j.captureID] ?? '' },
    { label: t('fields.status'), render: captureBadge },
    { label: et('behaviour'), render: (j) => et(`behaviours.${j.captureErrorBehaviour}`) },
    { label: et('events'), key: 'eventCount' },
    { label: et('captured'), key: 'capturedCount' },
    { label: et('duplicates'), key: 'duplicateCount' },
    { label: et('refused'), key: 'refusedCount' },
  ], items, (j) => (location.hash = `#/epcis/${j.captureID}`));
  const jobs = h('div', { 'data-testid': 'epcis-jobs' }, listed.ok ? jobsTable(listed.body.items) : alertBox('error', errorMessage(listed.body)));
  // Captures still running (a partner's system may be sending too) are followed until they finish.
  if (listed.ok && listed.body.items.some((j) => j.running)) {
    void followJob(`${CAPTURE}?limit=30`, jobs, (answer) => jobs.replaceChildren(jobsTable(answer.items)), (answer) => !answer.items.some((j) => j.running));
  }
  return [
    h('h1', {}, et('title')), upload,
    h('p', { class: 'muted' }, `${et('partners')} `, h('code', {}, `${location.origin}${CAPTURE}`), ` ${et('partnersKey')}`),
    h('h2', {}, et('jobs')), jobs,
  ];
}

/** A refused document: its code's words, and the first schema problems GS1's schema named. */
function schemaProblem(body) {
  const problems = body?.details?.schemaErrors;
  return Array.isArray(problems) && problems.length ? `${errorMessage(body)} (${problems.slice(0, 3).join('; ')})` : errorMessage(body);
}

/** What became of the document, in a sentence. */
function outcomeBox(job) {
  if (job.status === 'failed' && job.errorCode !== 'EPCIS_EVENT_ROLLED_BACK') return alertBox('error', job.errorCode ? errorMessage({ code: job.errorCode, message: job.errorMessage }) : job.errorMessage ?? t('kinds.failed'));
  if (job.success === false) return alertBox('error', et('rolledBack'));
  if (job.refusedCount > 0) return alertBox('warn', et(job.capturedCount > 0 ? 'partial' : 'noneNew'));
  if (job.capturedCount === 0 && job.duplicateCount > 0) return alertBox('warn', et('allDuplicates'));
  return alertBox('ok', et('success'));
}

/** A capture job: its state while it runs, then its counts and every refused event's reason. */
export async function captureView(id) {
  const first = await api('GET', `${CAPTURE}/${id}`);
  if (!first.ok) return [alertBox('error', errorMessage(first.body))];
  const name = fileNames()[first.body.captureID];
  const target = h('div', { 'data-testid': 'epcis-job' });
  const bar = progressBar('epcis-progress');
  const state = h('p', { 'data-testid': 'epcis-state' });
  const outcome = h('div', { 'data-testid': 'epcis-outcome' });
  const errors = h('div', { 'data-testid': 'epcis-errors' });
  target.append(bar.el, state, outcome, errors);
  const show = (job) => {
    bar.set(job.running ? job.progress : 100);
    state.replaceChildren(captureBadge(job), ` ${et('behaviours.' + job.captureErrorBehaviour)} · `, h('span', { 'data-testid': 'epcis-counts' }, counts(job)));
    if (job.running) return;
    outcome.replaceChildren(outcomeBox(job));
    errors.replaceChildren(...(job.errors.length ? [
      h('h2', {}, et('errors')),
      table([
        { label: et('index'), render: (e) => String(e.index + 1) },
        { label: et('eventId'), render: (e) => (e.eventID ? h('code', {}, e.eventID) : '') },
        { label: et('reason'), render: (e) => h('span', { 'data-code': e.code, class: 'epcis-reason' }, errorMessage({ code: e.code, message: e.message })) },
        { label: et('detail'), render: (e) => h('span', { class: 'muted' }, e.message) },
      ], job.errors),
    ] : [h('p', { class: 'muted' }, et('noErrors'))]));
  };
  show(first.body);
  if (first.body.running) void followJob(`${CAPTURE}/${id}`, target, show, (job) => !job.running);
  return [
    h('p', {}, h('a', { href: '#/epcis' }, `← ${et('back')}`)),
    h('h1', {}, `${et('job')}${name ? `: ${name}` : ''}`),
    h('p', { class: 'muted' }, `${et('when')} ${time(first.body.createdAt)}`, first.body.finishedAt ? ` · ${et('finished')} ${time(first.body.finishedAt)}` : ''),
    target,
    session.canWrite ? h('p', {}, h('a', { href: '#/epcis' }, et('another'))) : null,
  ];
}
