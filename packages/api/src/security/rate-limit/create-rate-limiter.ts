import { type Db, deleteExpiredRateLimitCounters, hitRateLimitCounters } from "@jewelguide/db";
import { DEFAULT_LOGIN_FAILURE_POLICY, type LoginFailurePolicy } from "./login-failure-limit";
import { DEFAULT_RATE_LIMIT_POLICIES, type RateLimitPolicies, type RateLimitPolicyName } from "./rate-limit-policies";

/**
 * Who is asking: the verified shopper (if any) or the shop backend's API key (HTTP API; counted under the policy's
 * per-shopper limit), and the client's address.
 */
export type RateLimitSubjects = { shopperId?: string; apiKeyId?: number; address: string };

export type RateLimitVerdict =
  | { limited: false }
  | { limited: true; subject: "shopper" | "api-key" | "address"; limit: number; retryAfterSeconds: number };

/**
 * The shop's rate limits: the request policies, the log-in failure back-off and the clock, all kept in the database
 * (`RateLimitCounter`) so every web process and host counts together and a restart forgets nothing. Tests build one
 * with small limits and their own clock; the running shop uses the defaults.
 */
export type RateLimiter = {
  readonly policies: RateLimitPolicies;
  readonly loginFailures: LoginFailurePolicy;
  now(): number;
  /**
   * Counts one request (or `cost` units of it: an events batch counts its events) under `policy` for the shopper and
   * the address (one statement) and says whether either is over. A cost of 0 counts nothing.
   */
  hit(db: Db, policy: RateLimitPolicyName, subjects: RateLimitSubjects, cost?: number): Promise<RateLimitVerdict>;
};

export type RateLimiterOptions = {
  policies?: Partial<RateLimitPolicies>;
  loginFailures?: Partial<LoginFailurePolicy>;
  now?: () => number;
  /** Expired counters are deleted at most this often per process (default one minute). */
  cleanupEveryMs?: number;
};

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const policies = { ...DEFAULT_RATE_LIMIT_POLICIES, ...options.policies };
  const now = options.now ?? Date.now;
  const cleanupEveryMs = options.cleanupEveryMs ?? 60_000;
  let lastCleanupMs = Number.NEGATIVE_INFINITY;
  return {
    policies,
    loginFailures: { ...DEFAULT_LOGIN_FAILURE_POLICY, ...options.loginFailures },
    now,
    async hit(db, policyName, subjects, cost = 1) {
      if (cost === 0) return { limited: false };
      const policy = policies[policyName];
      const nowMs = now();
      if (nowMs - lastCleanupMs >= cleanupEveryMs) {
        lastCleanupMs = nowMs;
        await deleteExpiredRateLimitCounters(db, nowMs);
      }
      const addressKey = `${policyName}:address:${subjects.address}`;
      const ownKey =
        subjects.apiKeyId !== undefined
          ? `${policyName}:api-key:${subjects.apiKeyId}`
          : subjects.shopperId !== undefined
            ? `${policyName}:shopper:${subjects.shopperId}`
            : undefined;
      const rows = await hitRateLimitCounters(db, ownKey ? [ownKey, addressKey] : [addressKey], {
        nowMs,
        windowMs: policy.windowMs,
        cost,
      });
      let verdict: RateLimitVerdict = { limited: false };
      for (const row of rows) {
        const subject = row.key === addressKey ? "address" : subjects.apiKeyId !== undefined ? "api-key" : "shopper";
        const limit = subject === "address" ? policy.perAddress : policy.perShopper;
        if (row.count <= limit) continue;
        const retryAfterSeconds = Math.max(1, Math.ceil((row.windowEndsMs - nowMs) / 1000));
        if (!verdict.limited || retryAfterSeconds > verdict.retryAfterSeconds) {
          verdict = { limited: true, subject, limit, retryAfterSeconds };
        }
      }
      return verdict;
    },
  };
}
