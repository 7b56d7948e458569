

/** A date and time as requests send it. */
export const DATE_TIME = { example: '2026-10-05T08:30:00+07:00', description: 'ISO 8601; without an offset it is Vietnam time (+07:00)' };
