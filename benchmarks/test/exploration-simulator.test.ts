import type { CatalogItem, Interaction } from "@jewelguide/model";
import { createInteractionDataset, createRecommender } from "@jewelguide/model";
import { DEFAULT_EXPLORATION_CONFIG } from "@jewelguide/model/exploration";
import { describe, expect, it } from "vitest";
import { buildSimulationWorld, type WorldOptions } from "../src/exploration/build-simulation-world";
import { type ClickModel, describeTargets, POSITION_BASED_CLICKS } from "../src/exploration/click-model";
import { FEED } from "../src/exploration/exploration-plan";
import { exploringPolicy } from "../src/exploration/exploring-policy";
import { greedyPolicy } from "../src/exploration/greedy-policy";
import { clickDraw, type ObservedVisit, simulateDays } from "../src/exploration/simulate-days";
import { createOffPolicyValidator } from "../src/exploration/validate-off-policy";

const CATEGORIES = ["ring", "necklace", "pendant", "earring", "bracelet", "brooch", "watch", "other"] as const;
const DAY = 86_400_000;

/** 40 items in 8 categories; pairs (p2k, p2k+1) are bought together before the cut, so item-kNN links them. */
function syntheticShop(): { catalog: CatalogItem[]; purchases: Interaction[] } {
  const catalog: CatalogItem[] = Array.from({ length: 40 }, (_, i) => ({
    itemId: `p${i}`,
    category: CATEGORIES[i % 8] as CatalogItem["category"],
    metal: i % 3 === 0 ? "gold" : "silver",
    gem: null,
    color: null,
    gender: null,
    price: 100 + i,
    brand: null,
  }));
  const purchases: Interaction[] = [];
  // Before the cut: 60 shoppers each buy one linked pair (p0,p1) … (p28,p29); p30…p39 are never sold before.
  for (let u = 0; u < 60; u++) {
    const pair = (u % 15) * 2;
    for (const item of [pair, pair + 1]) {
      purchases.push({ userId: `old${u}`, itemId: `p${item}`, type: "purchase", timestamp: u * 1000 });
    }
  }
  // The period: 20 shoppers buy p(2k) first and p(2k+1) later; shopper new0 also later buys the unsold p35.
  for (let s = 0; s < 20; s++) {
    const pair = (s % 15) * 2;
    const at = 100 * DAY + s * 1000;
    purchases.push({ userId: `new${s}`, itemId: `p${pair}`, type: "purchase", timestamp: at });
    purchases.push({ userId: `new${s}`, itemId: `p${pair + 1}`, type: "purchase", timestamp: at + 5 * DAY });
    if (s === 0) purchases.push({ userId: "new0", itemId: "p35", type: "purchase", timestamp: at + 6 * DAY });
  }
  return { catalog, purchases };
}

/** 41 of the 161 purchases are the period's: the cut falls between the two groups. */
const WORLD: WorldOptions = {
  simulatedShare: 0.25,
  heldOutItemShare: 0,
  unsoldShare: 0,
  days: 5,
  maxShoppers: 100,
  seed: 0,
};

/** A click model without chance: every shown real later purchase is clicked (and bought), nothing else is. */
const CERTAIN_CLICKS: ClickModel = {
  examination: () => 1,
  attraction: (item, targets) => (targets.items.has(item.itemId) ? 1 : 0),
};

async function fittedWorld(options: Partial<WorldOptions> = {}) {
  const { catalog, purchases } = syntheticShop();
  const world = buildSimulationWorld(catalog, purchases, { ...WORLD, ...options });
  const model = createRecommender("itemknn", {});
  await model.fit(createInteractionDataset({ interactions: world.training, catalog: world.catalog }));
  return { world, model };
}

