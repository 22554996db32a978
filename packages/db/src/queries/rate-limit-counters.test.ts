import { afterAll, beforeAll, describe, expect, it as vitestIt } from "vitest";
import { createTestDatabase, type TestDatabase, testPostgresServerUrl } from "../testing";
import {
  admitRateLimitedAttempt,
  deleteExpiredRateLimitCounters,
  hitRateLimitCounters,
  readRateLimitCounters,
  uncountRateLimitHit,
} from "./rate-limit-counters";

const postgresServer = testPostgresServerUrl();
const dialects = [
  { name: "sqlite", server: undefined, skip: false },
  { name: "postgresql", server: postgresServer, skip: postgresServer === undefined },
] as const;

describe.each(dialects)("rate limit counters on $name", ({ server, skip }) => {
  const it = vitestIt.skipIf(skip);
  let database: TestDatabase;

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase({ postgresServerUrl: server });
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("counts N parallel hits on one key exactly N times, each hit seeing its own count", async () => {
    const nowMs = 1_000_000;
    const hits = await Promise.all(
      Array.from({ length: 40 }, () =>
        hitRateLimitCounters(database.db, ["parallel:a", "parallel:b"], { nowMs, windowMs: 60_000 }),
      ),
    );
    const countsOfA = hits
      .map((rows) => rows.find((row) => row.key === "parallel:a")?.count)
      .sort((x, y) => (x ?? 0) - (y ?? 0));
    expect(countsOfA).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
    const stored = await readRateLimitCounters(database.db, ["parallel:a", "parallel:b"]);
    expect(stored.map((row) => row.count)).toEqual([40, 40]);
    expect(stored[0]?.windowEndsMs).toBe(nowMs + 60_000);
  });

  it("keeps a fixed window from its first hit and starts a new one at 1 after it closes", async () => {
    const hit = (nowMs: number) => hitRateLimitCounters(database.db, ["window"], { nowMs, windowMs: 1000 });
    expect((await hit(5_000))[0]).toMatchObject({ count: 1, windowEndsMs: 6_000 });
    expect((await hit(5_900))[0]).toMatchObject({ count: 2, windowEndsMs: 6_000, lastHitMs: 5_900 });
    expect((await hit(6_000))[0]).toMatchObject({ count: 1, windowEndsMs: 7_000 });
  });

  it("slides the window on every hit when asked (forget only after a quiet window)", async () => {
    const hit = (nowMs: number) =>
      hitRateLimitCounters(database.db, ["sliding"], { nowMs, windowMs: 1000, slidingWindow: true });
    await hit(10_000);
    expect((await hit(10_900))[0]).toMatchObject({ count: 2, windowEndsMs: 11_900 });
    expect((await hit(11_800))[0]).toMatchObject({ count: 3, windowEndsMs: 12_800 });
  });

  it("deletes only counters whose window has closed", async () => {
    await hitRateLimitCounters(database.db, ["old"], { nowMs: 0, windowMs: 10 });
    await hitRateLimitCounters(database.db, ["fresh"], { nowMs: 0, windowMs: 10_000 });
    expect(await deleteExpiredRateLimitCounters(database.db, 100)).toBeGreaterThanOrEqual(1);
    expect((await readRateLimitCounters(database.db, ["old", "fresh"])).map((row) => row.key)).toEqual(["fresh"]);
  });

  it("admits attempts while the back-off allows, refuses in between, and takes a count back", async () => {
    const backoff = { freeCount: 2, delayMsByCount: [[2, 1000] as const, [3, 2000] as const], maxDelayMs: 5000 };
    const attempt = (nowMs: number) =>
      admitRateLimitedAttempt(database.db, "attempts", { nowMs, windowMs: 60_000, backoff });
    expect(await attempt(100_000)).toMatchObject({ count: 1, lastHitMs: 100_000 });
    expect(await attempt(100_001)).toMatchObject({ count: 2 });
    expect(await attempt(100_500)).toBeUndefined();
    expect(await attempt(101_001)).toMatchObject({ count: 3, lastHitMs: 101_001 });
    expect(await attempt(102_000)).toBeUndefined();
    expect(await attempt(103_001)).toMatchObject({ count: 4 });
    expect(await attempt(107_000)).toBeUndefined();
    expect(await attempt(108_001)).toMatchObject({ count: 5 });
    await uncountRateLimitHit(database.db, "attempts");
    expect((await readRateLimitCounters(database.db, ["attempts"]))[0]?.count).toBe(4);
    await expect(
      admitRateLimitedAttempt(database.db, "attempts", {
        nowMs: 0,
        windowMs: 1,
        backoff: { ...backoff, maxDelayMs: 1.5 },
      }),
    ).rejects.toThrow(/non-negative integer/);
  });
});
