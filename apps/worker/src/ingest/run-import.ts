import type { Db } from "@jewelguide/db";
import type { Output } from "../cli/command";
import { createProgressReporter } from "../cli/progress-reporter";
import type { ImportContext, ImportStats } from "./import-context";
import type { ImportOptions } from "./import-options";
import { formatProblem, type Problem, StopImport } from "./problem";
import { ProblemLog } from "./problem-log";
import { RejectsWriter } from "./read/rejects-writer";
import type { Dialect } from "./store/insert-rows";

export type ImportOutcome = {
  runId: number;
  status: "succeeded" | "failed";
  stats: ImportStats;
  rowsRejected: number;
  problems: Problem[];
  /** How many warnings (rows imported with a value kept in attributes), and the first of them. */
  warnings: number;
  firstWarnings: Problem[];
  rejectsFile: string | null;
  /** Why the import stopped, when it failed. */
  failure?: string;
  seconds: number;
};

export type ImportRequest = {
  db: Db;
  dialect: Dialect;
  source: string;
  file: string;
  options: ImportOptions;
  stderr: Output;
};

/**
 * Runs an importer inside an ImportRun record: creates it as `running`, then marks it `succeeded` or `failed`
 * with the counts, the first problems and the rejects file. A StopImport becomes a failed outcome; other errors
 * are recorded and rethrown.
 */
export async function runImport(
  request: ImportRequest,
  body: (context: ImportContext) => Promise<void>,
): Promise<ImportOutcome> {
  const started = Date.now();
  const run = await request.db.importRun.create({ data: { source: request.source, file: request.file } });
  const rejects = new RejectsWriter(request.options.rejectsPath);
  const problems = new ProblemLog(request.options, rejects);
  const stats: ImportStats = { rowsRead: 0, rowsImported: 0, rowsUnchanged: 0, counts: {}, fileHash: "", summary: [] };
  const reporter = createProgressReporter({ out: request.stderr, enabled: request.options.showProgress });
  const context: ImportContext = {
    db: request.db,
    dialect: request.dialect,
    options: request.options,
    problems,
    stats,
    stderr: request.stderr,
    progress: (label, source) =>
      reporter.start(label, undefined, {
        unit: "rows",
        fraction: source && {
          of: "file",
          read: () => (source.totalBytes > 0 ? source.bytesRead() / source.totalBytes : 0),
        },
      }),
  };
  let failure: string | undefined;
  let unexpected: unknown;
  try {
    await body(context);
  } catch (error) {
    if (error instanceof StopImport) {
      failure = error.message;
      if (!problems.first.includes(error.problem)) problems.record(error.problem);
    } else {
      unexpected = error;
      failure = error instanceof Error ? error.message : String(error);
    }
  } finally {
    rejects.close();
  }
  const status = failure === undefined ? "succeeded" : "failed";
  const rejectsFile = rejects.written ? rejects.path : null;
  await request.db.importRun.update({
    where: { id: run.id },
    data: {
      status,
      fileHash: stats.fileHash,
      rowsRead: stats.rowsRead,
      rowsImported: stats.rowsImported,
      rowsUnchanged: stats.rowsUnchanged,
      rowsRejected: problems.rejectedRows,
      rejectsFile,
      problems: problems.first.map((p) => ({ ...p, text: formatProblem(p) })),
      counts: toJson({
        ...stats.counts,
        ...(problems.warnings > 0
          ? { warnings: problems.warnings, firstWarnings: problems.firstWarnings.map(formatProblem) }
          : {}),
        ...(failure === undefined ? {} : { failure }),
      }),
      finishedAt: new Date(),
    },
  });
  if (unexpected !== undefined) throw unexpected;
  return {
    runId: run.id,
    status,
    stats,
    rowsRejected: problems.rejectedRows,
    problems: problems.first,
    warnings: problems.warnings,
    firstWarnings: problems.firstWarnings,
    rejectsFile,
    failure,
    seconds: (Date.now() - started) / 1000,
  };
}

function toJson(value: Record<string, unknown>): object {
  return JSON.parse(JSON.stringify(value)) as object;
}