describe("buildSimulationWorld", () => {
  it("cuts in time: earlier purchases train, shoppers arrive with their first basket and want their later purchases", () => {
    const { catalog, purchases } = syntheticShop();
    const world = buildSimulationWorld(catalog, purchases, WORLD);
    expect(world.training.every((row) => row.userId.startsWith("old"))).toBe(true);
    expect(world.shoppers).toHaveLength(20);
    const first = world.shoppers.find((shopper) => shopper.userId === "new0");
    expect(first).toMatchObject({ arrivalBasket: ["p0"], targets: ["p1", "p35"] });
    // p35 is sold only in the period: new by nature.
    expect([...world.newItemIds]).toEqual(["p35"]);
    expect(world.shoppers.every((shopper) => shopper.arrivalDay >= 0 && shopper.arrivalDay < WORLD.days)).toBe(true);
  });

  it("holds out a seeded share of the items sold in both periods: their training rows go, they become new", () => {
    const { catalog, purchases } = syntheticShop();
    const world = buildSimulationWorld(catalog, purchases, { ...WORLD, heldOutItemShare: 0.5 });
    expect(world.heldOutItemIds.size).toBeGreaterThan(0);
    for (const itemId of world.heldOutItemIds) {
      expect(world.newItemIds.has(itemId)).toBe(true);
      expect(world.training.some((row) => row.itemId === itemId)).toBe(false);
    }
    const again = buildSimulationWorld(catalog, purchases, { ...WORLD, heldOutItemShare: 0.5 });
    expect([...again.heldOutItemIds]).toEqual([...world.heldOutItemIds]);
  });

  it("adds never-sold copies of catalog items beside the new ones: unrated, wanted by nobody, the same per seed", async () => {
    const { catalog, purchases } = syntheticShop();
    const world = buildSimulationWorld(catalog, purchases, { ...WORLD, heldOutItemShare: 0.5, unsoldShare: 2 });
    // Twice as many as the new items, each a catalog item's attributes under its own id.
    expect(world.unsoldItemIds.size).toBe(2 * world.newItemIds.size);
    expect(world.catalog).toHaveLength(catalog.length + world.unsoldItemIds.size);
    const byId = new Map(catalog.map((item) => [item.itemId, item]));
    for (const itemId of world.unsoldItemIds) {
      const copy = world.catalog.find((item) => item.itemId === itemId) as CatalogItem;
      expect(byId.has(itemId)).toBe(false);
      expect(catalog.some((item) => item.category === copy.category && item.metal === copy.metal)).toBe(true);
      expect(world.training.some((row) => row.itemId === itemId)).toBe(false);
      expect(world.shoppers.some((shopper) => shopper.targets.includes(itemId))).toBe(false);
    }
    const again = buildSimulationWorld(catalog, purchases, { ...WORLD, heldOutItemShare: 0.5, unsoldShare: 2 });
    expect(again.catalog).toEqual(world.catalog);
    // The served model cannot rate them, and an exploring feed shows them (counted apart from the new items).
    const model = createRecommender("itemknn", {});
    await model.fit(createInteractionDataset({ interactions: world.training, catalog: world.catalog }));
    for (const itemId of world.unsoldItemIds)
      expect(model.learnedFromBehaviour(model.items.indexOf(itemId))).toBe(false);
    const run = simulateDays({
      world,
      model,
      policy: exploringPolicy("explore", 12, FEED, { ...DEFAULT_EXPLORATION_CONFIG, slots: [3, 9] }),
      clickModel: POSITION_BASED_CLICKS,
      seed: 1,
      ...FEED,
    });
    expect(run.days.reduce((sum, day) => sum + day.unsoldItemImpressions, 0)).toBeGreaterThan(0);
    expect([...run.firstPurchaseDay.keys()].some((itemId) => world.unsoldItemIds.has(itemId))).toBe(false);
  });

  it("names a bad option", () => {
    const { catalog, purchases } = syntheticShop();
    expect(() => buildSimulationWorld(catalog, purchases, { ...WORLD, simulatedShare: 1 })).toThrow(/simulatedShare/);
    expect(() => buildSimulationWorld(catalog, purchases, { ...WORLD, days: 0 })).toThrow(/days/);
    expect(() => buildSimulationWorld(catalog, purchases, { ...WORLD, heldOutItemShare: -0.1 })).toThrow(
      /heldOutItemShare/,
    );
    expect(() => buildSimulationWorld(catalog, purchases, { ...WORLD, unsoldShare: Number.NaN })).toThrow(
      /unsoldShare/,
    );
  });
});

