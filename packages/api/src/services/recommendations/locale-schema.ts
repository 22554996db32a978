import { LANGUAGES } from "@jewelguide/model/i18n/languages";
import { z } from "zod";

/** The language a request's texts are written in: the shop's languages (@jewelguide/model/i18n). */
export const LocaleSchema = z.enum(LANGUAGES);
export type Locale = z.infer<typeof LocaleSchema>;
