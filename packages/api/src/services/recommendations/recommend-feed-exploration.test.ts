import { randomUUID } from "node:crypto";
import { createApiKey, listExplorationEvidence } from "@jewelguide/db";
import { describeReason } from "@jewelguide/i18n";
import { DEFAULT_EXPLORATION_CONFIG, EXPLORATION_POLICY } from "@jewelguide/model/exploration";
import { describe, expect, it as vitestIt } from "vitest";
import { buildEvidenceSnapshot, EVIDENCE_STEP_MS, evidenceStepOf } from "../../exploration/exploration-evidence";
import { GREEDY_POLICY } from "../../exploration/feed-exploration";
import type { ServerRuntime } from "../../runtime/create-server-runtime";
import { FeedSchema } from "../../shop-api/read-output-schemas";
import { createTestRuntime } from "../../test/create-test-runtime";
import { startShopApiServer } from "../../test/start-shop-api-server";
import { testDialects } from "../../test/test-dialects";
import { TEST_SECRETS } from "../../test/test-secrets";
import { useSeededShop } from "../../test/use-seeded-shop";
import { capPerCategory } from "./cap-per-category";
import { coldStartOrder } from "./cold-start-order";
import { exploreFeed } from "./explore-feed";
import { DEFAULT_FEED_RULES } from "./feed-rules";
import { loadShopperSignals } from "./load-shopper-signals";
import { rankFeed } from "./rank-feed";
import { type Feed, type FeedItem, recommendFeed } from "./recommend-feed";

const audience = (shopperId: string | undefined) => ({
  shopper: shopperId === undefined ? undefined : { externalId: shopperId },
  secrets: TEST_SECRETS,
});
const EXPLORING = { ...DEFAULT_EXPLORATION_CONFIG, slots: [3, 9] };

