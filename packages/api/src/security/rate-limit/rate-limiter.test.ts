import { readRateLimitCounters } from "@jewelguide/db";
import { createTestDatabase, type TestDatabase } from "@jewelguide/db/testing";
import { afterAll, beforeAll, describe, expect, it as vitestIt } from "vitest";
import { testDialects } from "../../test/test-dialects";
import { createRateLimiter } from "./create-rate-limiter";

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

  it("weighs a hit by its cost: a few large batches reach the per-event limit", async () => {
    const limiter = createRateLimiter({
      policies: { eventItems: { windowMs: 60_000, perShopper: 250, perAddress: 1000 } },
      now: () => 120_000,
    });
    const subjects = { shopperId: "heavy", address: "192.0.2.77" };
    expect(await limiter.hit(database.db, "eventItems", subjects, 100)).toEqual({ limited: false });
    expect(await limiter.hit(database.db, "eventItems", subjects, 100)).toEqual({ limited: false });
    expect(await limiter.hit(database.db, "eventItems", subjects, 100)).toMatchObject({
      limited: true,
      subject: "shopper",
      limit: 250,
    });
    expect(await limiter.hit(database.db, "eventItems", subjects, 0)).toEqual({ limited: false });
    const [counter] = await readRateLimitCounters(database.db, ["eventItems:shopper:heavy"]);
    expect(counter?.count).toBe(300);
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
