import "server-only";
import { cookies } from "next/headers";
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGE_COOKIE, type Language } from "./languages";

/** The shopper's language from the `lang` cookie; Chinese when absent or unknown. */
export async function getLanguage(): Promise<Language> {
  const value = (await cookies()).get(LANGUAGE_COOKIE)?.value;
  return isLanguage(value) ? value : DEFAULT_LANGUAGE;
}
