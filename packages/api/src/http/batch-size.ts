import { AppError } from "@jewelguide/db/errors";

/**
 * The most calls one HTTP request may batch. tRPC executes a batch's calls in parallel, so without a cap one request
 * could start hundreds of procedures (and slip hundreds of guide questions past a per-request view of the traffic).
 * The shop's own client batches at most this many (apps/web/src/trpc/client.tsx, `maxItems`).
 */
export const MAX_BATCH_SIZE = 10;

/** BAD_INPUT for a batch of more than `max` calls (`a,b,c…` in the path with `?batch=1`), or undefined. */
export function findOversizedBatch(path: string, batch: boolean, max = MAX_BATCH_SIZE): AppError | undefined {
  if (!batch) return undefined;
  const calls = path.split(",").length;
  if (calls <= max) return undefined;
  return new AppError(
    "BAD_INPUT",
    `a batch may hold at most ${max} calls, this one has ${calls}: send them in several requests`,
  );
}
