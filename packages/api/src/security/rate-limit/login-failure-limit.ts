import {
  type AttemptBackoff,
  admitRateLimitedAttempt,
  type Db,
  deleteRateLimitCounters,
  readRateLimitCounters,
  uncountRateLimitHit,
} from "@jewelguide/db";

/**
 * Brute-force protection of the staff log-in, per account (e-mail) and per client address: after `freeFailures`
 * failures, each further attempt must wait `baseDelayMs · 2^(n − freeFailures)` after the latest one (n = failures so
 * far), at most `maxDelayMs`. Failures are forgotten after `forgetAfterMs` without an attempt; it is longer than
 * `maxDelayMs`, so waiting out the longest delay does not reset the count. A success resets the account's count.
 */
export type LoginFailurePolicy = {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
};

/** 5 free failures, then 1 s, 2 s, 4 s … capped at 15 minutes; forgotten after an hour without attempts. */
export const DEFAULT_LOGIN_FAILURE_POLICY: LoginFailurePolicy = {
  freeFailures: 5,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

export type LogInAttemptSubjects = { email: string; address: string };
export type LogInAdmission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

/** How long an attempt must wait after the latest of `failures` failures. */
export function loginBackoffMs(failures: number, policy: LoginFailurePolicy): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.baseDelayMs * 2 ** (failures - policy.freeFailures), policy.maxDelayMs);
}

/**
 * Admits a log-in attempt before its password is checked, or says how long to wait. An admitted attempt is counted as
 * a failure up front, in the same conditional UPDATE that admits it, so N parallel guesses cannot all pass a
 * check-then-count; settleLogInAttempt takes the count back when the password was right. The address is checked
 * first, then the account; a refusal costs two small statements and no password hash.
 */
export async function admitLogInAttempt(
  db: Db,
  policy: LoginFailurePolicy,
  subjects: LogInAttemptSubjects,
  nowMs: number,
): Promise<LogInAdmission> {
  const [addressKey, accountKey] = logInFailureKeys(subjects);
  const attempt = { nowMs, windowMs: policy.forgetAfterMs, backoff: attemptBackoff(policy) };
  if (!(await admitRateLimitedAttempt(db, addressKey, attempt))) {
    return refusal(db, policy, addressKey, nowMs);
  }
  if (!(await admitRateLimitedAttempt(db, accountKey, attempt))) {
    await uncountRateLimitHit(db, addressKey);
    return refusal(db, policy, accountKey, nowMs);
  }
  return { admitted: true };
}

/** After the password check: a success resets the account and takes back the address's up-front count. */
export async function settleLogInAttempt(db: Db, subjects: LogInAttemptSubjects, succeeded: boolean): Promise<void> {
  if (!succeeded) return;
  const [addressKey, accountKey] = logInFailureKeys(subjects);
  await deleteRateLimitCounters(db, [accountKey]);
  await uncountRateLimitHit(db, addressKey);
}

function logInFailureKeys(subjects: LogInAttemptSubjects): [address: string, account: string] {
  return [`login-failure:address:${subjects.address}`, `login-failure:account:${subjects.email.toLowerCase()}`];
}

async function refusal(db: Db, policy: LoginFailurePolicy, key: string, nowMs: number): Promise<LogInAdmission> {
  const [row] = await readRateLimitCounters(db, [key]);
  const waitMs = row ? row.lastHitMs + loginBackoffMs(row.count, policy) - nowMs : policy.baseDelayMs;
  return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/**
 * The policy's back-off as the database checks it: each delay below the cap listed by failure count (at most 52 steps,
 * beyond which 2^n overflows a safe integer), the cap for every other count.
 */
function attemptBackoff(policy: LoginFailurePolicy): AttemptBackoff {
  for (const [name, value] of Object.entries(policy)) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new Error(`login failure policy: ${name} must be a non-negative integer, got ${value}`);
    }
  }
  const delayMsByCount: Array<readonly [number, number]> = [];
  for (let failures = policy.freeFailures; ; failures++) {
    const delay = loginBackoffMs(failures, policy);
    if (delay >= policy.maxDelayMs || failures - policy.freeFailures >= 52) break;
    delayMsByCount.push([failures, delay]);
  }
  return { freeCount: policy.freeFailures, delayMsByCount, maxDelayMs: policy.maxDelayMs };
}
