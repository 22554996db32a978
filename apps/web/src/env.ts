import path from "node:path";
import { DEFAULT_EXPLORATION_SLOT_COUNT } from "@jewelguide/model/exploration";
import { z } from "zod";
import { DEFAULT_LANGUAGE, LANGUAGES } from "./i18n/languages";

const EnvSchema = z.object({
  DATABASE_URL: z
    .string({ error: "is not set" })
    .trim()
    .min(1, "is empty")
    .refine((url) => /^file:\//.test(url) || /^postgres(ql)?:\/\//.test(url), {
      message: "must be file:/absolute/path.db (SQLite) or postgresql://user@host/db",
    }),
  JEWELGUIDE_DATA_DIR: z
    .string({ error: "is not set" })
    .trim()
    .min(1, "is empty")
    .refine((dir) => path.isAbsolute(dir), { message: "must be an absolute folder path (photos live in <it>/media)" }),
  /** The shop's master secret (at least 32 characters; every host sets the same). Unset: generated into the data folder. */
  JEWELGUIDE_SECRET: z.string().trim().min(32, "must be at least 32 characters").optional(),
  /**
   * "1" when the app runs behind a reverse proxy that sets x-forwarded-for / x-forwarded-proto: only then are those
   * headers believed (client address for rate limits, HTTPS for Secure cookies and HSTS).
   */
  JEWELGUIDE_TRUST_PROXY: z.enum(["0", "1"], { error: 'must be "0" or "1"' }).default("0"),
  /**
   * The shop's own language, "zh" or "en": what a first visit gets when its browser's Accept-Language asks for neither
   * (the shopper's switch and a zh* / en* browser still choose for themselves). Unset: Chinese.
   */
  JEWELGUIDE_DEFAULT_LANGUAGE: z.enum(LANGUAGES, { error: 'must be "zh" or "en"' }).default(DEFAULT_LANGUAGE),
  /**
   * The secret shared with the shop's own backend, which signs short-lived tokens linking its logged-in customer to
   * their history (`/api/shopper/link`; README "Linking a logged-in customer"). Not the server secret. Unset: linking
   * is off.
   */
  JEWELGUIDE_SHOPPER_LINK_SECRET: z.string().trim().min(32, "must be at least 32 characters").optional(),
  /**
   * How many of the feed's first 12 slots go to the exploration policy (docs/exploration.md): a whole number from 0
   * (off: every pick is the model's) to 4, never among the top three (`explorationSlotsFor`). Unset: 1 (the 10th pick,
   * the cheapest share; what each share costs the joint model in simulation: BENCHMARKS.md §6).
   */
  JEWELGUIDE_EXPLORATION_SLOTS: z
    .string()
    .trim()
    .regex(/^[0-4]$/, "must be a whole number from 0 (exploration off) to 4")
    .default(String(DEFAULT_EXPLORATION_SLOT_COUNT))
    .transform(Number),
  /**
   * Set by scripts/serve.mjs in its own web processes, never by hand: every request's x-jewelguide-client-address
   * header is the socket's address (serve.mjs overwrites it), so server components may rate-limit by it. Unset
   * (`next dev`, a bare `next start`): the header is ignored and server-rendered requests share the address "unknown".
   */
  JEWELGUIDE_SERVE_SETS_CLIENT_ADDRESS: z.enum(["1"], { error: 'is set by scripts/serve.mjs only, to "1"' }).optional(),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/**
 * The web app's settings, checked once. A missing or malformed variable stops the server with a message naming it
 * (instrumentation.ts calls this at start-up, so a misconfigured server fails before its first request).
 */
export function getEnv(source: NodeJS.ProcessEnv = process.env): Env {
  if (cached && source === process.env) return cached;
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")} ${issue.message}`);
    throw new Error(
      `Jewelguide web: invalid environment:\n${lines.join("\n")}\nRun through \`source scripts/env.sh\` or set the variables yourself.`,
    );
  }
  if (source === process.env) cached = parsed.data;
  return parsed.data;
}
