import type { FitProgress } from "../recommender";

export type EpochLoop<Snapshot> = {
  epochs: number;
  /** Runs one epoch; returns its mean training loss. */
  runEpoch: (epoch: number) => number;
  /** Validation score (higher is better); enables early stopping when given. */
  validate?: () => number;
  /** Validate every this many epochs (default 1). */
  validateEvery?: number;
  /** Stop after this many validations without improvement (default 3). */
  patience?: number;
  /** Copy of the parameters, taken at the best validation and restored at the end. */
  snapshot: () => Snapshot;
  restore: (snapshot: Snapshot) => void;
  onProgress?: (progress: FitProgress) => void;
};

export type EpochLoopResult = { epochs: number; bestEpoch?: number; bestValidation?: number };

/**
 * The one training loop (after minGPT's Trainer): epochs, progress, validation-based early stopping with the best
 * parameters restored. Models supply only the maths of an epoch.
 */
export async function runEpochs<Snapshot>(loop: EpochLoop<Snapshot>): Promise<EpochLoopResult> {
  const every = Math.max(1, loop.validateEvery ?? 1);
  const patience = Math.max(1, loop.patience ?? 3);
  let best: { epoch: number; score: number; snapshot: Snapshot } | undefined;
  let sinceBest = 0;
  let epoch = 0;
  while (epoch < loop.epochs) {
    const loss = loop.runEpoch(epoch);
    epoch++;
    let validation: number | undefined;
    if (loop.validate !== undefined && (epoch % every === 0 || epoch === loop.epochs)) {
      validation = loop.validate();
      if (best === undefined || validation > best.score) {
        best = { epoch, score: validation, snapshot: loop.snapshot() };
        sinceBest = 0;
      } else {
        sinceBest++;
      }
    }
    loop.onProgress?.({ stage: "train", fraction: epoch / loop.epochs, epoch, loss, validation });
    await yieldToEventLoop();
    if (sinceBest >= patience) break;
  }
  if (best !== undefined && best.epoch !== epoch) loop.restore(best.snapshot);
  return { epochs: epoch, bestEpoch: best?.epoch, bestValidation: best?.score };
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
