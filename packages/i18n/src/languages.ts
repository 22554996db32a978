/** The languages the shop, the dashboard and the HTTP API's texts are written in. */
export const LANGUAGES = ["zh", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** BCP 47 tags for <html lang> and number formatting (English is not one country's: an en-GB browser gets it too). */
export const LOCALES: Record<Language, string> = { zh: "zh-CN", en: "en" };

export function isLanguage(value: string | undefined): value is Language {
  return value !== undefined && (LANGUAGES as readonly string[]).includes(value);
}
