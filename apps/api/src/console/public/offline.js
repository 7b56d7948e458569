// Field capture without a network: entries wait in the device's outbox (IndexedDB, kept when the browser
// closes), each with its own Idempotency-Key, and are sent when the link returns (the `online` event, the
// page opening, a timer). The forms' reference lists are kept from the last time they were read online.
import { alertBox, api, h, session } from './core.js';
import { errorMessage, t } from './i18n.js';
import { et, uploadPhoto } from './evidence.js';

const DB_NAME = 'nguon-offline';
const RETRY_MS = 60_000;
/** Answers that say "try again later", never "no": the entry keeps waiting. */
const RETRY_CODES = new Set(['IDEMPOTENCY_KEY_IN_PROGRESS', 'IDEMPOTENCY_KEY_OUTCOME_UNKNOWN', 'RATE_LIMITED']);

let opened;
function db() {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('outbox', { keyPath: 'id' });
      request.result.createObjectStore('refs', { keyPath: 'key' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opened;
}

async function store(name, mode, work) {
  const tx = (await db()).transaction(name, mode);
  const request = work(tx.objectStore(name));
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve(request?.result);
    tx.onerror = () => reject(tx.error);
  });
}

const organizationId = () => session.me?.organization.id ?? null;

/** A list for a form (areas, households, products): read online and kept, or the kept copy offline. */
export async function cachedList(path) {
  const key = `${organizationId()}:${path}`;
  const result = await api('GET', path);
  if (result.ok) {
    const items = Array.isArray(result.body) ? result.body : result.body.items ?? [];
    await store('refs', 'readwrite', (s) => s.put({ key, items, at: new Date().toISOString() })).catch(() => undefined);
    return items;
  }
  if (result.status !== 0) return [];
  return (await store('refs', 'readonly', (s) => s.get(key)).catch(() => undefined))?.items ?? [];
}

/** /me as last read online, so the console still opens without a network. */
export function rememberMe(me) {
  localStorage.setItem('nguon.me', JSON.stringify(me));
}
export function rememberedMe() {
  try { return JSON.parse(localStorage.getItem('nguon.me') ?? 'null'); } catch { return null; }
}

