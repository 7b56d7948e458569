// @ts-check
// The organization's public page in the province's OCOP showcase (issue 20) and its photos (issue 15):
// opt in, story, public contacts and links, visit info, photos of the cooperative and of each product.
import { alertBox, api, form, h, session } from './core.js';
import { errorMessage, lang } from './i18n.js';

const TEXT = {
  vi: {
    nav: 'Trang giới thiệu', title: 'Trang giới thiệu OCOP', help: 'Chỉ những gì ở đây mới hiện trên trang công khai. Số điện thoại, mã số thuế và ghi chú trong hồ sơ không bao giờ hiện.',
    listed: 'Hiện trong danh mục OCOP của tỉnh', storyVi: 'Câu chuyện (tiếng Việt)', storyEn: 'Câu chuyện (tiếng Anh)', publicPhone: 'Số điện thoại công khai', publicEmail: 'Email công khai',
    website: 'Trang web', links: 'Nơi bán (mỗi dòng: tên | https://…)', welcomesVisitors: 'Đón khách tham quan (du lịch cộng đồng)', visitInfoVi: 'Thông tin đến thăm (tiếng Việt)', visitInfoEn: 'Thông tin đến thăm (tiếng Anh)',
    save: 'Lưu', saved: 'Đã lưu.', photos: 'Ảnh của cơ sở (tối đa 6)', addPhoto: 'Thêm ảnh', remove: 'Xoá', products: 'Ảnh sản phẩm', setPhoto: 'Chọn ảnh', open: 'Mở trang công khai', poster: 'Áp phích mã QR (in cho gian hàng, homestay)', posterA4: 'Tạo áp phích A4', posterA5: 'Tạo áp phích A5', posterWait: 'Đang tạo áp phích…', posterReady: 'Tải áp phích', notListed: 'Chưa hiện công khai: cần bật ở trên và được văn phòng điều phối OCOP của tỉnh liên kết.',
  },
  en: {
    nav: 'Public page', title: 'OCOP public page', help: 'Only what is here appears on the public pages. The phone, tax code and notes of your records never do.',
    listed: 'Appear in the province’s OCOP catalogue', storyVi: 'Story (Vietnamese)', storyEn: 'Story (English)', publicPhone: 'Public phone', publicEmail: 'Public e-mail',
    website: 'Website', links: 'Where to buy (one per line: name | https://…)', welcomesVisitors: 'Welcomes visitors (community tourism)', visitInfoVi: 'Visit information (Vietnamese)', visitInfoEn: 'Visit information (English)',
    save: 'Save', saved: 'Saved.', photos: 'Photos of the cooperative (6 at most)', addPhoto: 'Add a photo', remove: 'Remove', products: 'Product photos', setPhoto: 'Choose a photo', open: 'Open the public page', poster: 'QR poster (for the stall or homestay)', posterA4: 'Make an A4 poster', posterA5: 'Make an A5 poster', posterWait: 'Making the poster…', posterReady: 'Download the poster', notListed: 'Not public yet: turn it on above, and be linked by the province’s OCOP programme office.',
  },
};
export const st = (key) => TEXT[lang()][key] ?? TEXT.vi[key];

/** Sends a file's bytes as the body, with its own content type (the API re-encodes it). */
async function upload(method, path, file) {
  const response = await fetch(path, {
    method,
    headers: { authorization: `Bearer ${session.token}`, 'content-type': file.type || 'image/jpeg', 'idempotency-key': crypto.randomUUID(), accept: 'application/json' },
    body: file,
  });
  return { ok: response.ok, status: response.status, body: await response.json().catch(() => null) };
}

function filePicker(label, testId, onFile) {
  // `capture` lets a phone open its camera directly; a desktop shows the file dialog.
  const input = h('input', { type: 'file', accept: 'image/*', capture: 'environment', 'data-testid': testId, 'aria-label': label, onchange: () => input.files[0] && onFile(input.files[0]) });
  return h('label', { class: 'inline' }, `${label} `, input);
}

/** Asks the worker for a poster, waits until it is made, then offers the PDF (fetched with the session's token). */
function posterCard(notice) {
  const out = h('div', { 'data-testid': 'poster-result' });
  const make = async (size) => {
    out.replaceChildren(h('p', { class: 'muted' }, st('posterWait')));
    let result = await api('POST', '/api/v1/organization/public-profile/posters', { size, lang: lang() }, { asSelf: true });
    for (let i = 0; i < 120 && result.ok && result.body.status === 'queued'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      result = await api('GET', `/api/v1/organization/public-profile/posters/${result.body.id}`, undefined, { asSelf: true });
    }
    if (!result.ok || result.body.status !== 'done') { out.replaceChildren(); return notice.replaceChildren(alertBox('error', errorMessage(result.body))); }
    const pdf = await fetch(result.body.pdfPath, { headers: { authorization: `Bearer ${session.token}` } });
    const link = h('a', { href: URL.createObjectURL(await pdf.blob()), download: `ocop-poster-${size}.pdf`, 'data-testid': 'poster-download' }, `${st('posterReady')} (${size.toUpperCase()})`);
    out.replaceChildren(h('p', {}, link));
  };
  return h('section', { class: 'card', 'data-testid': 'posters' }, h('h2', {}, st('poster')),
    h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'secondary', onclick: () => make('a4') }, st('posterA4')), h('button', { type: 'button', class: 'secondary', onclick: () => make('a5') }, st('posterA5'))), out);
}

