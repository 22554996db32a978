export const LANGUAGES = ["zh", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
/** The shop's language when JEWELGUIDE_DEFAULT_LANGUAGE is not set (env.ts). */
export const DEFAULT_LANGUAGE: Language = "zh";
export const LANGUAGE_COOKIE = "lang";

/** BCP 47 tags for <html lang> and number formatting (English is not one country's: an en-GB browser gets it too). */
export const LOCALES: Record<Language, string> = { zh: "zh-CN", en: "en" };

export function isLanguage(value: string | undefined): value is Language {
  return value !== undefined && (LANGUAGES as readonly string[]).includes(value);
}
