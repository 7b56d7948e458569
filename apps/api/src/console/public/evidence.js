// @ts-check
// Evidence photos (issue 15): of a growing area (the field, its markers, the crop) and of a harvest lot,
// from the phone's camera or a file. The API re-encodes them (no EXIF, no GPS) and shows them to staff
// only, so they are read with the session's token and shown through blob URLs.
import { alertBox, h, session } from './core.js';
import { errorMessage, lang } from './i18n.js';

const TEXT = {
  vi: { title: 'Ảnh minh chứng', add: 'Chụp / chọn ảnh', caption: 'Chú thích (không bắt buộc)', none: 'Chưa có ảnh.', help: 'Ảnh chỉ dùng nội bộ (không hiện trên trang công khai); vị trí GPS và thông tin EXIF trong ảnh được xoá khi tải lên.', uploading: 'Đang tải ảnh lên…', harvestPhotos: 'Ảnh thu hoạch (không bắt buộc)', pending: 'ảnh chờ gửi' },
  en: { title: 'Evidence photos', add: 'Take / choose a photo', caption: 'Caption (optional)', none: 'No photos yet.', help: 'Photos are for staff only (never on the public page); the GPS position and EXIF data in a photo are removed on upload.', uploading: 'Uploading…', harvestPhotos: 'Harvest photos (optional)', pending: 'photo(s) waiting' },
};
/** @param {keyof typeof TEXT.vi} key */
export const et = (key) => (TEXT[lang()] ?? TEXT.vi)[key] ?? TEXT.vi[key];

const authHeaders = () => {
  /** @type {Record<string, string>} */
  const headers = { authorization: `Bearer ${session.token}` };
  if (session.actingAs) headers['x-organization-id'] = session.actingAs;
  return headers;
};

/**
 * Sends a photo's bytes to `<base>/photos` (base: `/api/v1/growing-areas/<id>` or `/api/v1/lots/<id>`).
 * `key` is its Idempotency-Key: an upload sent again (from the outbox) is answered, not stored twice.
 * @param {string} base
 * @param {Blob} file
 * @param {{ caption?: string, key?: string }} [options]
 * @returns {Promise<{ ok: boolean, status: number, body: any }>}
 */
export async function uploadPhoto(base, file, { caption, key } = {}) {
  if (navigator.onLine === false) return { ok: false, status: 0, body: null };
  try {
    const response = await fetch(`${base}/photos${caption ? `?caption=${encodeURIComponent(caption)}` : ''}`, {
      method: 'POST',
      headers: { ...authHeaders(), 'content-type': file.type || 'image/jpeg', 'idempotency-key': key ?? crypto.randomUUID(), accept: 'application/json' },
      body: file,
    });
    return { ok: response.ok, status: response.status, body: await response.json().catch(() => null) };
  } catch {
    return { ok: false, status: 0, body: null };
  }
}

/** A thumbnail read with the session's token (the route is not public). */
function thumbnail(photo) {
  const img = h('img', { alt: photo.caption ?? '', width: 160, height: 120, loading: 'lazy', style: 'object-fit:cover;background:#eef3ea' });
  const link = h('a', { href: '#', target: '_blank', rel: 'noopener' }, img);
  void fetch(`${photo.imageUrl}?size=thumb`, { headers: authHeaders() }).then((r) => (r.ok ? r.blob() : null)).then((blob) => { if (blob) img.src = URL.createObjectURL(blob); });
  link.addEventListener('click', (event) => {
    event.preventDefault();
    void fetch(photo.imageUrl, { headers: authHeaders() }).then((r) => r.blob()).then((blob) => window.open(URL.createObjectURL(blob), '_blank', 'noopener'));
  });
  return h('figure', { style: 'margin:0', 'data-testid': 'evidence-photo' }, link, photo.caption ? h('figcaption', { class: 'muted' }, photo.caption) : null);
}

/**
 * The evidence photos of an area or a lot, and (for those who may write) a picker that opens the
 * phone's camera. `base`: `/api/v1/growing-areas/<id>` or `/api/v1/lots/<id>`.
 * @param {string} base
 */
export async function evidencePhotos(base) {
  const listed = await fetch(`${base}/photos`, { headers: { ...authHeaders(), accept: 'application/json' } }).then((r) => (r.ok ? r.json() : { items: [] })).catch(() => ({ items: [] }));
  const note = h('div');
  const gallery = h('div', { class: 'toolbar' }, listed.items.length ? listed.items.map(thumbnail) : h('p', { class: 'muted' }, et('none')));
  const caption = h('input', { name: 'photoCaption', maxlength: 200, placeholder: et('caption'), 'aria-label': et('caption') });
  const input = h('input', {
    type: 'file', accept: 'image/*', capture: 'environment', 'data-testid': 'evidence-photo-input', 'aria-label': et('add'),
    onchange: async () => {
      const file = input.files?.[0];
      if (!file) return;
      note.replaceChildren(h('p', { class: 'muted' }, et('uploading')));
      const result = await uploadPhoto(base, file, { caption: caption.value.trim() || undefined });
      input.value = '';
      if (!result.ok) return note.replaceChildren(alertBox('error', errorMessage(result.body)));
      caption.value = '';
      note.replaceChildren();
      if (!gallery.querySelector('figure')) gallery.replaceChildren();
      gallery.append(thumbnail(result.body));
    },
  });
  return h('section', { class: 'card', 'data-testid': 'evidence-photos' },
    h('h2', {}, et('title')), h('p', { class: 'muted' }, et('help')), gallery,
    session.canWrite ? h('div', { class: 'toolbar' }, caption, h('label', { class: 'inline' }, `${et('add')} `, input)) : null, note);
}
