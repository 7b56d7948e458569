// @ts-check
import { apiKeysView, forgotView, linksView, passwordView, resetView, usersView } from './account.js';
import { alertBox, api, h, session, takeFlash } from './core.js';
import { errorMessage, lang, setLang, t } from './i18n.js';
import { eventView } from './events.js';
import { labelsView } from './labels.js';
import { auditView, recallJobView } from './jobs.js';
import { captureView, epcisView, et } from './epcis.js';
import { importsView, importView } from './imports.js';
import { fieldInputView } from './field.js';
import { entries, outboxView, rememberedMe, rememberMe, sendAll, startOffline } from './offline.js';
import { harvestView, lotView, lotsView, shipView, shipmentsView, splitView, transformView } from './lots.js';
import { editView, listView, RESOURCES } from './registry.js';
import { programmeCooperativeView, programmeView, pt } from './programme.js';
import { showcaseView, st } from './showcase.js';

const root = document.getElementById('app');
setLang(lang());

const NAV = [
  ['lots', 'nav.lots'], ['harvest', 'nav.harvest'], ['field-input', 'nav.fieldInput'], ['outbox', 'nav.outbox'], ['transform', 'nav.transform'], ['shipments', 'nav.shipments'], ['labels', 'nav.labels'],
  ['growing-areas', 'nav.growingAreas'], ['products', 'nav.products'], ['partners', 'nav.partners'], ['facilities', 'nav.facilities'], ['certifications', 'nav.certifications'], ['imports', 'nav.imports'], ['epcis', 'epcis'], ['audit', 'nav.audit'],
  ['showcase', 'showcase'], ['links', 'nav.links'], ['users', 'nav.users'], ['api-keys', 'nav.apiKeys'],
];
/** A programme office in its own name keeps no lots or registry: its menu is the province's (programme.js). */
const OFFICE_NAV = [['programme', 'programme'], ['links', 'nav.links'], ['users', 'nav.users'], ['api-keys', 'nav.apiKeys']];
/** Screens only owners and admins of the organization itself see. */
const ADMIN_ONLY = ['users', 'api-keys', 'showcase'];
/** Screens reachable without a session. */
const PUBLIC_SCREENS = { 'forgot-password': forgotView, 'reset-password': resetView };

function loginView(params = new URLSearchParams()) {
  const error = h('div', {}, params.get('changed') ? alertBox('ok', t('account.passwordChangedLogin')) : null);
  const email = h('input', { id: 'email', name: 'email', type: 'email', autocomplete: 'username', required: true });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('login'));
  const formEl = h('form', {
    class: 'card', onsubmit: async (event) => {
      event.preventDefault();
      submit.disabled = true;
      const result = await api('POST', '/api/v1/auth/login', { email: email.value.trim(), password: password.value });
      submit.disabled = false;
      if (!result.ok) return error.replaceChildren(alertBox('error', result.status === 401 ? t('loginFailed') : errorMessage(result.body)));
      session.token = result.body.accessToken;
      location.hash = '#/lots';
    },
  }, h('h1', {}, t('appName')), h('p', { class: 'muted' }, t('tagline')), error,
    h('div', { class: 'field' }, h('label', { for: 'email' }, t('email')), email),
    h('div', { class: 'field' }, h('label', { for: 'password' }, t('password')), password), submit,
    h('p', {}, h('a', { href: '#/forgot-password', 'data-testid': 'forgot-password' }, t('account.forgotLink'))),
    h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: () => { setLang(lang() === 'vi' ? 'en' : 'vi'); render(); } }, t('language'))));
  return h('div', { class: 'login' }, formEl);
}

/** Ends the session on the server (its token is refused everywhere from then on), then forgets it here. */
async function logout() {
  if (session.token) await api('POST', '/api/v1/auth/logout', undefined, { asSelf: true });
  session.token = null;
  session.me = null;
  session.self = null;
  location.hash = '#/login';
}

/** For a programme office: its own view, or one of the cooperatives that accepted its oversight (read-only). */
async function officeSwitcher() {
  const result = await api('GET', '/api/v1/organizations', undefined, { asSelf: true });
  const organizations = result.ok ? result.body.items : [];
  return h('select', {
    'aria-label': t('links.viewAs'), 'data-testid': 'office-switcher',
    onchange: (event) => { session.actingAs = event.target.value || null; session.me = null; location.hash = session.actingAs ? '#/lots' : '#/programme'; render(); },
  },
  h('option', { value: '' }, `${t('links.ownOffice')}: ${session.self.organization.name}`),
  organizations.map((o) => h('option', { value: o.id, selected: o.id === session.actingAs || undefined }, o.name)));
}

