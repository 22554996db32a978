/** The first-party cookie that identifies a shopper: a random id, no personal data (User.externalId). */
export const SHOPPER_COOKIE = "jg_shopper";
export const SHOPPER_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;
const SHOPPER_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export function isShopperId(value: string | undefined): value is string {
  return value !== undefined && SHOPPER_ID_PATTERN.test(value);
}
