// @ts-check
import { alertBox, api, form, formatDate, h, options, session, table } from './core.js';
import { errorMessage, t } from './i18n.js';

const ROLES = ['owner', 'admin', 'recorder', 'viewer'];
const rank = (role) => ROLES.indexOf(role);
const f = (name, extra = {}) => ({ name, label: t(`fields.${name}`), ...extra });
/** A secret shown once (an API key, a password link), with a button that copies it. */
const secretBox = (text, value) =>
  h('div', { class: 'alert warn', 'data-testid': 'secret' }, h('p', {}, text), h('code', { class: 'secret' }, value), ' ',
    h('button', { type: 'button', class: 'secondary', onclick: () => navigator.clipboard?.writeText(value) }, t('account.copy')));

// ---------------------------------------------------------------- screens without a session

export function forgotView() {
  const done = h('div');
  const built = form([f('email', { type: 'email', required: true })], {
    submitLabel: t('account.sendLink'),
    onSubmit: async (values, { idempotencyKey }) => {
      const result = await api('POST', '/api/v1/auth/forgot-password', values, { idempotencyKey });
      if (result.ok) done.replaceChildren(alertBox('ok', t('account.linkSent')));
      return result;
    },
  });
  return h('div', { class: 'login' }, h('div', { class: 'card' }, h('h1', {}, t('account.forgotTitle')), h('p', { class: 'muted' }, t('account.forgotHelp')), done, built.el,
    h('p', {}, h('a', { href: '#/login' }, `← ${t('account.backToLogin')}`))));
}

export function resetView(params) {
  const token = params.get('token') ?? '';
  const done = h('div');
  const built = form([f('newPassword', { type: 'password', required: true }), f('confirmPassword', { type: 'password', required: true })], {
    submitLabel: t('account.setPassword'),
    onSubmit: async (values, { idempotencyKey }) => {
      if (values.newPassword !== values.confirmPassword) return { ok: false, body: { code: 'PASSWORDS_DIFFER', details: { field: 'confirmPassword' } } };
      const result = await api('POST', '/api/v1/auth/reset-password', { token, password: values.newPassword }, { idempotencyKey });
      if (result.ok) {
        built.el.remove();
        done.replaceChildren(alertBox('ok', t('account.passwordSet')));
      } else if (result.body?.code === 'VALIDATION_FAILED' && result.body.details?.fields?.password) {
        return { ok: false, body: { ...result.body, details: { rules: { newPassword: result.body.details.rules.password } } } };
      }
      return result;
    },
  });
  return h('div', { class: 'login' }, h('div', { class: 'card' }, h('h1', {}, t('account.resetTitle')), done, built.el,
    h('p', {}, h('a', { href: '#/login' }, `← ${t('account.backToLogin')}`))));
}

// ---------------------------------------------------------------- my account

export function passwordView() {
  const built = form([f('currentPassword', { type: 'password', required: true }), f('newPassword', { type: 'password', required: true }), f('confirmPassword', { type: 'password', required: true })], {
    submitLabel: t('account.changePassword'),
    onSubmit: async (values, { idempotencyKey }) => {
      if (values.newPassword !== values.confirmPassword) return { ok: false, body: { code: 'PASSWORDS_DIFFER', details: { field: 'confirmPassword' } } };
      const result = await api('POST', '/api/v1/me/password', { currentPassword: values.currentPassword, newPassword: values.newPassword }, { idempotencyKey, asSelf: true });
      if (result.ok) {
        // Every session ended, this one too: log in again with the new password.
        session.token = null;
        location.hash = '#/login?changed=1';
      }
      return result;
    },
  });
  return [h('h1', {}, t('account.changePassword')), h('p', { class: 'muted' }, t('account.changePasswordHelp')), h('div', { class: 'card' }, built.el)];
}

// ---------------------------------------------------------------- users

