/**
 * How much the fuzz suite runs, reproducibly. The seed is fixed (the same requests on every run, in CI too) unless
 * JEWELGUIDE_FUZZ_SEED names another (`random` draws one; it is printed either way, so a failure can be replayed with
 * JEWELGUIDE_FUZZ_SEED=<seed>). JEWELGUIDE_FUZZ_RUNS sets the requests per procedure and JEWELGUIDE_FUZZ_SECONDS the
 * wall-clock budget of the whole fuzz run (split evenly between the procedures; a property that reaches its share
 * stops early and says so).
 */
export type FuzzSettings = { seed: number; runsPerProcedure: number; budgetMs: number };

export const DEFAULT_FUZZ_SEED = 20261206;
const DEFAULT_RUNS_PER_PROCEDURE = 100;
const DEFAULT_BUDGET_SECONDS = 90;

export function readFuzzSettings(env: NodeJS.ProcessEnv = process.env): FuzzSettings {
  const seedText = env.JEWELGUIDE_FUZZ_SEED;
  const seed =
    seedText === undefined || seedText === ""
      ? DEFAULT_FUZZ_SEED
      : seedText === "random"
        ? Math.floor(Math.random() * 2 ** 31)
        : readInteger("JEWELGUIDE_FUZZ_SEED", seedText, -(2 ** 31), 2 ** 31 - 1);
  return {
    seed,
    runsPerProcedure: readInteger(
      "JEWELGUIDE_FUZZ_RUNS",
      env.JEWELGUIDE_FUZZ_RUNS,
      1,
      100_000,
      DEFAULT_RUNS_PER_PROCEDURE,
    ),
    budgetMs:
      1000 * readInteger("JEWELGUIDE_FUZZ_SECONDS", env.JEWELGUIDE_FUZZ_SECONDS, 1, 3600, DEFAULT_BUDGET_SECONDS),
  };
}

function readInteger(name: string, text: string | undefined, min: number, max: number, fallback?: number): number {
  if ((text === undefined || text === "") && fallback !== undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(
      `${name} must be an integer in ${min}..${max}${name.endsWith("SEED") ? ' or "random"' : ""}, got '${text}'`,
    );
  }
  return value;
}
