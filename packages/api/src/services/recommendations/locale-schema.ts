import { LANGUAGES } from "@jewelguide/i18n/languages";
import { z } from "zod";

/** The language a request's texts are written in: the shop's languages (@jewelguide/i18n). */
export const LocaleSchema = z.enum(LANGUAGES);
