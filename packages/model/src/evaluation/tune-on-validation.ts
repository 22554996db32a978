import type { Recommender } from "../recommender";

export type TuningTrial<Params> = { params: Params; score: number; fitSeconds: number };

export type TuneOptions<Params> = {
  grid: readonly Params[];
  /** Builds and fits a model on the training data with these parameters. */
  fit: (params: Params) => Promise<Recommender>;
  /** Validation score of a fitted model (higher is better), e.g. NDCG@20 on the validation targets. */
  score: (model: Recommender) => number;
  onTrial?: (trial: TuningTrial<Params>) => void;
};

/** Grid search on validation: fits one model per parameter set, keeps the best score (first wins ties). */
export async function tuneOnValidation<Params>(
  options: TuneOptions<Params>,
): Promise<{ best: TuningTrial<Params>; trials: TuningTrial<Params>[] }> {
  const trials: TuningTrial<Params>[] = [];
  let best: TuningTrial<Params> | undefined;
  for (const params of options.grid) {
    const started = performance.now();
    const model = await options.fit(params);
    const fitSeconds = (performance.now() - started) / 1000;
    const trial = { params, score: options.score(model), fitSeconds };
    trials.push(trial);
    options.onTrial?.(trial);
    if (best === undefined || trial.score > best.score) best = trial;
  }
  if (best === undefined) throw new Error("tuneOnValidation needs a non-empty grid.");
  return { best, trials };
}

/** Every combination of the given values: expandGrid({ a: [1, 2], b: ["x"] }) → [{a:1,b:"x"}, {a:2,b:"x"}]. */
export function expandGrid<Grid extends Record<string, readonly unknown[]>>(
  grid: Grid,
): { [K in keyof Grid]: Grid[K][number] }[] {
  let combos: Record<string, unknown>[] = [{}];
  for (const [key, values] of Object.entries(grid)) {
    combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [key]: value })));
  }
  return combos as { [K in keyof Grid]: Grid[K][number] }[];
}
