import { createDb } from "@jewelguide/db";
import type { CommandContext, FlagValues } from "../cli/command";
import { formatImportOutcome } from "./format-import-outcome";
import type { ImportContext } from "./import-context";
import { IMPORT_FLAGS, readImportOptions } from "./import-options";
import { runImport } from "./run-import";

export type ImportCommandSpec = {
  source: string;
  /** The file or folder imported (opened by the caller first, so a missing file exits 2 with no ImportRun). */
  file: string;
  body: (context: ImportContext) => Promise<void>;
};

type ImportCommandContext = Omit<CommandContext<typeof IMPORT_FLAGS>, "flags"> & {
  flags: FlagValues<typeof IMPORT_FLAGS>;
};

/** The shared shell of every `import …` command: options, database, ImportRun, summary, exit code. */
export async function runImportCommand(context: ImportCommandContext, spec: ImportCommandSpec): Promise<number> {
  const options = readImportOptions(context.flags, spec.source, context.env.dataDir);
  const { db, target } = createDb(context.env.databaseUrl);
  try {
    const outcome = await runImport(
      { db, dialect: target.dialect, source: spec.source, file: spec.file, options, stderr: context.stderr },
      spec.body,
    );
    context.stdout.write(formatImportOutcome(spec.source, spec.file, outcome));
    return outcome.status === "succeeded" ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}
