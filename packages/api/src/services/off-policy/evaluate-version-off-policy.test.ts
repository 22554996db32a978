import { randomUUID } from "node:crypto";
import { DEFAULT_EXPLORATION_CONFIG } from "@jewelguide/model/exploration";
import { describe, expect, it as vitestIt } from "vitest";
import { trainAndPublish } from "../../model-serving/testing/seed-shop";
import { createTestRuntime } from "../../test/create-test-runtime";
import { testDialects } from "../../test/test-dialects";
import { TEST_SECRETS } from "../../test/test-secrets";
import { useSeededShop } from "../../test/use-seeded-shop";
import { recommendFeed } from "../recommendations/recommend-feed";
import { evaluateVersionOffPolicy } from "./evaluate-version-off-policy";
import { loadImpressionLog } from "./load-impression-log";

const EXPLORING = { ...DEFAULT_EXPLORATION_CONFIG, slots: [3, 9] };
/** One fixed serving moment, after every seeded event: the replay then sees what serving saw. */
const SERVED_AT = new Date("2030-01-01T12:00:00.000Z");

describe.each(testDialects)("off-policy evaluation of a version on $name", ({ server, skip }) => {
  const it = vitestIt.skipIf(skip);
  const fixture = useSeededShop({ server, skip }, { publish: "itemknn" });

  it("says what is missing when nothing was logged with exploration", async () => {
    const { db, sql } = fixture.database;
    await expect(
      evaluateVersionOffPolicy({ db, sql }, { versionId: fixture.versionId, target: "exploring", rewards: ["click"] }),
    ).rejects.toThrow(/needs at least 2 logged exploration decisions in the whole log up to .*, found 0: serve feeds/);
  });

  it("replaying the logging version reproduces every logged propensity; another version is estimated with intervals", {
    timeout: 120_000,
  }, async () => {
    const { db, sql } = fixture.database;
    // A web process with exploration on; each feed uses the evidence as of the start of its minute, as the replay does.
    const runtime = createTestRuntime(fixture.database, { exploration: { config: EXPLORING } });
    const shoppers = [
      undefined,
      fixture.shop.ringBuyer,
      "shopper-earring-2",
      ...Array.from({ length: 12 }, () => `w-${randomUUID()}`),
    ];
    // Serving takes the evidence as of the start of the current minute; the replay, with every impression moved to
    // SERVED_AT, as of before any of them. Both agree only if every feed is served within one minute (a loop crossing a
    // minute boundary lets the later feeds see the earlier ones' impressions): start early in a minute, and check it.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 30_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 50));
    const servingMinute = Math.floor(Date.now() / 60_000);
    const feeds = [];
    for (const shopperId of shoppers) {
      feeds.push(
        await recommendFeed(
          runtime,
          { k: 12 },
          { shopper: shopperId ? { externalId: shopperId } : undefined, secrets: TEST_SECRETS },
        ),
      );
    }
    expect(Math.floor(Date.now() / 60_000), "every feed was served within one minute").toBe(servingMinute);
    await db.impression.updateMany({ data: { servedAt: SERVED_AT } });
    // Rewards attributed to some exploratory picks: clicks on every other one, a purchase on the first.
    const exploratory = feeds.flatMap((feed) =>
      feed.items.filter((item) => item.exploratory).map((item) => ({ feed, item })),
    );
    expect(exploratory.length).toBe(2 * shoppers.length);
    const user = await db.user.upsert({
      where: { externalId: "clicker" },
      create: { externalId: "clicker" },
      update: {},
    });
    let key = 0;
    const reward = (type: string, index: number) => {
      const pick = exploratory[index];
      if (!pick) throw new Error(`no exploratory pick ${index}`);
      return db.interaction.create({
        data: {
          userId: user.id,
          productId: pick.item.id,
          type,
          occurredAt: new Date(SERVED_AT.getTime() + 60_000),
          source: "web",
          idempotencyKey: `off-policy-${key++}`,
          requestId: pick.feed.requestId,
          slot: pick.item.slot,
          modelVersionId: fixture.versionId,
        },
      });
    };
    for (let index = 0; index < exploratory.length; index += 2) await reward("click", index);
    await reward("purchase", 0);
    const until = new Date(SERVED_AT.getTime() + 3_600_000);

    const log = await loadImpressionLog(db, until);
    expect(log).toHaveLength(12 * shoppers.length);
    const [self] = await evaluateVersionOffPolicy(
      { db, sql },
      { versionId: fixture.versionId, target: "exploring", rewards: ["click"], config: EXPLORING, until },
    );
    expect(self).toBeDefined();
    if (!self) return;
    expect(self.decisions).toBe(exploratory.length);
    expect(self.requests).toBe(shoppers.length);
    // Same version, same layer, same evidence: every importance weight is 1.
    expect(self.supportedShare.estimate).toBeCloseTo(1, 9);
    expect(self.supportedShare.standardError).toBeCloseTo(0, 9);
    expect(self.effectiveSampleSize).toBeCloseTo(exploratory.length, 6);
    const clickRate = Math.ceil(exploratory.length / 2) / exploratory.length;
    expect(self.loggedReward.estimate).toBeCloseTo(clickRate, 12);
    expect(self.inversePropensity.estimate).toBeCloseTo(clickRate, 9);
    expect(self.selfNormalised.estimate).toBeCloseTo(clickRate, 9);

    const candidate = await trainAndPublish(db, "popularity");
    const estimates = await evaluateVersionOffPolicy(
      { db, sql },
      { versionId: candidate, target: "exploring", rewards: ["click", "cart", "purchase"], config: EXPLORING, until },
    );
    expect(estimates.map((estimate) => estimate.reward)).toEqual(["click", "cart", "purchase"]);
    for (const estimate of estimates) {
      expect(estimate.decisions).toBe(exploratory.length);
      for (const interval of [estimate.inversePropensity, estimate.selfNormalised, estimate.doublyRobust]) {
        expect(interval.lower).toBeLessThanOrEqual(interval.estimate);
        expect(interval.upper).toBeGreaterThanOrEqual(interval.estimate);
      }
    }
    const purchase = estimates[2];
    expect(purchase?.loggedReward.estimate).toBeCloseTo(1 / exploratory.length, 12);
    // A purchase is also a cart and a click.
    expect(estimates[1]?.loggedReward.estimate).toBeCloseTo(1 / exploratory.length, 12);

    // The logging version's own greedy picks never sit in its exploration pool: no logged decision supports it.
    await expect(
      evaluateVersionOffPolicy(
        { db, sql },
        { versionId: fixture.versionId, target: "greedy", rewards: ["click"], config: EXPLORING, until },
      ),
    ).rejects.toThrow(
      /alone \(greedy\) gives probability 0 to every logged decision in the whole log up to .* \(supported share 0\)/,
    );

    const since = await evaluateVersionOffPolicy(
      { db, sql },
      {
        versionId: fixture.versionId,
        target: "exploring",
        rewards: ["click"],
        since: new Date(SERVED_AT.getTime() + 1),
        until,
      },
    ).catch((error: Error) => error.message);
    expect(since).toMatch(/since 2030-01-01T12:00:00.001Z up to .*, found 0/);
  });
});
