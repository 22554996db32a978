import { findAppError } from "../../errors/find-app-error";
import { createMiddleware } from "../../trpc";
import type { RateLimitPolicyName } from "./rate-limit-policies";
import { retryLaterError } from "./retry-later-error";

const WHAT: Record<RateLimitPolicyName, string> = {
  events: "event batches",
  eventItems: "events",
  purchases: "purchase events",
  guide: "guide questions",
  feeds: "feed requests",
  login: "log-in attempts",
  apiReads: "API read requests",
  apiWrites: "API write requests",
  apiRows: "API batch rows",
};

/**
 * Applies the named rate-limit policy to a procedure: counts the request for the verified shopper and the client's
 * address and refuses it with TOO_MANY_REQUESTS (429) once either is over. The worker's own traffic (the simulator and
 * the serving benchmark, `ctx.client.isWorker`) is exempt. Any AppError with `retryAfterSeconds` from here or from the
 * procedure (the log-in back-off) sets the response's `Retry-After` header. `costOf` weighs a request by its (parsed)
 * input — the middleware must then come after `.input()` — e.g. an events batch counts each of its events.
 */
export function rateLimited(policy: RateLimitPolicyName, costOf?: (input: unknown) => number) {
  return createMiddleware(async ({ ctx, input, next }) => {
    if (!ctx.client.isWorker) {
      const subjects = { shopperId: ctx.shopper?.externalId, address: ctx.client.address };
      const verdict = await ctx.rateLimiter.hit(ctx.db, policy, subjects, costOf ? costOf(input) : 1);
      if (verdict.limited) {
        const windowSeconds = Math.round(ctx.rateLimiter.policies[policy].windowMs / 1000);
        const error = retryLaterError(
          `too many ${WHAT[policy]} from this ${verdict.subject} (at most ${verdict.limit} per ${windowSeconds} s)`,
          verdict.retryAfterSeconds,
        );
        ctx.responseHeaders.set("retry-after", String(verdict.retryAfterSeconds));
        throw error;
      }
    }
    const result = await next();
    const retryAfterSeconds = result.ok ? undefined : findAppError(result.error)?.retryAfterSeconds;
    if (retryAfterSeconds !== undefined) ctx.responseHeaders.set("retry-after", String(retryAfterSeconds));
    return result;
  });
}