describe.each(testDialects)("the feed's exploration layer on $name", ({ server, skip }) => {
  const it = vitestIt.skipIf(skip);
  const fixture = useSeededShop({ server, skip }, { publish: "itemknn" });
  let exploring: ServerRuntime | undefined;
  /** A second web process over the same database, with exploration on (the fixture's runtime has it off). */
  const exploringRuntime = () => {
    exploring ??= createTestRuntime(fixture.database, { exploration: { config: EXPLORING } });
    return exploring;
  };

  const storedImpressions = (requestId: string) =>
    fixture.database.db.impression.findMany({ where: { requestId }, orderBy: { slot: "asc" } });

  /** Every feed rule, checked on a served feed. */
  async function expectRulesHold(feed: Feed, shopperId: string | undefined) {
    const skus = feed.items.map((item) => item.sku);
    expect(new Set(skus).size).toBe(skus.length);
    expect(feed.items.every((item) => item.inStock)).toBe(true);
    expect(skus).not.toContain(fixture.shop.outOfStockSku);
    if (shopperId) {
      const bought = await fixture.database.db.interaction.findMany({
        where: { user: { externalId: shopperId }, type: "purchase" },
        select: { productId: true },
      });
      const ids = feed.items.map((item) => item.id);
      for (const row of bought) expect(ids).not.toContain(row.productId);
    }
    const firstScreen = feed.items.slice(0, DEFAULT_FEED_RULES.firstScreenSize);
    const perCategory = new Map<string, number>();
    for (const item of firstScreen) perCategory.set(item.category, (perCategory.get(item.category) ?? 0) + 1);
    expect(Math.max(...perCategory.values())).toBeLessThanOrEqual(DEFAULT_FEED_RULES.maxPerCategory);
  }

  it("fills the exploration slots with labelled exploratory picks while every feed rule holds", async () => {
    const runtime = exploringRuntime();
    for (const shopperId of [undefined, `first-${randomUUID()}`, fixture.shop.ringBuyer, "shopper-earring-2"]) {
      const feed = await recommendFeed(runtime, { k: 12 }, audience(shopperId));
      expect(feed.policy).toBe(EXPLORATION_POLICY);
      expect(feed.items.map((item) => item.slot)).toEqual([...Array(12).keys()]);
      const exploratory = feed.items.filter((item) => item.exploratory);
      expect(exploratory.map((item) => item.slot)).toEqual([3, 9]);
      for (const item of exploratory) {
        expect(item.reason).toEqual({ kind: "exploring" });
        expect(item.propensity).toBeGreaterThan(0);
        expect(item.propensity).toBeLessThanOrEqual(1);
        expect(describeReason(item.reason, "en")).toMatch(/^New to you — we're still learning about this piece/);
      }
      for (const item of feed.items.filter((pick) => !pick.exploratory)) {
        expect(item.propensity).toBe(1);
        expect(item.reason.kind).not.toBe("exploring");
      }
      await expectRulesHold(feed, shopperId);
    }
  });

  it("stores every served slot with the policy, the version and exactly the propensity it served", async () => {
    const shopperId = `stored-${randomUUID()}`;
    const feed = await recommendFeed(exploringRuntime(), { k: 12 }, audience(shopperId));
    const rows = await storedImpressions(feed.requestId);
    expect(rows).toHaveLength(12);
    rows.forEach((row, i) => {
      const item = feed.items[i];
      expect(row).toMatchObject({
        requestId: feed.requestId,
        shopperId,
        productId: item?.id,
        slot: item?.slot,
        modelVersionId: fixture.versionId,
        policy: EXPLORATION_POLICY,
        exploratory: item?.exploratory,
        surface: "feed",
      });
      // Bit for bit: the impression writer sends the double as JavaScript writes it.
      expect(row.propensity).toBe(item?.propensity);
    });
    const api = await recommendFeed(exploringRuntime(), { k: 12 }, audience(undefined), DEFAULT_FEED_RULES, "api-feed");
    const apiRows = await storedImpressions(api.requestId);
    expect(apiRows.map((row) => [row.surface, row.shopperId])).toEqual(Array(12).fill(["api-feed", null]));
  });

  it("replays a served request from the logs alone: its seed from the request id, its evidence as of its step", async () => {
    const runtime = exploringRuntime();
    const shopperId = "shopper-pendant-1";
    const feed = await recommendFeed(runtime, { k: 12 }, audience(shopperId));
    const rows = await storedImpressions(feed.requestId);
    const servedAt = rows[0]?.servedAt ?? new Date(Number.NaN);
    const step = evidenceStepOf(servedAt);
    const evidence = buildEvidenceSnapshot(await listExplorationEvidence(fixture.database.sql, new Date(step)), step);
    const snapshot = await runtime.serving.current();
    const rules = DEFAULT_FEED_RULES;
    const signals = await loadShopperSignals(fixture.database.sql, shopperId, {
      windowMs: rules.recentWindowMs,
      limit: rules.recentLimit,
    });
    const ranked = rankFeed(snapshot, shopperId, signals, 12, rules);
    const replayed = exploreFeed({
      snapshot,
      evidence,
      config: EXPLORING,
      rules,
      greedy: ranked.greedy,
      ranked: ranked.ordered,
      excludedIds: new Set([...signals.purchasedIds, ...signals.recent.map((action) => action.productId)]),
      shopperId,
      requestId: feed.requestId,
    });
    expect(replayed.map((pick) => [pick.slot, pick.item.product.id, pick.propensity, pick.exploratory])).toEqual(
      rows.map((row) => [row.slot, row.productId, row.propensity, row.exploratory]),
    );
  });

  it("gives the shop backends' HTTP API feed the same layer, flags and log (surface api-feed)", async () => {
    const runtime = exploringRuntime();
    const operator = { name: "worker:test@host", role: "operator" } as const;
    const { secret } = await createApiKey(fixture.database.db, operator, { name: "storefront", scope: "read" });
    const api = await startShopApiServer({
      runtime: () => runtime,
      defaultLanguage: () => "zh",
      rateLimiter: () => runtime.rateLimiter,
    });
    try {
      const customerId = `customer-${randomUUID()}`;
      const response = await fetch(`${api.baseUrl}/recommendations`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
        body: JSON.stringify({ customerId, k: 12, locale: "en" }),
      });
      expect(response.status).toBe(200);
      const feed = (await response.json()) as Omit<Feed, "items"> & { items: Array<FeedItem & { why: string }> };
      expect(FeedSchema.strict().safeParse(feed).error).toBeUndefined();
      expect(feed.policy).toBe(EXPLORATION_POLICY);
      const exploratory = feed.items.filter((item) => item.exploratory);
      expect(exploratory.map((item) => item.slot)).toEqual([3, 9]);
      for (const item of exploratory) expect(item.why).toBe(describeReason({ kind: "exploring" }, "en"));
      const rows = await storedImpressions(feed.requestId);
      expect(rows.map((row) => [row.slot, row.productId, row.propensity, row.surface, row.shopperId])).toEqual(
        feed.items.map((item) => [item.slot, item.id, item.propensity, "api-feed", customerId]),
      );
    } finally {
      await api.close();
    }
  });

  it("explores beyond the model's next picks: never-shown items, and items the model cannot rate", async () => {
    const runtime = exploringRuntime();
    const snapshot = await runtime.serving.current();
    const greedy = new Set(
      capPerCategory(coldStartOrder(snapshot, DEFAULT_FEED_RULES.candidatePool), 12, 12, 3).map(
        (pick) => pick.product.sku,
      ),
    );
    const explored = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const feed = await recommendFeed(runtime, { k: 12 }, audience(`visitor-${i}-${randomUUID()}`));
      for (const item of feed.items.filter((pick) => pick.exploratory)) explored.add(item.sku);
    }
    expect([...explored].some((sku) => greedy.has(sku))).toBe(false);
    expect(explored.size).toBeGreaterThanOrEqual(8);
    const unknownToModel = [...explored].filter((sku) => snapshot.model.recommender.items.find(sku) === undefined);
    expect(unknownToModel.length).toBeGreaterThan(0);
    // The pool's index lists, per taste key, exactly the in-stock products this version cannot rate (never bought
    // before it was trained, so not in its item universe), which the taste part takes first.
    const index = (await runtime.exploration.evidence.at(new Date())).index(snapshot);
    const unrated = snapshot.catalog.products.filter(
      (product) => product.inStock && snapshot.model.recommender.items.find(product.sku) === undefined,
    );
    expect(unrated.length).toBeGreaterThan(0);
    const listed = new Set([...index.unratedByTaste.values()].flatMap((list) => list.map((product) => product.sku)));
    expect([...listed].sort()).toEqual(unrated.map((product) => product.sku).sort());
    for (const product of unrated) {
      expect(index.unratedByTaste.get(`category:${product.category}`)?.map((p) => p.sku)).toContain(product.sku);
    }
  });

  it("moves an item's chances with its evidence, without retraining", async () => {
    const runtime = exploringRuntime();
    const before = await runtime.exploration.evidence.at(new Date(Date.now() + EVIDENCE_STEP_MS));
    const feed = await recommendFeed(runtime, { k: 12 }, audience(`evidence-${randomUUID()}`));
    const pick = feed.items.find((item) => item.exploratory);
    if (!pick) throw new Error("no exploratory pick");
    const shopperId = `clicker-${randomUUID()}`;
    const clicked = await recommendFeed(runtime, { k: 12 }, audience(shopperId));
    const target = clicked.items.find((item) => item.exploratory);
    if (!target) throw new Error("no exploratory pick");
    await fixture.caller(shopperId).events.log({
      events: [{ idempotencyKey: randomUUID(), type: "click", productId: target.id, attribution: target.attribution }],
    });
    // The next step's evidence counts what happened before it: the feed, the click.
    const after = await runtime.exploration.evidence.at(new Date(Date.now() + 2 * EVIDENCE_STEP_MS));
    expect(after.of(pick.id).impressions).toBeGreaterThan(before.of(pick.id).impressions);
    expect(after.of(target.id).rewards).toBe(before.of(target.id).rewards + 1);
  });

  it("with exploration off serves the pure greedy feed and logs it as greedy with propensity 1", async () => {
    const shopperId = `greedy-${randomUUID()}`;
    const snapshot = await fixture.runtime.serving.current();
    const expected = capPerCategory(coldStartOrder(snapshot, DEFAULT_FEED_RULES.candidatePool), 12, 12, 3);
    const feed = await recommendFeed(fixture.runtime, { k: 12 }, audience(shopperId));
    expect(feed.policy).toBe(GREEDY_POLICY);
    expect(feed.items.map((item) => item.sku)).toEqual(expected.map((pick) => pick.product.sku));
    expect(feed.items.every((item) => !item.exploratory && item.propensity === 1)).toBe(true);
    const rows = await storedImpressions(feed.requestId);
    expect(rows.map((row) => [row.productId, row.policy, row.propensity, row.exploratory])).toEqual(
      feed.items.map((item) => [item.id, GREEDY_POLICY, 1, false]),
    );
  });
});
