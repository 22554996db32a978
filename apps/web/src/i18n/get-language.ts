import "server-only";
import { cookies, headers } from "next/headers";
import { getEnv } from "../env";
import { isLanguage, LANGUAGE_COOKIE, type Language } from "./languages";
import { negotiateLanguage } from "./negotiate-language";

/**
 * The shopper's language: the `lang` cookie once they chose one with the switch; before that, what their browser's
 * `Accept-Language` asks for (zh* or en*); the shop's default (JEWELGUIDE_DEFAULT_LANGUAGE, Chinese unless set) when it
 * asks for neither.
 */
export async function getLanguage(): Promise<Language> {
  const chosen = (await cookies()).get(LANGUAGE_COOKIE)?.value;
  if (isLanguage(chosen)) return chosen;
  return negotiateLanguage((await headers()).get("accept-language")) ?? getEnv().JEWELGUIDE_DEFAULT_LANGUAGE;
}
