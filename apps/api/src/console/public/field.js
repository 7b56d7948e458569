// @ts-check
// A fertiliser or pesticide use written in the field, from anywhere (issue 15): the growing area is picked
// from the list kept on the device, so the form opens and saves without a network. Without one (or
// correcting an entry of the outbox, `?outbox=id`) the entry waits on the device (offline.js) with its
// Idempotency-Key and the phone's position, and is sent when the link returns.
import { alertBox, api, apiUrl, flash, form, h, options, today } from './core.js';
import { t } from './i18n.js';
import { cachedList, entry as outboxEntry, keep, position, positionBy, sendAll } from './offline.js';

const f = (name, extra = {}) => ({ name, label: t(`fields.${name}`), ...extra });
const AREA_IN_PATH = /^\/api\/v1\/growing-areas\/([0-9a-f-]{36})\/inputs$/;

export async function fieldInputView(params = new URLSearchParams()) {
  const areas = await cachedList(apiUrl('/api/v1/growing-areas', { query: { limit: 200 } }));
  const editing = params.get('outbox') ? await outboxEntry(params.get('outbox')) : undefined;
  // An entry typed on an area's page names its area in its path only.
  const initial = editing ? { growingAreaId: AREA_IN_PATH.exec(editing.path)?.[1], ...editing.values } : { growingAreaId: params.get('growingAreaId') ?? undefined };
  const here = editing ? Promise.resolve(null) : position();
  const keepOnDevice = async (values, body, key) => {
    const area = areas.find((a) => a.id === values.growingAreaId);
    const path = `/api/v1/growing-areas/${values.growingAreaId}/inputs`;
    const label = [area?.code, values.productName, values.appliedAt].filter(Boolean).join(' · ');
    await keep({ id: editing?.id, kind: 'input', path, values, body, label, position: editing ? undefined : await positionBy(here), key });
    flash('ok', t('outbox.kept'));
    location.hash = '#/outbox';
    void sendAll();
    return { ok: true };
  };
  const built = form([
    f('growingAreaId', { type: 'select', required: true, options: areas.map((a) => ({ value: a.id, label: `${a.code} — ${a.name} (${t(`kinds.${a.status}`)})` })) }),
    f('appliedAt', { type: 'date', required: true, default: today(), max: today() }),
    f('kind', { type: 'select', required: true, options: options(['fertiliser', 'pesticide', 'other']) }),
    f('productName', { required: true }), f('activeIngredient'), f('dose', { type: 'number', unitFrom: 'doseUnit' }), f('doseUnit'), f('phiDays', { type: 'int', required: true }),
  ], {
    submitLabel: t('save'),
    initial,
    onSubmit: async (values, { idempotencyKey }) => {
      const { growingAreaId, ...rest } = values;
      if (editing || navigator.onLine === false) return keepOnDevice(values, rest);
      const where = await positionBy(here);
      const body = { ...rest, ...(where ? { position: where } : {}) };
      const result = await api('POST', `/api/v1/growing-areas/${growingAreaId}/inputs`, body, { idempotencyKey });
      // The link dropped on the way: kept with the same key and body, written once whether it arrived or not.
      if (result.status === 0) return keepOnDevice(values, body, idempotencyKey);
      if (result.ok) { flash('ok', t('saved')); location.hash = `#/growing-areas/${growingAreaId}`; }
      return result;
    },
  });
  return [
    h('h1', {}, t('nav.fieldInput')),
    editing ? alertBox('warn', t('outbox.editing')) : navigator.onLine === false ? alertBox('warn', t('outbox.offlineNote')) : null,
    h('div', { class: 'card' }, built.el),
  ];
}