/** This organization's entries, newest first. */
export async function entries() {
  const all = await store('outbox', 'readonly', (s) => s.getAll());
  return all.filter((e) => e.organizationId === organizationId()).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export const entry = (id) => store('outbox', 'readonly', (s) => s.get(id));

/**
 * Keeps an entry on the device: `values` are the form's (to edit it again), `body` what is sent to `path`.
 * A new entry, or an edited one, waits with a fresh Idempotency-Key; `key` keeps one already used.
 */
/** @param {{ id?: string, kind: string, path: string, values: object, body: object, label: string, position?: object | null, key?: string, photos?: Blob[] }} entry */
export async function keep({ id, kind, path, values, body, label, position, key, photos }) {
  const previous = id ? await entry(id) : undefined;
  // The position of the first save stays with an entry corrected later (it says where it was written).
  const where = position ?? apiPosition(previous?.position);
  const saved = {
    ...previous,
    id: id ?? crypto.randomUUID(),
    organizationId: organizationId(),
    kind, path, values, label,
    body: where && body.position === undefined ? { ...body, position: where } : body,
    position: where,
    // Photos taken with the entry wait with it (IndexedDB keeps the files) and follow it once it is sent,
    // each with its own Idempotency-Key; photos added while correcting it join those already kept.
    photos: [...(previous?.photos ?? []), ...(photos ?? []).map((blob) => ({ blob, key: crypto.randomUUID(), state: 'waiting' }))],
    // An entry still waiting may have reached the server unanswered: it keeps its key, so it is never written twice.
    key: key ?? (previous?.state === 'waiting' ? previous.key : crypto.randomUUID()),
    state: 'waiting',
    error: null,
    createdAt: previous?.createdAt ?? new Date().toISOString(),
  };
  await store('outbox', 'readwrite', (s) => s.put(saved));
  changed();
  return saved;
}

export async function remove(id) {
  await store('outbox', 'readwrite', (s) => s.delete(id));
  changed();
}

/** Sends a refused entry again as it is (after the cause was fixed elsewhere, e.g. the area activated). */
export async function retry(id) {
  const found = await entry(id);
  if (!found) return;
  await store('outbox', 'readwrite', (s) => s.put({ ...found, state: 'waiting', error: null, key: crypto.randomUUID() }));
  changed();
  void sendAll();
}

function changed() {
  window.dispatchEvent(new Event('nguon:outbox'));
}

let sending = null;
/** Set when asked to send while a pass is under way: an entry kept meanwhile gets another pass at once. */
let sendAgain = false;
/** Sends every waiting entry of this organization, one at a time; returns when done. */
export function sendAll() {
  if (sending) {
    sendAgain = true;
    return sending;
  }
  if (!session.token || !organizationId() || navigator.onLine === false) return Promise.resolve();
  sending = (async () => {
    try {
      do {
        sendAgain = false;
        await sendPass();
      } while (sendAgain && navigator.onLine !== false);
    } finally {
      sending = null;
    }
  })();
  return sending;
}

/** One pass over the outbox: the waiting entries in the order they were kept, then the photos of those sent. */
async function sendPass() {
  for (const waiting of (await entries()).filter((e) => e.state === 'waiting').reverse()) {
    const result = await api('POST', waiting.path, waiting.body, { idempotencyKey: waiting.key });
    // No answer, a server in trouble, an expired session, a key still being worked on: wait and retry.
    if (result.status === 0 || result.status >= 500 || result.status === 401 || RETRY_CODES.has(result.body?.code)) continue;
    const done = result.ok || result.body?.code === 'IDEMPOTENCY_ANSWER_LOST'
      ? { state: 'sent', sentAt: new Date().toISOString(), result: result.ok ? { id: result.body.id, code: result.body.code } : null }
      : { state: 'refused', error: result.body ?? { code: 'INTERNAL', message: String(result.status) } };
    // Edited or removed while it was on its way: the newer version stays as it is, and waits.
    const now = await entry(waiting.id);
    if (!now || now.key !== waiting.key || JSON.stringify(now.body) !== JSON.stringify(waiting.body)) continue;
    await store('outbox', 'readwrite', (s) => s.put({ ...now, ...done }));
    changed();
  }
  // The photos of sent entries follow them (also those whose upload was interrupted earlier).
  for (const sent of (await entries()).filter((e) => e.state === 'sent' && e.result?.id && (e.photos ?? []).some((p) => p.state === 'waiting'))) {
    await sendPhotos(sent);
  }
}

/** Uploads an entry's waiting photos to what it made (a harvest: its lot); stops at the first that gets no answer. */
async function sendPhotos(sent) {
  const base = sent.kind === 'harvest' ? `/api/v1/lots/${sent.result.id}` : null;
  if (!base) return;
  const photos = [...sent.photos];
  for (const [i, photo] of photos.entries()) {
    if (photo.state !== 'waiting') continue;
    const result = await uploadPhoto(base, photo.blob, { key: photo.key });
    if (result.status === 0 || result.status >= 500 || result.status === 401) break;
    // Kept as sent without its bytes (they are on the server now); a refused one keeps the server's reason.
    photos[i] = result.ok ? { key: photo.key, state: 'sent' } : { ...photo, state: 'refused', error: result.body };
  }
  const now = await entry(sent.id);
  if (!now) return;
  await store('outbox', 'readwrite', (s) => s.put({ ...now, photos }));
  changed();
}

/** Sends when the link returns, when the page opens and every minute; the service worker keeps the console. */
export function startOffline() {
  window.addEventListener('online', () => void sendAll());
  setInterval(() => void sendAll(), RETRY_MS);
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/console/sw.js', { scope: '/console/' }).catch(() => undefined);
}

/**
 * @typedef {{ latitude: number, longitude: number, accuracyM: number | null }} Position
 * The phone's position as the API takes it (harvests and input applications: `position`).
 */

/** A position kept by an older console ({lat, lng, accuracy}) in the API's shape. */
function apiPosition(p) {
  if (!p) return null;
  if (typeof p.latitude === 'number') return p;
  return typeof p.lat === 'number' ? { latitude: p.lat, longitude: p.lng, accuracyM: p.accuracy ?? null } : null;
}

/**
 * The phone's position, if it allows it within a few seconds; otherwise null. Never blocks a save:
 * forms ask when they open and take what has come by the time they are sent (`positionBy`).
 * @returns {Promise<Position | null>}
 */
export function position() {
  if (!navigator.geolocation) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 4000);
    navigator.geolocation.getCurrentPosition(
      (p) => { clearTimeout(timer); resolve({ latitude: Number(p.coords.latitude.toFixed(6)), longitude: Number(p.coords.longitude.toFixed(6)), accuracyM: Math.round(p.coords.accuracy) }); },
      () => { clearTimeout(timer); resolve(null); },
      { enableHighAccuracy: true, timeout: 4000, maximumAge: 120_000 });
  });
}

