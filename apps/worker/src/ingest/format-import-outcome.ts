import { formatProblem } from "./problem";
import type { ImportOutcome } from "./run-import";

const SHOWN_PROBLEMS = 10;

/** The final summary printed on stdout. */
export function formatImportOutcome(source: string, file: string, outcome: ImportOutcome): string {
  const n = (value: number) => value.toLocaleString("en-US");
  const lines = [
    `import ${source}: ${outcome.status} in ${outcome.seconds.toFixed(1)}s (import run #${outcome.runId})`,
    `  file: ${file}`,
    `  rows read: ${n(outcome.stats.rowsRead)}`,
    ...outcome.stats.summary.map((line) => `  ${line}`),
    `  rows imported: ${n(outcome.stats.rowsImported)}, unchanged: ${n(outcome.stats.rowsUnchanged)}, rejected: ${n(outcome.rowsRejected)}`,
  ];
  if (outcome.rejectsFile) lines.push(`  rejects file: ${outcome.rejectsFile}`);
  if (outcome.failure) lines.push(`  STOPPED: ${outcome.failure}`);
  if (outcome.warnings > 0) {
    lines.push(`  warnings: ${n(outcome.warnings)} (first ${Math.min(SHOWN_PROBLEMS, outcome.firstWarnings.length)}):`);
    for (const warning of outcome.firstWarnings.slice(0, SHOWN_PROBLEMS)) lines.push(`    ${formatProblem(warning)}`);
  }
  if (outcome.problems.length > 0) {
    lines.push(`  problems (first ${Math.min(SHOWN_PROBLEMS, outcome.problems.length)}):`);
    for (const problem of outcome.problems.slice(0, SHOWN_PROBLEMS)) lines.push(`    ${formatProblem(problem)}`);
  }
  return `${lines.join("\n")}\n`;
}
