// @ts-check
import { alertBox, api, badge, download, h, session, table } from './core.js';
import { errorMessage, lang, t } from './i18n.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends the file's own bytes (no form encoding); a retry after a dropped link reuses its Idempotency-Key. */
async function uploadFile(kind, file) {
  const headers = { accept: 'application/json', authorization: `Bearer ${session.token}`, 'content-type': /\.xlsx$/i.test(file.name) ? XLSX : /\.(csv|txt|tsv)$/i.test(file.name) ? 'text/csv' : 'application/octet-stream', 'idempotency-key': crypto.randomUUID() };
  if (session.actingAs) headers['x-organization-id'] = session.actingAs;
  const bytes = await file.arrayBuffer();
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(`/api/v1/imports/${kind}?fileName=${encodeURIComponent(file.name)}`, { method: 'POST', headers, body: bytes });
      return { ok: response.ok, status: response.status, body: await response.json().catch(() => null) };
    } catch {
      if (attempt >= 3) return { ok: false, status: 0, body: null };
      await new Promise((r) => setTimeout(r, 800 * attempt));
    }
  }
}

/** Choose what to import, get its template, upload a file: the dry run opens as the preview. */
export async function importsView() {
  const kinds = await api('GET', '/api/v1/imports/kinds');
  if (!kinds.ok) return alertBox('error', errorMessage(kinds.body));
  const title = (k) => (lang() === 'en' ? k.titleEn : k.titleVi);
  const kind = h('select', { id: 'import-kind', 'data-testid': 'import-kind' }, kinds.body.map((k) => h('option', { value: k.name }, title(k))));
  const file = h('input', { id: 'import-file', type: 'file', accept: '.xlsx,.csv,.txt', 'data-testid': 'import-file' });
  const message = h('div');
  const check = h('button', { type: 'submit', class: 'primary', 'data-testid': 'import-check' }, t('imports.check'));
  const templateButton = (language) =>
    h('button', { type: 'button', class: 'secondary', onclick: () => download(`/api/v1/imports/templates/${kind.value}?lang=${language}`, `nguon-${kind.value}-${language}.xlsx`).catch((e) => message.replaceChildren(alertBox('error', e.message))) },
      language === 'vi' ? t('imports.templateVi') : t('imports.templateEn'));
  const upload = h('form', {
    class: 'card', onsubmit: async (event) => {
      event.preventDefault();
      if (!file.files[0]) return message.replaceChildren(alertBox('error', t('imports.chooseFile')));
      check.disabled = true;
      message.replaceChildren(h('p', { class: 'muted' }, t('imports.checking')));
      const result = await uploadFile(kind.value, file.files[0]);
      check.disabled = false;
      if (!result.ok) return message.replaceChildren(alertBox('error', errorMessage(result.body)));
      location.hash = `#/imports/${result.body.id}`;
    },
  },
  h('div', { class: 'field' }, h('label', { for: 'import-kind' }, t('imports.kind')), kind),
  h('div', { class: 'toolbar' }, templateButton('vi'), templateButton('en')),
  h('p', { class: 'muted' }, t('imports.help')),
  h('div', { class: 'field' }, h('label', { for: 'import-file' }, t('imports.file')), file),
  message, session.canWrite ? check : h('p', { class: 'muted' }, t('readOnly')));
  return [h('h1', {}, t('imports.title')), upload];
}

/** The dry run: counts, each bad row with its column and reason; the annotated file; commit with a progress bar. */
export async function importView(id) {
  const result = await api('GET', `/api/v1/imports/${id}`);
  if (!result.ok) return alertBox('error', errorMessage(result.body));
  const job = result.body;
  const progressArea = h('div');
  const summary = h('p', { 'data-testid': 'import-summary' },
    `${t('imports.rows')}: ${job.totalRows} · ${t('imports.valid')}: ${job.validRows} · ${t('imports.existing')}: ${job.existingRows} · ${t('imports.invalid')}: ${job.errorRows}`);
  const errors = job.errors.length
    ? [h('h2', {}, t('imports.errors')), table([
      { label: t('imports.row'), key: 'row' },
      { label: t('imports.column'), render: (e) => e.column ?? '' },
      { label: t('imports.problem'), render: (e) => `${errorMessage({ code: e.code })} — ${e.message}` },
    ], job.errors)]
    : [alertBox('ok', t('imports.noErrors'))];
  const annotated = h('button', { type: 'button', class: 'secondary', 'data-testid': 'import-annotated', onclick: () => download(`/api/v1/imports/${id}/annotated.xlsx`, job.fileName.replace(/\.[^.]*$/, '') + '-kiem-tra.xlsx') }, t('imports.annotated'));
  const update = h('input', { type: 'checkbox', id: 'import-update', 'data-testid': 'import-update' });
  const commitButton = (mode, label, testid) => h('button', {
    type: 'button', class: mode === 'all_or_nothing' ? 'primary' : 'secondary', 'data-testid': testid,
    disabled: mode === 'all_or_nothing' && job.errorRows > 0 ? true : undefined,
    onclick: async () => {
      const committed = await api('POST', `/api/v1/imports/${id}/commit`, { mode, updateExisting: update.checked });
      if (!committed.ok) return progressArea.replaceChildren(alertBox('error', errorMessage(committed.body)));
      await followCommit(id, progressArea);
    },
  }, label);
  const actions = job.status === 'validated' && session.canWrite
    ? h('div', { class: 'card' },
      h('label', { class: 'inline', for: 'import-update' }, update, ' ', t('imports.updateExisting')),
      h('div', { class: 'toolbar' }, commitButton('all_or_nothing', t('imports.commitAll'), 'import-commit-all'), job.errorRows > 0 && job.validRows + job.existingRows > 0 ? commitButton('valid_rows', t('imports.commitValid'), 'import-commit-valid') : null))
    : null;
  if (job.status !== 'validated') void followCommit(id, progressArea);
  return [h('h1', {}, `${t('imports.title')}: ${job.fileName}`), h('p', {}, badge(job.status)), summary, h('div', { class: 'toolbar' }, annotated, h('a', { href: '#/imports' }, t('imports.another'))), actions, progressArea, ...errors];
}

async function followCommit(id, target) {
  const bar = h('div', { role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0, style: 'width:0%', 'data-testid': 'import-progress' }, '0%');
  const state = h('p', { 'data-testid': 'import-state' });
  target.replaceChildren(h('h2', {}, t('imports.progress')), h('div', { class: 'progress' }, bar), state);
  for (;;) {
    const result = await api('GET', `/api/v1/imports/${id}`);
    if (!result.ok) return target.append(alertBox('error', errorMessage(result.body)));
    const job = result.body;
    bar.style.width = `${job.progress}%`;
    bar.textContent = `${job.progress}%`;
    bar.setAttribute('aria-valuenow', String(job.progress));
    state.replaceChildren(badge(job.status), ` ${job.processedRows} / ${job.totalRows}`);
    if (job.status === 'done') return state.append(h('span', { 'data-testid': 'import-done' }, ` · ${t('imports.created')}: ${job.createdCount} · ${t('imports.updated')}: ${job.updatedCount} · ${t('imports.skipped')}: ${job.skippedCount} · ${t('imports.failed')}: ${job.failedCount}`));
    if (job.status === 'failed') return target.append(alertBox('error', job.errorMessage ?? job.errorCode));
    await new Promise((r) => setTimeout(r, 500));
  }
}
