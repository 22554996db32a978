import { Prisma } from "../../generated/sqlite/client";
import type { Db } from "../client";
import { toCount } from "./parse-driver-values";

/** One counter as stored in `RateLimitCounter` (epoch milliseconds as numbers). */
export type RateLimitCounterRow = { key: string; count: number; windowEndsMs: number; lastHitMs: number };

type DriverCounterRow = {
  key: string;
  count: number | bigint;
  windowEndsMs: number | bigint;
  lastHitMs: number | bigint;
};

/**
 * When a counted attempt may be made again: while `count < freeCount` at once, otherwise once `lastHitMs +
 * delay(count) <= now`, where delay(count) is `delayMsByCount`'s entry for that count or `maxDelayMs` for any count
 * it does not list. The database decides it in the same statement that counts the attempt.
 */
export type AttemptBackoff = {
  freeCount: number;
  delayMsByCount: ReadonlyArray<readonly [count: number, delayMs: number]>;
  maxDelayMs: number;
};

/**
 * Counts a hit of weight `cost` (default 1: one request; an events batch counts its events) on each key in ONE
 * atomic statement (INSERT … ON CONFLICT(key) DO UPDATE … RETURNING, SQLite ≥ 3.35
 * and PostgreSQL alike), so parallel hits from any process or host are each counted once. A key whose window has
 * closed starts a new window at `cost`. `slidingWindow`: every hit pushes the window's end to `now + windowMs` (the
 * counter is forgotten only after a quiet `windowMs`); otherwise the window is fixed from its first hit. Written
 * through Prisma: the counters are writes, which the read-only SqlReader does not do.
 */
export async function hitRateLimitCounters(
  db: Db,
  keys: readonly string[],
  options: { nowMs: number; windowMs: number; slidingWindow?: boolean; cost?: number },
): Promise<RateLimitCounterRow[]> {
  if (keys.length === 0) return [];
  const cost = options.cost ?? 1;
  if (!Number.isInteger(cost) || cost < 1)
    throw new RangeError(`a rate-limit hit costs a whole number ≥ 1, got ${cost}`);
  const now = BigInt(options.nowMs);
  const windowEnds = BigInt(options.nowMs + options.windowMs);
  const rows = Prisma.join(keys.map((key) => Prisma.sql`(${key}, ${cost}, ${windowEnds}, ${now})`));
  const keepWindowEnd = options.slidingWindow
    ? Prisma.sql`excluded."windowEndsMs"`
    : Prisma.sql`"RateLimitCounter"."windowEndsMs"`;
  const result = await db.$queryRaw<DriverCounterRow[]>`
    INSERT INTO "RateLimitCounter" ("key", "count", "windowEndsMs", "lastHitMs") VALUES ${rows}
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitCounter"."windowEndsMs" <= ${now} THEN excluded."count" ELSE "RateLimitCounter"."count" + excluded."count" END,
      "windowEndsMs" = CASE WHEN "RateLimitCounter"."windowEndsMs" <= ${now} THEN excluded."windowEndsMs" ELSE ${keepWindowEnd} END,
      "lastHitMs" = excluded."lastHitMs"
    RETURNING "key", "count", "windowEndsMs", "lastHitMs"`;
  return result.map(toCounterRow);
}

/**
 * Admits one attempt on `key` only if `backoff` allows it or the window has closed; an admitted attempt is counted (a
 * closed window restarts at 1) and pushes the window's end to `now + windowMs`. One conditional UPDATE: of N parallel
 * attempts exactly the admissible ones get through. Returns the counted row, or undefined when it was refused.
 */
export async function admitRateLimitedAttempt(
  db: Db,
  key: string,
  options: { nowMs: number; windowMs: number; backoff: AttemptBackoff },
): Promise<RateLimitCounterRow | undefined> {
  const now = BigInt(options.nowMs);
  const windowEnds = BigInt(options.nowMs + options.windowMs);
  const isAdmitted = admissionSql(options.backoff, options.nowMs);
  await db.$executeRaw`
    INSERT INTO "RateLimitCounter" ("key", "count", "windowEndsMs", "lastHitMs") VALUES (${key}, 0, ${windowEnds}, 0)
    ON CONFLICT ("key") DO NOTHING`;
  const result = await db.$queryRaw<DriverCounterRow[]>`
    UPDATE "RateLimitCounter" SET
      "count" = CASE WHEN "windowEndsMs" <= ${now} THEN 1 ELSE "count" + 1 END,
      "windowEndsMs" = ${windowEnds},
      "lastHitMs" = ${now}
    WHERE "key" = ${key} AND ("windowEndsMs" <= ${now} OR ${isAdmitted})
    RETURNING "key", "count", "windowEndsMs", "lastHitMs"`;
  const row = result[0];
  return row ? toCounterRow(row) : undefined;
}

/** The stored counters of these keys (missing keys are absent). */
export async function readRateLimitCounters(db: Db, keys: readonly string[]): Promise<RateLimitCounterRow[]> {
  if (keys.length === 0) return [];
  const result = await db.$queryRaw<DriverCounterRow[]>`
    SELECT "key", "count", "windowEndsMs", "lastHitMs" FROM "RateLimitCounter" WHERE "key" IN (${Prisma.join(keys)})`;
  return result.map(toCounterRow);
}

/** Takes one count off a key (never below 0): an attempt counted up front turned out not to be a failure. */
export async function uncountRateLimitHit(db: Db, key: string): Promise<void> {
  await db.$executeRaw`UPDATE "RateLimitCounter" SET "count" = "count" - 1 WHERE "key" = ${key} AND "count" > 0`;
}

/** Forgets these keys altogether (a successful log-in resets its account's failures). */
export async function deleteRateLimitCounters(db: Db, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "key" IN (${Prisma.join(keys)})`;
}

/** Removes counters whose window closed before `nowMs` (they would restart at 1 anyway); returns how many. */
export function deleteExpiredRateLimitCounters(db: Db, nowMs: number): Promise<number> {
  return db.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "windowEndsMs" <= ${BigInt(nowMs)}`;
}

/**
 * `count < freeCount OR lastHitMs + delay(count) <= now`, with delay(count) as a CASE ladder of literal numbers (no
 * POWER(): SQLite builds may lack it), so the database decides admission atomically.
 */
function admissionSql(backoff: AttemptBackoff, nowMs: number): Prisma.Sql {
  const numbers = [backoff.freeCount, backoff.maxDelayMs, ...backoff.delayMsByCount.flat()];
  for (const value of numbers) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new Error(`attempt backoff: every count and delay must be a non-negative integer, got ${value}`);
    }
  }
  const steps = backoff.delayMsByCount.map(([count, delayMs]) => `WHEN "count" = ${count} THEN ${delayMs}`);
  const ladder = `CASE ${steps.join(" ")} ${steps.length > 0 ? "" : "WHEN 1 = 0 THEN 0 "}ELSE ${backoff.maxDelayMs} END`;
  return Prisma.sql`("count" < ${backoff.freeCount} OR "lastHitMs" + ${Prisma.raw(ladder)} <= ${BigInt(nowMs)})`;
}

function toCounterRow(row: DriverCounterRow): RateLimitCounterRow {
  return {
    key: row.key,
    count: toCount(row.count),
    windowEndsMs: toCount(row.windowEndsMs),
    lastHitMs: toCount(row.lastHitMs),
  };
}
