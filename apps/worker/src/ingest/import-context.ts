import type { Db } from "@jewelguide/db";
import type { Output } from "../cli/command";
import type { ProgressTask } from "../cli/progress-reporter";
import type { ImportOptions } from "./import-options";
import type { ProblemLog } from "./problem-log";
import type { Dialect } from "./store/insert-rows";

/** Numbers an importer fills in as it goes; saved on the ImportRun even when the import stops. */
export type ImportStats = {
  rowsRead: number;
  rowsImported: number;
  rowsUnchanged: number;
  counts: Record<string, unknown>;
  fileHash: string;
  /** Lines for the final summary on stdout. */
  summary: string[];
};

export type ImportContext = {
  db: Db;
  dialect: Dialect;
  options: ImportOptions;
  problems: ProblemLog;
  stats: ImportStats;
  stderr: Output;
  /** Starts reporting rows under `label`; with a file (or any byte source), also how much of it is read and an ETA. */
  progress(label: string, source?: { totalBytes: number; bytesRead(): number }): ProgressTask;
};
