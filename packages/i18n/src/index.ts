/**
 * `@jewelguide/i18n`: every text the shop, the dashboard and the HTTP API show, in both languages, from one messages
 * module with one placeholder formatter and one price format; "why this?" reasons and guide chips are codes
 * (PickReason, ConstraintCode) written out here. Plain tables and Intl only. Client components import the
 * `@jewelguide/i18n/languages` and `@jewelguide/i18n/format-price` subpaths, so the message tables stay out of their
 * bundles.
 */
export * from "./constraint-code";
export * from "./describe-chip-removal";
export * from "./describe-constraint";
export * from "./describe-pick-reason";
export * from "./format-price";
export * from "./languages";
export * from "./messages";
export * from "./pick-reason";
