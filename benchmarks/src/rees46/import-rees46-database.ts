import path from "node:path";
import { migrateDatabase } from "@jewelguide/db";
import type { Output } from "@jewelguide/worker/cli";
import { importRees46, NO_IMPORT_FLAGS, openInput, runImportCommand } from "@jewelguide/worker/ingest";

/** The REES46 benchmark database: `$JEWELGUIDE_DATA_DIR/benchmarks/rees46.db`, shared by the benchmarks that read it. */
export function rees46DatabaseUrl(dataDir: string): string {
  return `file:${path.join(dataDir, "benchmarks", "rees46.db")}`;
}

/**
 * Imports the REES46 file into the benchmark database with the worker's own importer (migrating it first). Idempotent:
 * a second import of the same file changes nothing. Returns the importer's exit code (0 imported).
 */
export async function importRees46Database(
  context: { env: Parameters<typeof runImportCommand>[0]["env"]; stderr: Output },
  file: string,
): Promise<number> {
  const { env, stderr } = context;
  const databaseUrl = rees46DatabaseUrl(env.dataDir);
  await migrateDatabase(databaseUrl);
  stderr.write(`[benchmark] importing ${file} into the benchmark database\n`);
  const input = openInput(file);
  return runImportCommand(
    {
      flags: { ...NO_IMPORT_FLAGS, quiet: true },
      positionals: [],
      env: { ...env, databaseUrl },
      stdout: stderr,
      stderr,
    },
    { source: "rees46", file: input.path, body: (importContext) => importRees46(importContext, input) },
  );
}