function layout(section, content, switcher) {
  const me = session.me;
  const nav = session.isOffice && !session.actingAs ? OFFICE_NAV : NAV;
  const visible = nav.filter(([path]) => (session.canWrite || !['harvest', 'field-input', 'outbox', 'transform'].includes(path)) && (session.isAdmin || !ADMIN_ONLY.includes(path)) && (!session.actingAs || path !== 'links'));
  return [
    h('header', {},
      h('div', {}, h('span', { class: 'org', 'data-testid': 'org-name' }, me.organization.name), ' ', h('span', { class: 'role', 'data-testid': 'role' }, `· ${t(`roles.${me.role}`)}`),
        session.actingAs ? h('span', { class: 'role' }, ` · ${t('links.readingAsOffice')}`) : null),
      h('div', { class: 'toolbar', style: 'margin:0' },
        switcher ?? null,
        h('a', { href: '#/account/password', 'data-testid': 'change-password' }, t('account.changePassword')),
        h('button', { type: 'button', onclick: () => { setLang(lang() === 'vi' ? 'en' : 'vi'); render(); } }, t('language')),
        h('button', { type: 'button', 'data-testid': 'logout', onclick: () => void logout() }, t('logout')))),
    h('nav', {}, visible.map(([path, key]) => h('a', { href: `#/${path}`, class: section === path ? 'active' : undefined }, key === 'programme' ? pt('nav') : key === 'showcase' ? st('nav') : key === 'epcis' ? et('nav') : t(key)))),
    h('main', {}, content),
  ];
}

async function route(path, params) {
  const [section, id, sub] = path.split('/').filter(Boolean);
  if (session.isOffice && !session.actingAs) {
    if (section === 'programme' && id === 'cooperatives' && sub) return programmeCooperativeView(sub, params);
    if (!['links', 'users', 'api-keys', 'account'].includes(section)) {
      if (section !== 'programme') history.replaceState(null, '', '#/programme');
      return programmeView(params);
    }
  }
  if (section === 'lots' && id && sub === 'split') return splitView(id);
  if (section === 'lots' && id && sub === 'ship') return shipView(id);
  if (section === 'lots' && id) return lotView(id);
  if (section === 'lots') return lotsView(params);
  if (section === 'events' && id) return eventView(id);
  if (section === 'harvest') return harvestView(params);
  if (section === 'field-input') return fieldInputView(params);
  if (section === 'outbox') return outboxView();
  if (section === 'transform') return transformView(params);
  if (section === 'shipments') return shipmentsView();
  if (section === 'labels') return labelsView(params);
  if (section === 'imports') return id ? importView(id) : importsView();
  if (section === 'epcis') return id ? captureView(id) : epcisView();
  if (section === 'recall-jobs' && id) return recallJobView(id);
  if (section === 'audit') return auditView(params);
  if (section === 'links') return linksView();
  if (section === 'users' && session.isAdmin) return usersView();
  if (section === 'api-keys' && session.isAdmin) return apiKeysView();
  if (section === 'showcase' && session.isAdmin && !session.actingAs) return showcaseView();
  if (section === 'account' && id === 'password') return passwordView();
  if (RESOURCES[section]) return id ? editView(section, id === 'new' ? undefined : id) : listView(section, params);
  location.hash = '#/lots';
  return [];
}

let rendering = 0;
async function render() {
  const ticket = ++rendering;
  const [path, query] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query ?? '');
  document.documentElement.lang = lang();
  const section = path.split('/').filter(Boolean)[0] ?? 'lots';
  if (PUBLIC_SCREENS[section]) {
    root.replaceChildren(PUBLIC_SCREENS[section](params));
    return;
  }
  if (!session.token || path === '/login') {
    session.me = null;
    session.self = null;
    root.replaceChildren(loginView(params));
    return;
  }
  let notice = null;
  if (!session.me) {
    const self = await api('GET', '/api/v1/me', undefined, { asSelf: true });
    // Without a network the console opens as the user last seen online (offline.js keeps the entries).
    const offlineSelf = self.status === 0 ? rememberedMe() : null;
    if (!self.ok && !offlineSelf) { session.token = null; root.replaceChildren(loginView()); return; }
    if (self.ok) rememberMe(self.body);
    session.self = self.ok ? self.body : offlineSelf;
    session.me = session.self;
    if (session.actingAs) {
      const acting = await api('GET', '/api/v1/me');
      if (acting.ok) session.me = acting.body;
      else if (acting.status !== 0) { session.actingAs = null; notice = alertBox('warn', t('links.noLongerOverseen')); }
    }
    void sendAll();
  }
  const switcher = session.isOffice ? await officeSwitcher() : null;
  root.replaceChildren(...layout(section, h('p', { class: 'muted' }, t('loading')), switcher));
  const content = await route(path || '/lots', params);
  if (ticket !== rendering) return;
  root.replaceChildren(...layout(section, [notice, takeFlash(), content], switcher));
  void outboxCount();
}

/** The menu's "Chờ gửi" says how many entries on this device are not sent yet: "Chờ gửi (3)". */
async function outboxCount() {
  const link = document.querySelector('nav a[href="#/outbox"]');
  if (!link) return;
  const pending = (await entries().catch(() => [])).filter((e) => e.state !== 'sent').length;
  link.textContent = pending ? `${t('nav.outbox')} (${pending})` : t('nav.outbox');
}

window.addEventListener('hashchange', render);
// The outbox screen follows its entries as they are sent.
window.addEventListener('nguon:outbox', () => { if (location.hash.startsWith('#/outbox')) void render(); else void outboxCount(); });
startOffline();
void render();
