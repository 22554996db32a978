import { type Db, Prisma } from "@jewelguide/db";

/** One counter as stored in `RateLimitCounter` (epoch milliseconds as numbers). */
export type RateLimitCounterRow = { key: string; count: number; windowEndsMs: number; lastHitMs: number };

type RawCounterRow = { key: string; count: number | bigint; windowEndsMs: number | bigint; lastHitMs: number | bigint };

/**
 * Counts one hit on each key in ONE atomic statement (INSERT … ON CONFLICT(key) DO UPDATE … RETURNING, SQLite ≥ 3.35
 * and PostgreSQL alike), so parallel hits from any process or host are each counted once. A key whose window has
 * closed starts a new window at 1. `slidingWindow`: every hit pushes the window's end to `now + windowMs` (the
 * counter is forgotten only after a quiet `windowMs`); otherwise the window is fixed from its first hit.
 */
export async function hitRateLimitCounters(
  db: Db,
  keys: readonly string[],
  options: { nowMs: number; windowMs: number; slidingWindow?: boolean },
): Promise<RateLimitCounterRow[]> {
  if (keys.length === 0) return [];
  const now = BigInt(options.nowMs);
  const windowEnds = BigInt(options.nowMs + options.windowMs);
  const rows = Prisma.join(keys.map((key) => Prisma.sql`(${key}, 1, ${windowEnds}, ${now})`));
  const keepWindowEnd = options.slidingWindow
    ? Prisma.sql`excluded."windowEndsMs"`
    : Prisma.sql`"RateLimitCounter"."windowEndsMs"`;
  const result = await db.$queryRaw<RawCounterRow[]>`
    INSERT INTO "RateLimitCounter" ("key", "count", "windowEndsMs", "lastHitMs") VALUES ${rows}
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitCounter"."windowEndsMs" <= ${now} THEN 1 ELSE "RateLimitCounter"."count" + 1 END,
      "windowEndsMs" = CASE WHEN "RateLimitCounter"."windowEndsMs" <= ${now} THEN excluded."windowEndsMs" ELSE ${keepWindowEnd} END,
      "lastHitMs" = excluded."lastHitMs"
    RETURNING "key", "count", "windowEndsMs", "lastHitMs"`;
  return result.map(toCounterRow);
}

/**
 * Admits one attempt on `key` only if `isAdmitted` (a SQL condition over the stored row, see login-failure-limit.ts)
 * holds or the window has closed; an admitted attempt is counted (a closed window restarts at 1) and pushes the window's
 * end to `now + windowMs`. One conditional UPDATE: of N parallel attempts exactly the admissible ones get through.
 * Returns the counted row, or undefined when the attempt was refused.
 */
export async function admitRateLimitedAttempt(
  db: Db,
  key: string,
  options: { nowMs: number; windowMs: number; isAdmitted: Prisma.Sql },
): Promise<RateLimitCounterRow | undefined> {
  const now = BigInt(options.nowMs);
  const windowEnds = BigInt(options.nowMs + options.windowMs);
  await db.$executeRaw`
    INSERT INTO "RateLimitCounter" ("key", "count", "windowEndsMs", "lastHitMs") VALUES (${key}, 0, ${windowEnds}, 0)
    ON CONFLICT ("key") DO NOTHING`;
  const result = await db.$queryRaw<RawCounterRow[]>`
    UPDATE "RateLimitCounter" SET
      "count" = CASE WHEN "windowEndsMs" <= ${now} THEN 1 ELSE "count" + 1 END,
      "windowEndsMs" = ${windowEnds},
      "lastHitMs" = ${now}
    WHERE "key" = ${key} AND ("windowEndsMs" <= ${now} OR ${options.isAdmitted})
    RETURNING "key", "count", "windowEndsMs", "lastHitMs"`;
  const row = result[0];
  return row ? toCounterRow(row) : undefined;
}

/** The stored counters of these keys (missing keys are absent). */
export async function readRateLimitCounters(db: Db, keys: readonly string[]): Promise<RateLimitCounterRow[]> {
  if (keys.length === 0) return [];
  const result = await db.$queryRaw<RawCounterRow[]>`
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

function toCounterRow(row: RawCounterRow): RateLimitCounterRow {
  return {
    key: row.key,
    count: Number(row.count),
    windowEndsMs: Number(row.windowEndsMs),
    lastHitMs: Number(row.lastHitMs),
  };
}
