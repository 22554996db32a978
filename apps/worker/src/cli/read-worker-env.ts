import path from "node:path";
import { parseDatabaseUrl } from "@jewelguide/db";
import { z } from "zod";

/** The environment the worker runs in, read once at the entry point (scripts/env.sh sets the first three). */
export type WorkerEnv = {
  databaseUrl: string;
  dataDir: string;
  sharedDir: string;
  /** JEWELGUIDE_SECRET, the shop's master secret (unset: the generated `<data dir>/server-secret`, as the web app). */
  secret?: string;
  /** JEWELGUIDE_SHOPPER_LINK_SECRET, shared with the shop's backend to link logged-in customers (`link-token`). */
  shopperLinkSecret?: string;
};

/** The secrets' minimum length, as the web app requires (packages/api MIN_SECRET_LENGTH). */
const MIN_SECRET_CHARACTERS = 32;

/** A folder: relative ones resolve against the working directory, as before. */
const folder = (fallback: string) =>
  z
    .string()
    .trim()
    .min(1, "is empty")
    .default(fallback)
    .transform((dir) => path.resolve(dir));

/** Unset or blank: none (the secret is generated, or the feature is off); otherwise long enough to sign with. */
const optionalSecret = z
  .string()
  .trim()
  .refine((secret) => secret === "" || secret.length >= MIN_SECRET_CHARACTERS, {
    message: `must be at least ${MIN_SECRET_CHARACTERS} characters`,
  })
  .transform((secret) => (secret === "" ? undefined : secret))
  .optional();

const WorkerEnvSchema = z
  .object({
    /** Default: var (relative to the working directory). */
    JEWELGUIDE_DATA_DIR: folder("var"),
    /** Default: the SQLite file jewelguide.db in the data folder. */
    DATABASE_URL: z
      .string()
      .trim()
      .min(1, "is empty")
      .refine(isSupportedDatabaseUrl, {
        message:
          "must be file:/absolute/path.db (SQLite; a relative path differs per process) or postgresql://user@host/db",
      })
      .optional(),
    /** Default: ../shared (the data sets beside the repository). */
    JEWELGUIDE_SHARED_DIR: folder("../shared"),
    JEWELGUIDE_SECRET: optionalSecret,
    JEWELGUIDE_SHOPPER_LINK_SECRET: optionalSecret,
  })
  .transform(
    (raw): WorkerEnv => ({
      databaseUrl: raw.DATABASE_URL ?? `file:${path.join(raw.JEWELGUIDE_DATA_DIR, "jewelguide.db")}`,
      dataDir: raw.JEWELGUIDE_DATA_DIR,
      sharedDir: raw.JEWELGUIDE_SHARED_DIR,
      secret: raw.JEWELGUIDE_SECRET,
      shopperLinkSecret: raw.JEWELGUIDE_SHOPPER_LINK_SECRET,
    }),
  );

/** A variable set to something the worker cannot use; the message names each one and what is wrong. */
export class WorkerEnvError extends Error {
  override name = "WorkerEnvError";
}

/** The worker's settings, checked once at start-up: a malformed variable stops it before any command runs. */
export function readWorkerEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const parsed = WorkerEnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")} ${issue.message}`);
    throw new WorkerEnvError(
      `invalid environment:\n${lines.join("\n")}\nRun through \`source scripts/env.sh\` or set the variables yourself.`,
    );
  }
  return parsed.data;
}

function isSupportedDatabaseUrl(url: string): boolean {
  try {
    parseDatabaseUrl(url);
    return true;
  } catch {
    return false;
  }
}
