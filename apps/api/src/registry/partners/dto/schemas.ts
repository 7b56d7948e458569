export const PRIVATE = 'Private: returned to your own organization only, never on public pages.';