export async function usersView() {
  const result = await api('GET', '/api/v1/users', undefined, { asSelf: true });
  if (!result.ok) return [alertBox('error', errorMessage(result.body))];
  const notice = h('div');
  const myRole = session.self.role;
  const act = async (request, confirmText) => {
    if (confirmText && !window.confirm(confirmText)) return;
    const response = await request();
    if (!response.ok) return notice.replaceChildren(alertBox('error', errorMessage(response.body)));
    if (response.body?.link) notice.replaceChildren(secretBox(`${t('account.resetLinkShown')} ${formatDate(response.body.expiresAt)}`, response.body.link));
    else location.reload();
  };
  const controls = (user) => {
    if (user.id === session.self.userId) return h('span', { class: 'muted' }, t('account.you'));
    if (rank(user.role) < rank(myRole)) return '';
    const roleSelect = h('select', { name: 'role', 'aria-label': t('fields.role') },
      ROLES.filter((role) => rank(role) >= rank(myRole)).map((role) => h('option', { value: role, selected: role === user.role || undefined }, t(`roles.${role}`))));
    return h('div', { class: 'toolbar', style: 'margin:0' },
      roleSelect,
      h('button', { type: 'button', class: 'secondary', 'data-action': 'role', onclick: () => act(() => api('PATCH', `/api/v1/users/${user.id}`, { role: roleSelect.value }, { asSelf: true })) }, t('account.changeRole')),
      user.deactivatedAt
        ? h('button', { type: 'button', class: 'secondary', 'data-action': 'reactivate', onclick: () => act(() => api('POST', `/api/v1/users/${user.id}/reactivate`, undefined, { asSelf: true })) }, t('account.reactivate'))
        : h('button', { type: 'button', class: 'secondary', 'data-action': 'deactivate', onclick: () => act(() => api('POST', `/api/v1/users/${user.id}/deactivate`, undefined, { asSelf: true })) }, t('account.deactivate')),
      h('button', { type: 'button', class: 'secondary', 'data-action': 'reset', onclick: () => act(() => api('POST', `/api/v1/users/${user.id}/password-reset`, undefined, { asSelf: true })) }, t('account.resetLink')),
      h('button', { type: 'button', class: 'danger', 'data-action': 'remove', onclick: () => act(() => api('DELETE', `/api/v1/users/${user.id}`, undefined, { asSelf: true }), t('account.removeConfirm')) }, t('account.remove')));
  };
  const created = h('div');
  const addForm = form([
    f('email', { type: 'email', required: true }),
    f('name'),
    f('role', { type: 'select', required: true, options: options(['admin', 'recorder', 'viewer'].filter((role) => rank(role) >= rank(myRole)), 'roles') }),
    f('password', { type: 'password', help: t('account.passwordOptional') }),
  ], {
    submitLabel: t('account.addUser'),
    onSubmit: async (values, { idempotencyKey }) => {
      const response = await api('POST', '/api/v1/users', values, { idempotencyKey, asSelf: true });
      if (response.ok) {
        created.replaceChildren(response.body.passwordSetLink
          ? secretBox(`${t('account.setLinkShown')} ${formatDate(response.body.passwordSetLinkExpiresAt)}`, response.body.passwordSetLink)
          : alertBox('ok', t('saved')));
        for (const { input } of Object.values(addForm.inputs)) input.value = '';
      }
      return response;
    },
  });
  return [
    h('h1', {}, t('nav.users')), notice,
    table([
      { label: t('email'), key: 'email' },
      { label: t('fields.name'), key: 'name' },
      { label: t('fields.role'), render: (u) => t(`roles.${u.role}`) },
      { label: t('fields.status'), render: (u) => (u.deactivatedAt ? h('span', { class: 'badge revoked' }, t('account.deactivated')) : h('span', { class: 'badge active' }, t('account.active'))) },
      { label: t('actions'), render: controls },
    ], result.body.items),
    h('h2', {}, t('account.addUser')), created, h('div', { class: 'card' }, addForm.el),
  ];
}

// ---------------------------------------------------------------- API keys

export async function apiKeysView() {
  const result = await api('GET', '/api/v1/api-keys', undefined, { asSelf: true });
  if (!result.ok) return [alertBox('error', errorMessage(result.body))];
  const notice = h('div');
  const revoke = async (key) => {
    if (!window.confirm(t('account.revokeConfirm'))) return;
    const response = await api('DELETE', `/api/v1/api-keys/${key.id}`, undefined, { asSelf: true });
    if (response.ok) location.reload();
    else notice.replaceChildren(alertBox('error', errorMessage(response.body)));
  };
  const built = form([f('name', { required: true }), f('role', { type: 'select', required: true, options: options(['admin', 'recorder', 'viewer'].filter((role) => rank(role) >= rank(session.self.role)), 'roles') })], {
    submitLabel: t('account.createKey'),
    onSubmit: async (values, { idempotencyKey }) => {
      const response = await api('POST', '/api/v1/api-keys', values, { idempotencyKey, asSelf: true });
      if (response.ok) notice.replaceChildren(secretBox(t('account.keyShownOnce'), response.body.key));
      return response;
    },
  });
  return [
    h('h1', {}, t('nav.apiKeys')), notice,
    table([
      { label: t('fields.name'), key: 'name' },
      { label: t('account.prefix'), render: (k) => h('code', {}, `${k.prefix}…`) },
      { label: t('fields.role'), render: (k) => t(`roles.${k.role}`) },
      { label: t('account.lastUsed'), render: (k) => formatDate(k.lastUsedAt) },
      { label: t('fields.status'), render: (k) => (k.revokedAt ? h('span', { class: 'badge revoked' }, `${t('account.revoked')} ${formatDate(k.revokedAt)}`) : h('span', { class: 'badge active' }, t('account.active'))) },
      { label: '', render: (k) => (k.revokedAt ? '' : h('button', { type: 'button', class: 'danger', 'data-action': 'revoke', onclick: () => revoke(k) }, t('account.revoke'))) },
    ], result.body.items),
    h('h2', {}, t('account.createKey')), h('div', { class: 'card' }, built.el),
  ];
}