export async function showcaseView() {
  const result = await api('GET', '/api/v1/organization/public-profile', undefined, { asSelf: true });
  if (!result.ok) return [alertBox('error', errorMessage(result.body))];
  const p = result.body;
  const notice = h('div');
  const reload = () => window.dispatchEvent(new HashChangeEvent('hashchange'));
  const f = (name, extra = {}) => ({ name, label: st(name), ...extra });
  const built = form([
    f('listed', { type: 'checkbox' }), f('storyVi', { type: 'textarea' }), f('storyEn', { type: 'textarea' }), f('publicPhone'), f('publicEmail', { type: 'email' }), f('website'),
    f('links', { type: 'textarea' }), f('welcomesVisitors', { type: 'checkbox' }), f('visitInfoVi', { type: 'textarea' }), f('visitInfoEn', { type: 'textarea' }),
  ], {
    submitLabel: st('save'),
    initial: { ...p, links: p.links.map((l) => `${l.label} | ${l.url}`).join('\n') },
    onSubmit: async (values, { idempotencyKey }) => {
      const links = String(values.links ?? '').split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
        const at = line.lastIndexOf('|');
        return at < 0 ? { label: line, url: line } : { label: line.slice(0, at).trim(), url: line.slice(at + 1).trim() };
      });
      const body = { ...values, links, listed: Boolean(values.listed), welcomesVisitors: Boolean(values.welcomesVisitors) };
      for (const key of ['storyVi', 'storyEn', 'publicPhone', 'publicEmail', 'website', 'visitInfoVi', 'visitInfoEn']) if (body[key] === '' || body[key] === undefined) body[key] = null;
      const response = await api('PUT', '/api/v1/organization/public-profile', body, { idempotencyKey, asSelf: true });
      if (response.ok) notice.replaceChildren(alertBox('ok', st('saved')));
      return response;
    },
  });
  const failed = (response) => notice.replaceChildren(alertBox('error', errorMessage(response.body)));
  const photos = h('section', { class: 'card', 'data-testid': 'profile-photos' }, h('h2', {}, st('photos')),
    h('div', { class: 'toolbar' }, p.photos.map((photo) => h('figure', { style: 'margin:0' }, h('img', { src: photo.thumbUrl.replace(/^https?:\/\/[^/]+/, ''), alt: '', width: 160, height: 120, loading: 'lazy' }),
      h('button', { type: 'button', class: 'secondary', onclick: async () => { const r = await api('DELETE', `/api/v1/organization/public-profile/photos/${photo.key}`, undefined, { asSelf: true }); if (r.ok) reload(); else failed(r); } }, st('remove'))))),
    p.photos.length < 6 ? filePicker(st('addPhoto'), 'profile-photo-input', async (file) => { const r = await upload('POST', '/api/v1/organization/public-profile/photos', file); if (r.ok) reload(); else failed(r); }) : null);
  const products = h('section', { class: 'card', 'data-testid': 'product-photos' }, h('h2', {}, st('products')),
    h('table', {}, h('tbody', {}, p.products.map((product) => h('tr', {},
      h('td', {}, product.photo ? h('img', { src: product.photo.thumbUrl.replace(/^https?:\/\/[^/]+/, ''), alt: '', width: 96, height: 72, loading: 'lazy' }) : '—'),
      h('td', {}, product.nameVi),
      h('td', {}, filePicker(st('setPhoto'), `product-photo-${product.id}`, async (file) => { const r = await upload('PUT', `/api/v1/products/${product.id}/photo`, file); if (r.ok) reload(); else failed(r); })))))));
  return [
    h('h1', {}, st('title')), h('p', { class: 'muted' }, st('help')), notice,
    p.pageUrl ? h('p', {}, h('a', { href: p.pageUrl.replace(/^https?:\/\/[^/]+/, ''), target: '_blank', rel: 'noopener', 'data-testid': 'public-page-link' }, st('open'))) : h('p', { class: 'muted' }, st('notListed')),
    h('div', { class: 'card' }, built.el), photos, products, p.pageUrl ? posterCard(notice) : null,
  ];
}
