import { ValidateBy } from 'class-validator';

/** A quantity as a JSON number or a decimal string; the service parses it exactly (QUANTITY_INVALID, 422). */
export function IsQuantityLike(): PropertyDecorator {
  return ValidateBy({
    name: 'isQuantityLike',
    validator: {
      validate: (value: unknown) => (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.length <= 40),
      defaultMessage: (args) => `${args?.property ?? 'quantity'} must be a number or a decimal string such as "12.5"`,
    },
  });
}

/**
 * Text PostgreSQL can store: no NUL or other control characters (tab and line breaks allowed), no
 * unpaired surrogate. Otherwise the database would refuse it with a 500.
 */
export function IsSafeText(): PropertyDecorator {
  return ValidateBy({
    name: 'isSafeText',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\p{Cs}/u.test(value),
      defaultMessage: (args) => `${args?.property ?? 'text'} contains control characters`,
    },
  });
}
