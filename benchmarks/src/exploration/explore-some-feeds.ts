import crypto from "node:crypto";
import type { FeedPolicy } from "./feed-policy";

/**
 * An exploring policy served in a share of the feeds only: a visit explores when a hash of (seed, shopper, day) falls
 * below `feedShare`, and is served greedily otherwise. Which visits explore is a fixed function of the visit, so a
 * shopper who comes back explores on some days and sees the model's own picks on the others. A design measurement for
 * the shop's next setting (docs/exploration.md "Limits"): the server cannot serve it yet.
 */
export function exploreSomeFeeds(
  name: string,
  exploring: FeedPolicy,
  greedy: FeedPolicy,
  feedShare: number,
  seed: number,
): FeedPolicy {
  if (!(feedShare > 0 && feedShare <= 1)) throw new Error(`feedShare must be in (0, 1], got ${feedShare}`);
  return {
    name,
    serve: (context) =>
      visitExplores(seed, context.userId, context.day, feedShare) ? exploring.serve(context) : greedy.serve(context),
  };
}

/** Whether the visit (seed, shopper, day) is among the `feedShare` of visits that explore. */
export function visitExplores(seed: number, userId: string, day: number, feedShare: number): boolean {
  const hash = crypto.createHash("sha256").update(`feed-share|${seed}|${userId}|${day}`).digest().readUInt32LE(0);
  return hash / 2 ** 32 < feedShare;
}
