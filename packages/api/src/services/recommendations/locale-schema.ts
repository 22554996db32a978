import { z } from "zod";

/** The language explanations are written in. */
export const LocaleSchema = z.enum(["zh", "en"]);
export type Locale = z.infer<typeof LocaleSchema>;
