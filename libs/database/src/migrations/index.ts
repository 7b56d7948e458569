import { Accounts1764403200000 } from './1764403200000-accounts.js';

/** Every migration, in order. Registered as classes: globs differ between .ts and built .js. */
export const MIGRATIONS = [Accounts1764403200000];
