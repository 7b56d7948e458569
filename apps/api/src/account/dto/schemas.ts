export const ASSIGNABLE = ['admin', 'recorder', 'viewer'] as const;
