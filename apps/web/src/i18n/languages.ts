export { isLanguage, LANGUAGES, type Language, LOCALES } from "@jewelguide/i18n/languages";

import type { Language } from "@jewelguide/i18n/languages";

/** The shop's language when JEWELGUIDE_DEFAULT_LANGUAGE is not set (env.ts). */
export const DEFAULT_LANGUAGE: Language = "zh";
export const LANGUAGE_COOKIE = "lang";
