// @ts-check
import { alertBox, api, badge, download, form, h, session } from './core.js';
import { errorMessage, lang, t } from './i18n.js';
import { list } from './registry.js';

const f = (name, extra = {}) => ({ name, label: t(`fields.${name}`), ...extra });

export async function labelsView(params) {
  const jobId = params.get('jobId');
  const status = h('div', { class: 'card', 'data-testid': 'label-job' });
  if (jobId) void follow(jobId, status);
  if (!session.canWrite) return [h('h1', {}, t('labels.title')), status];
  const [lots, templatesResult] = await Promise.all([list('/api/v1/lots?limit=200&status=active'), api('GET', '/api/v1/label-templates')]);
  const templates = Array.isArray(templatesResult.body) ? templatesResult.body : templatesResult.body?.items ?? [];
  const templateName = (x) => (lang() === 'en' ? x.nameEn ?? x.names?.en ?? x.name : x.nameVi ?? x.names?.vi ?? x.name) ?? x.id;
  const built = form([
    f('lotId', { type: 'select', required: true, options: lots.filter((l) => l.status === 'active').map((l) => ({ value: l.id, label: `${l.code} — ${l.product?.nameVi ?? l.productName ?? ''}` })) }),
    f('templateId', { type: 'select', required: true, default: templates[0]?.id, options: templates.map((x) => ({ value: x.id, label: templateName(x) })) }),
    f('count', { type: 'int', required: true, default: 24 }),
    f('serialized', { type: 'checkbox', default: true }),
    f('startPosition', { type: 'int', default: 1 }),
    f('offsetXMm', { type: 'number', default: 0, asNumber: true, suffix: 'mm' }),
    f('offsetYMm', { type: 'number', default: 0, asNumber: true, suffix: 'mm' }),
    f('outline', { type: 'checkbox', default: false }),
  ], {
    initial: { lotId: params.get('lotId') ?? undefined },
    submitLabel: t('labels.start'),
    onSubmit: async (values, { idempotencyKey }) => {
      const result = await api('POST', '/api/v1/label-jobs', { ...values, language: lang() }, { idempotencyKey });
      if (result.ok) void follow(result.body.id, status);
      return result;
    },
  });
  return [h('h1', {}, t('labels.title')), h('div', { class: 'card' }, built.el), status];
}

/** Polls the job and fills a progress bar until the worker is done. */
async function follow(id, target) {
  const bar = h('div', { role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0, style: 'width:0%' }, '0%');
  const state = h('p');
  const actions = h('div', { class: 'toolbar' });
  target.replaceChildren(h('h2', {}, t('labels.progress')), h('div', { class: 'progress' }, bar), state, actions);
  for (;;) {
    const result = await api('GET', `/api/v1/label-jobs/${id}`);
    if (!result.ok) { state.replaceChildren(alertBox('error', errorMessage(result.body))); return; }
    const job = result.body;
    // Labels that point to localhost open on no phone: said before anything is printed.
    if (job.warnings?.length && !target.querySelector('[data-testid=label-warning]')) {
      target.prepend(...job.warnings.map((w) => h('div', { class: 'alert warn', role: 'alert', 'data-testid': 'label-warning' }, w.code === 'PUBLIC_BASE_URL_LOOPBACK' ? `${t('labels.loopback')} (${w.url})` : w.message)));
    }
    const total = job.total ?? job.count ?? 0;
    const percent = Math.floor(job.percent ?? (total ? (100 * (job.progress ?? 0)) / total : 0));
    bar.style.width = `${percent}%`;
    bar.textContent = `${percent}%`;
    bar.setAttribute('aria-valuenow', String(percent));
    state.replaceChildren(badge(job.status), ` ${job.progress ?? 0} / ${total}`);
    if (job.status === 'done') {
      actions.replaceChildren(
        h('button', { type: 'button', class: 'primary', 'data-testid': 'download-pdf', onclick: () => download(`/api/v1/label-jobs/${id}/pdf`, `tem-${id.slice(0, 8)}.pdf`) }, t('labels.download')),
        h('button', { type: 'button', class: 'secondary', onclick: () => preview(id, target) }, t('labels.preview')),
      );
      return;
    }
    if (job.status === 'failed') { state.append(alertBox('error', errorMessage(job.error ?? { code: job.errorCode, message: job.errorMessage }))); return; }
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function preview(id, target) {
  const response = await fetch(`/api/v1/label-jobs/${id}/preview`, { headers: { authorization: `Bearer ${session.token}` } });
  if (!response.ok) return;
  const url = URL.createObjectURL(await response.blob());
  const type = response.headers.get('content-type') ?? '';
  target.append(type.includes('pdf') ? h('iframe', { src: url, title: t('labels.preview'), style: 'width:100%;height:320px;border:1px solid #ccc' }) : h('img', { src: url, alt: t('labels.preview'), style: 'max-width:100%;border:1px solid #ccc' }));
}