describe("the click model", () => {
  it("examines the top slot always and lower slots less; a real later purchase attracts most", () => {
    const { catalog } = syntheticShop();
    const byId = new Map(catalog.map((item) => [item.itemId, item]));
    const targets = describeTargets(["p0"], byId);
    const at = (id: string) => POSITION_BASED_CLICKS.attraction(byId.get(id) as CatalogItem, targets);
    expect(POSITION_BASED_CLICKS.examination(0)).toBe(1);
    expect(POSITION_BASED_CLICKS.examination(11)).toBeLessThan(POSITION_BASED_CLICKS.examination(3));
    // p0: the target; p24: same category and metal (ring, gold); p8: same category (ring, silver); p1: other.
    expect(at("p0")).toBeGreaterThan(at("p24"));
    expect(at("p24")).toBeGreaterThan(at("p8"));
    expect(at("p8")).toBeGreaterThan(at("p1"));
    expect(() => describeTargets(["nope"], byId)).toThrow(/nope/);
  });

  it("draws one uniform per shopper, day and item: the same wherever a policy puts the item, independent otherwise", () => {
    // The same (seed, shopper, day, item) always meets the same draw, so two policies that show it that day agree on
    // whether it would be clicked at a slot; any other part changed gives another draw.
    expect(clickDraw(1, 7, 3, 42)).toBe(clickDraw(1, 7, 3, 42));
    const others = [clickDraw(2, 7, 3, 42), clickDraw(1, 8, 3, 42), clickDraw(1, 7, 4, 42), clickDraw(1, 7, 3, 43)];
    for (const other of others) expect(other).not.toBe(clickDraw(1, 7, 3, 42));
    // Uniform on [0, 1): over 20,000 items the mean is 1/2 and each tenth holds about a tenth (chi-square, 9 degrees
    // of freedom, 99.9 % quantile 27.9); neighbouring items' draws are uncorrelated.
    const draws = Array.from({ length: 20_000 }, (_, item) => clickDraw(5, 1, 0, item));
    expect(draws.every((draw) => draw >= 0 && draw < 1)).toBe(true);
    const mean = draws.reduce((sum, draw) => sum + draw, 0) / draws.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    const tenths = Array.from({ length: 10 }, () => 0);
    for (const draw of draws) tenths[Math.floor(draw * 10)] = (tenths[Math.floor(draw * 10)] as number) + 1;
    const chiSquare = tenths.reduce((sum, count) => sum + (count - 2_000) ** 2 / 2_000, 0);
    expect(chiSquare).toBeLessThan(27.9);
    let lag = 0;
    for (let i = 1; i < draws.length; i++) lag += ((draws[i] as number) - 0.5) * ((draws[i - 1] as number) - 0.5);
    expect(Math.abs(lag / (draws.length - 1) / (1 / 12))).toBeLessThan(0.05);
  });
});

