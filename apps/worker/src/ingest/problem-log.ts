import type { ImportOptions } from "./import-options";
import { type Problem, StopImport } from "./problem";
import type { RejectsWriter } from "./read/rejects-writer";

const KEPT_PROBLEMS = 50;

/**
 * Collects rejected rows: writes them to the rejects file and applies --on-error / --max-errors. Also counts the
 * warnings about rows that were imported all the same (a value kept in attributes), keeping the first ones.
 */
export class ProblemLog {
  rejectedRows = 0;
  readonly first: Problem[] = [];
  warnings = 0;
  readonly firstWarnings: Problem[] = [];

  constructor(
    private readonly options: Pick<ImportOptions, "onError" | "maxErrors">,
    readonly rejects: RejectsWriter,
  ) {}

  /** Rejects one row for the given problems (at least one); throws StopImport when the policy says so. */
  reject(problems: Problem[], raw: string): void {
    const [head] = problems;
    if (!head) return;
    this.rejectedRows += 1;
    for (const problem of problems) if (this.first.length < KEPT_PROBLEMS) this.first.push(problem);
    this.rejects.write(problems, raw);
    if (this.options.onError === "stop") throw new StopImport(head, "stopped at the first bad row (--on-error stop)");
    if (this.rejectedRows > this.options.maxErrors) {
      throw new StopImport(head, `stopped: more than ${this.options.maxErrors} rejected rows (--max-errors)`);
    }
  }

  /** Notes a warning about a row that is imported anyway; never stops the import. */
  warn(problem: Problem): void {
    this.warnings += 1;
    if (this.firstWarnings.length < KEPT_PROBLEMS) this.firstWarnings.push(problem);
  }

  /** Records a problem that ends the import (not a row: nothing goes to the rejects file). */
  record(problem: Problem): void {
    if (this.first.length < KEPT_PROBLEMS) this.first.push(problem);
  }
}