/**
 * What a position asked for earlier has given, waiting at most `ms` more.
 * @param {Promise<Position | null>} asked
 * @returns {Promise<Position | null>}
 */
export function positionBy(asked, ms = 800) {
  return Promise.race([asked, new Promise((resolve) => setTimeout(() => resolve(null), ms))]);
}

/** "21.385712, 103.016946 (± 12 m)": a position as staff read it. */
export function positionText(p) {
  const pos = apiPosition(p);
  return pos ? `${pos.latitude}, ${pos.longitude}${pos.accuracyM === null || pos.accuracyM === undefined ? '' : ` (± ${pos.accuracyM} m)`}` : '';
}

/** "2 photo(s) waiting", and the reason of a photo the server refused. */
function photoLine(photos) {
  const waiting = photos.filter((p) => p.state === 'waiting').length;
  const refused = photos.filter((p) => p.state === 'refused');
  if (!waiting && !refused.length) return null;
  return h('div', { class: 'muted', 'data-testid': 'photos-waiting', 'data-waiting': String(waiting) },
    waiting ? `${waiting} ${et('pending')}` : '', refused.map((p) => h('div', { class: 'field-error' }, errorMessage(p.error))));
}

const when = (iso) => new Date(iso).toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });

/**
 * The "Chờ gửi" screen: each entry kept on the device as a card (readable on a phone, where tables lose
 * their right-hand columns), its state, and the server's reason when refused.
 */
export async function outboxView() {
  const rows = await entries();
  // Each kind is corrected in its own form (an input use in the field form, whichever page it was typed on).
  const editPath = { harvest: '#/harvest', input: '#/field-input' };
  const card = (e) => h('div', { class: 'card outbox-entry', 'data-id': e.id },
    h('div', {}, h('span', { class: `badge ${e.state}`, 'data-state': e.state }, t(`outbox.states.${e.state}`)), ' ', h('strong', {}, t(`outbox.kinds.${e.kind}`)), ' ', e.label),
    h('div', { class: 'muted' }, `${t('outbox.savedAt')}: ${when(e.createdAt)}`, e.position ? ` · ${t('outbox.position')}: ${positionText(e.position)}` : ''),
    e.state === 'refused' ? h('div', { class: 'field-error', 'data-testid': 'reason' }, errorMessage(e.error)) : null,
    photoLine(e.photos ?? []),
    e.state === 'sent' && e.result?.id ? h('div', {}, h('a', { href: `#/lots/${e.result.id}` }, e.result.code)) : null,
    e.state === 'sent' ? null : h('div', { class: 'toolbar' },
      editPath[e.kind] ? h('a', { href: `${editPath[e.kind]}?outbox=${e.id}` }, h('button', { type: 'button', class: 'secondary', 'data-testid': 'edit' }, t('edit'))) : null,
      e.state === 'refused' ? [
        h('button', { type: 'button', class: 'secondary', 'data-testid': 'resend', onclick: () => void retry(e.id) }, t('outbox.resend')),
        h('button', { type: 'button', class: 'danger', 'data-testid': 'discard', onclick: () => void remove(e.id) }, t('outbox.discard')),
      ] : null));
  return [
    h('h1', {}, t('outbox.title')),
    h('p', { class: 'muted' }, t('outbox.help')),
    navigator.onLine === false ? alertBox('warn', t('outbox.offlineNote')) : null,
    h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'primary', 'data-testid': 'send-now', onclick: () => void sendAll() }, t('outbox.sendNow'))),
    rows.length ? rows.map(card) : h('p', { class: 'muted' }, t('none')),
  ];
}
