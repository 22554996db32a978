import type { FitProgress } from "@jewelguide/model";
import type { ProgressReporter, ProgressTask } from "../cli/progress-reporter";

/**
 * Turns the model's fit callbacks ("validation fit", {stage: "train", fraction, epoch, loss}) into the reporter's lines:
 * one task per fit and model stage, its percentage, epoch and loss, and its last line when the fraction reaches 1.
 */
export function printFitProgress(reporter: ProgressReporter): (stage: string, progress: FitProgress) => void {
  const tasks = new Map<string, ProgressTask>();
  return (stage, progress) => {
    const label = `${stage}: ${progress.stage}`;
    let task = tasks.get(label);
    if (task === undefined) {
      task = reporter.start(label, 1, { percentOnly: true });
      tasks.set(label, task);
    }
    const detail: string[] = [];
    if (progress.epoch !== undefined) detail.push(`epoch ${progress.epoch}`);
    if (progress.loss !== undefined) detail.push(`loss ${progress.loss.toFixed(4)}`);
    task.tick(progress.fraction, detail.length > 0 ? detail.join(", ") : undefined);
    if (progress.fraction >= 1) {
      task.done();
      tasks.delete(label);
    }
  };
}