describe("simulateDays", () => {
  it("greedy: shoppers buy the later purchase the model links to their first basket; same seed, same run", async () => {
    const { world, model } = await fittedWorld();
    const run = () =>
      simulateDays({
        world,
        model,
        policy: greedyPolicy("greedy", 12, FEED),
        clickModel: CERTAIN_CLICKS,
        seed: 3,
        ...FEED,
      });
    const first = run();
    const last = first.days[first.days.length - 1];
    // Every shopper's partner item is the model's top neighbour of their basket; p35 (never sold before) is not found.
    expect(last?.cumulativePurchases).toBe(20);
    expect(first.firstPurchaseDay.size).toBe(0);
    expect(last?.newItemsDiscovered).toBe(0);
    // Nor is it ever shown, so it earns no click either.
    expect(first.firstClickDay.size).toBe(0);
    expect(first.days.every((day) => day.newItemImpressions === 0)).toBe(true);
    expect(last?.newItemsClicked).toBe(0);
    expect(run().days).toEqual(first.days);
  });

  it("exploring: picks come from outside the greedy slate with propensities, the category cap holds, a new item sells", async () => {
    const { world, model } = await fittedWorld({ days: 10 });
    const visits: ObservedVisit[] = [];
    const config = { ...DEFAULT_EXPLORATION_CONFIG, slots: [0, 1, 2, 3, 4, 5, 6, 7, 8], poolSize: 40 };
    const run = simulateDays({
      world,
      model,
      policy: exploringPolicy("explore", 12, FEED, config),
      clickModel: CERTAIN_CLICKS,
      seed: 1,
      ...FEED,
      observe: (visit) => visits.push(visit),
    });
    expect(visits.length).toBeGreaterThan(0);
    for (const { served, context } of visits) {
      const categories = new Map<string, number>();
      for (const pick of served.picks) {
        const category = context.catalogAt[pick.itemIndex]?.category ?? "";
        categories.set(category, (categories.get(category) ?? 0) + 1);
        expect(context.isExcluded(pick.itemIndex)).toBe(false);
        if (pick.exploratory) expect(pick.propensity).toBeGreaterThan(0);
        else expect(pick.propensity).toBe(1);
        expect(pick.propensity).toBeLessThanOrEqual(1);
      }
      for (const count of categories.values()) expect(count).toBeLessThanOrEqual(FEED.maxPerCategory);
      expect(new Set(served.picks.map((pick) => pick.itemIndex)).size).toBe(served.picks.length);
    }
    expect(run.days[run.days.length - 1]?.coverage).toBeGreaterThan(0.5);
    // The unsold p35 is in every pool (9 of ~27 candidates shown a day); every impression of it is counted: the
    // observed visits' picks of p35, day by day.
    const p35 = model.items.indexOf("p35");
    const shownPerDay = run.days.map(
      (day) =>
        visits
          .filter((visit) => visit.context.day === day.day)
          .flatMap((visit) => visit.served.picks.slice(0, 12))
          .filter((pick) => pick.itemIndex === p35).length,
    );
    expect(run.days.map((day) => day.newItemImpressions)).toEqual(shownPerDay);
    expect(shownPerDay.reduce((sum, shown) => sum + shown, 0)).toBeGreaterThan(0);
  });

  it("exploring: the never-sold p35 reaches its one buyer, and its first click is that sale, on most seeds", async () => {
    const { world, model } = await fittedWorld({ days: 10 });
    const config = { ...DEFAULT_EXPLORATION_CONFIG, slots: [0, 1, 2, 3, 4, 5, 6, 7, 8], poolSize: 40 };
    const runs = Array.from({ length: 10 }, (_, seed) =>
      simulateDays({
        world,
        model,
        policy: exploringPolicy("explore", 12, FEED, config),
        clickModel: CERTAIN_CLICKS,
        seed,
        ...FEED,
      }),
    );
    // It is one of ~27 candidates for 9 slots, but outside new0's categories and metals, and Thompson sampling turns
    // away from it as others see it without clicking: sold on 5 of these 10 seeds (greedy: never, the test above).
    const sold = runs.filter((run) => run.firstPurchaseDay.has("p35"));
    expect(sold.length).toBeGreaterThanOrEqual(3);
    for (const run of sold) {
      // Only a real later purchase is clicked here, so its first click is its sale.
      expect(run.firstClickDay.get("p35")).toBe(run.firstPurchaseDay.get("p35"));
      expect(run.days[run.days.length - 1]?.newItemsDiscovered).toBe(1);
      expect(run.days[run.days.length - 1]?.newItemsClicked).toBe(1);
    }
  });
});

describe("createOffPolicyValidator", () => {
  it("logs one decision per exploring visit and a truth within [0, 1] for each target", async () => {
    const { world, model } = await fittedWorld();
    const config = { ...DEFAULT_EXPLORATION_CONFIG, slots: [3, 9] };
    const validator = createOffPolicyValidator([
      { name: "same config", config },
      { name: "floor 0.5", config: { ...config, floor: 0.5 } },
    ]);
    let exploringVisits = 0;
    simulateDays({
      world,
      model,
      policy: exploringPolicy("explore", 12, FEED, config),
      clickModel: POSITION_BASED_CLICKS,
      seed: 2,
      ...FEED,
      observe: (visit) => {
        if (visit.served.picks.some((pick) => pick.exploratory)) exploringVisits += 1;
        validator.observe(visit);
      },
    });
    const results = validator.results();
    expect(results.map((result) => result.name)).toEqual(["same config", "floor 0.5"]);
    for (const result of results) {
      expect(result.offPolicy.decisions).toBe(exploringVisits);
      expect(result.truth.estimate).toBeGreaterThanOrEqual(0);
      expect(result.truth.estimate).toBeLessThanOrEqual(1);
      expect(result.offPolicy.supportedShare.estimate).toBeGreaterThan(0);
    }
  });
});
