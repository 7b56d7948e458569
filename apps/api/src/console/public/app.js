import { alertBox, api, h, session } from './core.js';
import { errorMessage, lang, setLang, t } from './i18n.js';
import { auditView, labelsView } from './labels.js';
import { harvestView, lotView, lotsView, shipView, shipmentsView, splitView, transformView } from './lots.js';
import { editView, listView, RESOURCES } from './registry.js';

const root = document.getElementById('app');
setLang(lang());

const NAV = [
  ['lots', 'nav.lots'], ['harvest', 'nav.harvest'], ['transform', 'nav.transform'], ['shipments', 'nav.shipments'], ['labels', 'nav.labels'],
  ['growing-areas', 'nav.growingAreas'], ['products', 'nav.products'], ['partners', 'nav.partners'], ['facilities', 'nav.facilities'], ['certifications', 'nav.certifications'], ['audit', 'nav.audit'],
];

function loginView() {
  const error = h('div');
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
    h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: () => { setLang(lang() === 'vi' ? 'en' : 'vi'); render(); } }, t('language'))));
  return h('div', { class: 'login' }, formEl);
}

function layout(section, content) {
  const me = session.me;
  return [
    h('header', {},
      h('div', {}, h('span', { class: 'org', 'data-testid': 'org-name' }, me.organization.name), ' ', h('span', { class: 'role', 'data-testid': 'role' }, `· ${t(`roles.${me.role}`)}`)),
      h('div', { class: 'toolbar', style: 'margin:0' },
        h('button', { type: 'button', onclick: () => { setLang(lang() === 'vi' ? 'en' : 'vi'); render(); } }, t('language')),
        h('button', { type: 'button', onclick: () => { session.token = null; session.me = null; location.hash = '#/login'; } }, t('logout')))),
    h('nav', {}, NAV.filter(([path]) => session.canWrite || !['harvest', 'transform'].includes(path)).map(([path, key]) => h('a', { href: `#/${path}`, class: section === path ? 'active' : undefined }, t(key)))),
    h('main', {}, content),
  ];
}

async function route(path, params) {
  const [section, id, sub] = path.split('/').filter(Boolean);
  if (section === 'lots' && id && sub === 'split') return splitView(id);
  if (section === 'lots' && id && sub === 'ship') return shipView(id);
  if (section === 'lots' && id) return lotView(id);
  if (section === 'lots') return lotsView(params);
  if (section === 'harvest') return harvestView();
  if (section === 'transform') return transformView(params);
  if (section === 'shipments') return shipmentsView();
  if (section === 'labels') return labelsView(params);
  if (section === 'audit') return auditView();
  if (RESOURCES[section]) return id ? editView(section, id === 'new' ? undefined : id) : listView(section, params);
  location.hash = '#/lots';
  return [];
}

let rendering = 0;
async function render() {
  const ticket = ++rendering;
  const [path, query] = location.hash.replace(/^#/, '').split('?');
  document.documentElement.lang = lang();
  if (!session.token || path === '/login') {
    session.me = null;
    root.replaceChildren(loginView());
    return;
  }
  if (!session.me) {
    const me = await api('GET', '/api/v1/me');
    if (!me.ok) { session.token = null; root.replaceChildren(loginView()); return; }
    session.me = me.body;
  }
  const section = path.split('/').filter(Boolean)[0] ?? 'lots';
  root.replaceChildren(...layout(section, h('p', { class: 'muted' }, t('loading'))));
  const content = await route(path || '/lots', new URLSearchParams(query ?? ''));
  if (ticket !== rendering) return;
  root.replaceChildren(...layout(section, content));
}

window.addEventListener('hashchange', render);
void render();
