/** One thing wrong with the input, located by file, 1-based physical line and column name. */
export type Problem = {
  file: string;
  line: number;
  /** The column (CSV header name or JSON key); "" when the problem is about the whole row or file. */
  column: string;
  message: string;
};

export function formatProblem(problem: Problem): string {
  const where = `${problem.file}:${problem.line}:`;
  return problem.column === ""
    ? `${where} ${problem.message}`
    : `${where} column ${problem.column}: ${problem.message}`;
}

/** Ends an import: a wrong header, a truncated or undecodable stream, `--on-error stop`, or `--max-errors` exceeded. */
export class StopImport extends Error {
  override name = "StopImport";
  constructor(
    readonly problem: Problem,
    readonly reason: string,
  ) {
    super(`${reason}: ${formatProblem(problem)}`);
  }
}
