// @ts-check
import { alertBox, api, badge, formatDate, formatQuantity, h, reasonDialog, session, table } from './core.js';
import { errorMessage, t } from './i18n.js';
import { positionText } from './offline.js';

/** Events that a void can correct: a recall and a void are final (docs/rules.md#immutable-history). */
const VOIDABLE = ['harvest', 'transform', 'split', 'ship', 'receive', 'inspect'];

export const canVoid = (event) => session.canWrite && VOIDABLE.includes(event.type) && !event.voided;

/** What voiding the event undoes, in the clerk's words: quantities given back and lots cancelled. */
export function reversal(event) {
  const lines = event.lines ?? [];
  return h('ul', { 'data-testid': 'void-reverses' },
    lines.filter((l) => l.direction === 'input').map((l) => h('li', {}, t('void.givesBack'), ' ', h('strong', {}, formatQuantity(l.quantity, l.unit)), ' ', t('void.toLot'), ' ', h('strong', {}, l.lotCode ?? l.lotId))),
    lines.filter((l) => l.direction === 'output').map((l) => h('li', {}, t('void.cancelsLot'), ' ', h('strong', {}, l.lotCode ?? l.lotId), ` (${formatQuantity(l.quantity, l.unit)})`)),
    lines.length ? null : h('li', {}, t(`kinds.${event.type}`)));
}

/**
 * The void dialog: what the event did and what voiding it undoes come first, then a required reason.
 * The event itself stays in the history; the void is a new event that names it.
 */
export function voidDialog(event, target, onDone) {
  reasonDialog(target, {
    name: 'void',
    intro: [h('h2', {}, t('void.title'), ': ', t(`kinds.${event.type}`), ' ', formatDate(event.eventTime)), h('p', {}, t('void.reverses')), reversal(event), h('p', { class: 'muted' }, t('void.stays'))],
    confirmLabel: t('void.confirmButton'),
    send: (reason) => api('POST', `/api/v1/events/${event.id}/void`, { reason }),
    onDone,
  });
}

/** One event: what it recorded, whether it was voided, and the void action. */
export async function eventView(id) {
  const result = await api('GET', `/api/v1/events/${id}`);
  if (!result.ok) return [alertBox('error', errorMessage(result.body))];
  const event = result.body;
  const firstLot = (event.lines ?? [])[0];
  const dialog = h('div');
  const parts = [
    firstLot ? h('p', {}, h('a', { href: `#/lots/${firstLot.lotId}` }, `← ${firstLot.lotCode ?? t('nav.lots')}`)) : null,
    h('h1', {}, t(`kinds.${event.type}`), ' — ', formatDate(event.eventTime), event.voided ? [' ', badge('voided')] : ''),
    event.voided ? alertBox('warn', `${t('void.alreadyVoided')}: ${event.voided.reason ?? ''}`) : null,
    event.reason ? h('p', {}, `${t('fields.reason')}: ${event.reason}`) : null,
    // Where the phone was when a harvest was written (staff only; never on the public page).
    event.details?.position ? h('p', { 'data-testid': 'event-position' }, `${t('lot.position')}: ${positionText(event.details.position)}`) : null,
    table([
      { label: t('fields.lotCode'), render: (l) => h('a', { href: `#/lots/${l.lotId}` }, l.lotCode ?? l.lotId) },
      { label: t('void.direction'), render: (l) => t(`void.directions.${l.direction}`) },
      { label: t('fields.quantity'), render: (l) => formatQuantity(l.quantity, l.unit) },
    ], event.lines ?? []),
  ];
  if (canVoid(event)) {
    parts.push(h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'danger', 'data-testid': 'void-event', onclick: () => voidDialog(event, dialog, () => location.reload()) }, t('void.action'))), dialog);
  }
  return parts;
}
