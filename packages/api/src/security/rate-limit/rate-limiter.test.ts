import { createTestDatabase, type TestDatabase } from "@jewelguide/db/testing";
import { afterAll, beforeAll, describe, expect, it as vitestIt } from "vitest";
import { testDialects } from "../../test/test-dialects";
import { createRateLimiter } from "./create-rate-limiter";
import { deleteExpiredRateLimitCounters, hitRateLimitCounters, readRateLimitCounters } from "./rate-limit-store";

describe.each(testDialects)("the rate limiter on $name", ({ server, skip }) => {
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

  it("limits a shopper, and the address catches the same client coming back with new cookies", async () => {
    let nowMs = 50_000;
    const limiter = createRateLimiter({
      policies: { guide: { windowMs: 60_000, perShopper: 3, perAddress: 5 } },
      now: () => nowMs,
    });
    const ask = (shopperId: string | undefined) =>
      limiter.hit(database.db, "guide", { shopperId, address: "203.0.113.7" });
    for (let i = 0; i < 3; i++) expect(await ask("shopper-1")).toEqual({ limited: false });
    expect(await ask("shopper-1")).toEqual({ limited: true, subject: "shopper", limit: 3, retryAfterSeconds: 60 });
    // A second cookie is a new shopper but the same address: hits 5 and 6 of the address.
    expect(await ask("shopper-2")).toEqual({ limited: false });
    nowMs += 15_500;
    expect(await ask("shopper-3")).toEqual({ limited: true, subject: "address", limit: 5, retryAfterSeconds: 45 });
    expect(await ask(undefined)).toMatchObject({ limited: true, subject: "address" });
    // Another address is counted apart; the next window starts afresh.
    expect(await limiter.hit(database.db, "guide", { address: "198.51.100.1" })).toEqual({ limited: false });
    nowMs += 60_000;
    expect(await ask("shopper-1")).toEqual({ limited: false });
  });

  it("counts each policy apart", async () => {
    const limiter = createRateLimiter({
      policies: {
        events: { windowMs: 60_000, perShopper: 1, perAddress: 100 },
        guide: { windowMs: 60_000, perShopper: 1, perAddress: 100 },
      },
      now: () => 90_000,
    });
    const subjects = { shopperId: "apart", address: "192.0.2.9" };
    expect(await limiter.hit(database.db, "events", subjects)).toEqual({ limited: false });
    expect(await limiter.hit(database.db, "guide", subjects)).toEqual({ limited: false });
    expect(await limiter.hit(database.db, "guide", subjects)).toMatchObject({ limited: true, subject: "shopper" });
  });

  it("deletes expired counters as it goes (at most once per cleanup period)", async () => {
    let nowMs = 200_000;
    const limiter = createRateLimiter({
      policies: { events: { windowMs: 1000, perShopper: 10, perAddress: 10 } },
      now: () => nowMs,
      cleanupEveryMs: 5000,
    });
    await limiter.hit(database.db, "events", { address: "cleanup" });
    nowMs += 2000;
    await limiter.hit(database.db, "events", { address: "cleanup-later" });
    expect(await readRateLimitCounters(database.db, ["events:address:cleanup"])).toHaveLength(1);
    nowMs += 5000;
    await limiter.hit(database.db, "events", { address: "cleanup-later" });
    expect(await readRateLimitCounters(database.db, ["events:address:cleanup"])).toHaveLength(0);
  });
});
