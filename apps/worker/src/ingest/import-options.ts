import path from "node:path";
import type { FlagSpec, FlagValues } from "../cli/command";
import { UsageError } from "../cli/usage-error";

/** Flags every importer accepts. */
export const IMPORT_FLAGS = {
  "on-error": {
    type: "string",
    valueName: "skip|stop",
    description:
      "skip (default): a bad row goes to the rejects file and the good rows land.\nstop: the first bad row aborts; the batch being collected is not written.",
  },
  "max-errors": {
    type: "string",
    valueName: "N",
    description: "Abort once more than N rows were rejected (default 1000; 0 = abort on the first one).",
  },
  rejects: {
    type: "string",
    valueName: "PATH",
    description: "Where rejected rows go (default $JEWELGUIDE_DATA_DIR/rejects/<source>-<timestamp>.csv).",
  },
  "batch-size": {
    type: "string",
    valueName: "N",
    description: "Rows written per database transaction (default 2000).",
  },
  quiet: { type: "boolean", description: "No progress lines on stderr." },
} as const satisfies FlagSpec;

export type OnError = "skip" | "stop";

export type ImportOptions = {
  onError: OnError;
  maxErrors: number;
  rejectsPath: string;
  batchSize: number;
  showProgress: boolean;
};

export const DEFAULT_MAX_ERRORS = 1000;
export const DEFAULT_BATCH_SIZE = 2000;

export function readImportOptions(
  flags: FlagValues<typeof IMPORT_FLAGS>,
  source: string,
  dataDir: string,
  now = new Date(),
): ImportOptions {
  const onError = flags["on-error"] ?? "skip";
  if (onError !== "skip" && onError !== "stop") {
    throw new UsageError(`--on-error must be skip or stop, not "${onError}"`);
  }
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  return {
    onError,
    maxErrors: readCount(flags["max-errors"], "--max-errors", DEFAULT_MAX_ERRORS, 0),
    rejectsPath: path.resolve(flags.rejects ?? path.join(dataDir, "rejects", `${source}-${stamp}.csv`)),
    batchSize: readCount(flags["batch-size"], "--batch-size", DEFAULT_BATCH_SIZE, 1),
    showProgress: !flags.quiet,
  };
}

function readCount(value: string | undefined, flag: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) {
    throw new UsageError(`${flag} must be a whole number ≥ ${min}, not "${value}"`);
  }
  return Number(value);
}