// ---------------------------------------------------------------- organization links

export async function linksView() {
  const [linksResult, candidatesResult] = await Promise.all([
    api('GET', '/api/v1/organization-links', undefined, { asSelf: true }),
    api('GET', '/api/v1/organization-links/candidates', undefined, { asSelf: true }),
  ]);
  if (!linksResult.ok) return [alertBox('error', errorMessage(linksResult.body))];
  const links = linksResult.body.items;
  const notice = h('div');
  const canChange = session.isAdmin;
  const act = async (link, action, confirmText) => {
    if (confirmText && !window.confirm(confirmText)) return;
    const response = await api('POST', `/api/v1/organization-links/${link.id}/${action}`, undefined, { asSelf: true });
    if (response.ok) location.reload();
    else notice.replaceChildren(alertBox('error', errorMessage(response.body)));
  };
  const other = (link) => [link.other.name, ' ', h('span', { class: 'muted' }, [t(`kinds.${link.other.kind}`), link.other.province ? ` · ${link.other.province}` : ''])];
  const what = (link) => t(`links.${link.kind}.${link.fromOrganizationId === session.self.organization.id ? 'from' : 'to'}`);
  const columns = (buttons) => [
    { label: t('links.organization'), render: other },
    { label: t('links.kind'), render: what },
    { label: t('fields.status'), render: (link) => h('span', { class: `badge ${link.status}` }, t(`links.statuses.${link.status}`)) },
    { label: '', render: (link) => formatDate(link.endedAt ?? link.respondedAt ?? link.createdAt) },
    ...(canChange && buttons ? [{ label: t('actions'), render: buttons }] : []),
  ];
  const open = (link) => link.status === 'pending' || link.status === 'active';
  const awaiting = links.filter((l) => l.awaitingOurAnswer);
  const active = links.filter((l) => l.status === 'active');
  const sent = links.filter((l) => l.status === 'pending' && !l.awaitingOurAnswer);
  const past = links.filter((l) => !open(l));

  const parts = [h('h1', {}, t('nav.links')), h('p', { class: 'muted' }, t(session.isOffice ? 'links.helpOffice' : 'links.help')),
    h('p', {}, `${t('links.yourId')}: `, h('code', { 'data-testid': 'organization-id' }, session.self.organization.id)), notice];
  parts.push(h('h2', {}, t('links.awaiting')), table(columns((link) => h('div', { class: 'toolbar', style: 'margin:0' },
    h('button', { type: 'button', class: 'primary', 'data-action': 'accept', onclick: () => act(link, 'accept') }, t('links.accept')),
    h('button', { type: 'button', class: 'secondary', 'data-action': 'decline', onclick: () => act(link, 'decline') }, t('links.decline')))), awaiting));
  parts.push(h('h2', {}, t('links.active')), table(columns((link) => h('button', { type: 'button', class: 'danger', 'data-action': 'end', onclick: () => act(link, 'end', t('links.endConfirm')) }, t('links.end'))), active));
  parts.push(h('h2', {}, t('links.sent')), table(columns((link) => h('button', { type: 'button', class: 'secondary', 'data-action': 'withdraw', onclick: () => act(link, 'end') }, t('links.withdraw'))), sent));
  if (past.length) parts.push(h('h2', {}, t('links.past')), table(columns(null), past));

  if (canChange) {
    const candidates = candidatesResult.ok ? candidatesResult.body.items : [];
    const built = form([
      f('kind', { type: 'select', required: true, options: [{ value: 'oversight', label: t('links.askOversight') }, ...(session.isOffice ? [] : [{ value: 'trade', label: t('links.askTrade') }])], default: 'oversight' }),
      f('organizationId', { type: 'select', options: candidates.map((o) => ({ value: o.id, label: `${o.name}${o.commune ? ` · ${o.commune}` : ''}` })), help: t('links.candidatesHelp') }),
      f('otherOrganizationId', { help: t('links.byIdHelp') }),
    ], {
      submitLabel: t('links.send'),
      onSubmit: async (values, { idempotencyKey }) => {
        const organizationId = values.otherOrganizationId || values.organizationId;
        const response = await api('POST', '/api/v1/organization-links', { kind: values.kind, organizationId }, { idempotencyKey, asSelf: true });
        if (response.ok) location.reload();
        return response;
      },
    });
    parts.push(h('h2', {}, t(session.isOffice ? 'links.invite' : 'links.request')), h('div', { class: 'card' }, built.el));
  }
  return parts;
}
