import crypto from "node:crypto";
import { buildExplorationIndex, type ExplorationIndex } from "@jewelguide/api/exploration-pool";
import { interleaveCategories } from "@jewelguide/api/feed-rules";
import { type CatalogItem, createRng, type Recommender } from "@jewelguide/model";
import { explorationSeed } from "@jewelguide/model/exploration";
import type { SimulationWorld } from "./build-simulation-world";
import { type ClickModel, describeTargets, type ShopperTargets } from "./click-model";
import type {
  FeedPolicy,
  ItemEvidence,
  RankedCandidate,
  ServedSlate,
  SimulatedProduct,
  VisitContext,
} from "./feed-policy";

/** One simulated day's totals; the `cumulative*`, coverage and discovery fields count from day 0 through this day. */
export type DayMetrics = {
  day: number;
  visits: number;
  impressions: number;
  clicks: number;
  purchases: number;
  exploratoryImpressions: number;
  exploratoryClicks: number;
  /** Impressions of new items (world.newItemIds) this day, exploratory or not. */
  newItemImpressions: number;
  /** Impressions of never-sold products (world.unsoldItemIds) this day, exploratory or not. */
  unsoldItemImpressions: number;
  cumulativeClicks: number;
  cumulativePurchases: number;
  /** Distinct catalog items shown at least once so far, over the catalog's size. */
  coverage: number;
  /** New items (world.newItemIds) with at least one simulated purchase so far, over all new items. */
  newItemsDiscovered: number;
  /**
   * New items with at least one simulated click so far, over all new items: the first evidence about an item (the
   * bandit's posterior moves with it; a sale needs one of its one or two real buyers to see it).
   */
  newItemsClicked: number;
};

export type SimulationRun = {
  policy: string;
  days: DayMetrics[];
  /** The day of each new item's first simulated purchase. */
  firstPurchaseDay: Map<string, number>;
  /** The day of each new item's first simulated click (a purchase is a click too). */
  firstClickDay: Map<string, number>;
};

/** A served visit as an observer sees it (the off-policy validation reads the logged decisions this way). */
export type ObservedVisit = {
  context: VisitContext;
  served: ServedSlate;
  clicked: readonly boolean[];
  /** The click model's exact P(click) of an item in a slot for this shopper. */
  clickProbability: (itemIndex: number, slot: number) => number;
};

export type SimulationOptions = {
  world: SimulationWorld;
  model: Recommender;
  policy: FeedPolicy;
  clickModel: ClickModel;
  seed: number;
  /** Feed length (the shop's default 12). */
  k: number;
  /** Ranked candidates the model returns before the rules (the feed's candidatePool). */
  candidatePool: number;
  /** At most this many recent items are folded into the shopper's query (the feed's recentLimit). */
  recentLimit: number;
  observe?: (visit: ObservedVisit) => void;
  onDay?: (metrics: DayMetrics) => void;
};

type ShopperState = {
  userId: string;
  arrivalDay: number;
  known: boolean;
  targets: ShopperTargets;
  /** Clicked and bought items in the simulation, oldest first (folded into the next feed like the server's recent events). */
  recent: string[];
  bought: Set<number>;
  /** The items the model was fitted on for this shopper (their history before the simulation). */
  trained: readonly number[];
};

/**
 * Runs one feed policy over the simulated days. Each day every shopper who has arrived visits once: the model scores
 * them from what it was fitted on plus their simulated clicks and purchases (folded in, never refitted), the policy
 * serves a slate, and the click model decides clicks and purchases with one seeded draw per shopper, day and item
 * (clickDraw: the same for every policy, so policies meet the same shopper behaviour item by item). Impressions and clicks become the evidence the next day
 * reads. Same seed, same run.
 */
export function simulateDays(options: SimulationOptions): SimulationRun {
  const { world, model, policy, clickModel, seed, k } = options;
  const itemCount = model.items.size;
  const catalogById = new Map(world.catalog.map((item) => [item.itemId, item]));
  const catalogAt: CatalogItem[] = Array.from({ length: itemCount }, (_, index) => {
    const item = catalogById.get(model.items.idAt(index));
    if (item === undefined) throw new Error(`model item ${model.items.idAt(index)} is not in the world's catalog`);
    return item;
  });
  const trainedBy = new Map<string, number[]>();
  // What the served model cannot rate from behaviour, as the shop decides it (Recommender.learnedFromBehaviour): the
  // items without a training row: the world's new items and its never-sold products (every REES46 catalog item is
  // bought at some time).
  const unrated = Uint8Array.from({ length: itemCount }, (_, index) => (model.learnedFromBehaviour(index) ? 0 : 1));
  for (const row of world.training) {
    const items = trainedBy.get(row.userId) ?? [];
    const index = model.items.indexOf(row.itemId);
    items.push(index);
    trainedBy.set(row.userId, items);
  }
  const shoppers: ShopperState[] = world.shoppers.map((shopper) => ({
    userId: shopper.userId,
    arrivalDay: shopper.arrivalDay,
    known: model.knowsUser(shopper.userId),
    targets: describeTargets(shopper.targets, catalogById),
    recent: [...shopper.arrivalBasket],
    bought: new Set(shopper.arrivalBasket.map((itemId) => model.items.indexOf(itemId))),
    trained: trainedBy.get(shopper.userId) ?? [],
  }));
  const evidence: ItemEvidence = { impressions: new Float64Array(itemCount), rewards: new Float64Array(itemCount) };
  const shown = new Uint8Array(itemCount);
  let shownCount = 0;
  const newIndices = new Set([...world.newItemIds].map((itemId) => model.items.indexOf(itemId)));
  const unsoldIndices = new Set([...world.unsoldItemIds].map((itemId) => model.items.indexOf(itemId)));
  const firstPurchaseDay = new Map<string, number>();
  const firstClickDay = new Map<string, number>();
  const days: DayMetrics[] = [];
  let cumulativeClicks = 0;
  let cumulativePurchases = 0;
  for (let day = 0; day < world.days; day++) {
    const frozen: ItemEvidence = {
      impressions: Float64Array.from(evidence.impressions),
      rewards: Float64Array.from(evidence.rewards),
    };
    // Every catalog item is in stock for the whole simulation.
    const products: SimulatedProduct[] = catalogAt.map((item, id) => ({
      id,
      category: item.category,
      metal: item.metal,
      gem: item.gem,
      gender: item.gender,
      price: item.price,
      inStock: true,
    }));
    let index: ExplorationIndex<SimulatedProduct> | undefined;
    const evidenceOf = (id: number) => ({
      impressions: frozen.impressions[id] as number,
      rewards: frozen.rewards[id] as number,
    });
    // Built once per day, as the shop builds it once per evidence step: the feed's own buildExplorationIndex.
    const today = {
      evidence: frozen,
      index: () => (index ??= buildExplorationIndex(products, evidenceOf, (id) => unrated[id] === 1)),
    };
    const metrics = {
      visits: 0,
      impressions: 0,
      clicks: 0,
      purchases: 0,
      exploratoryImpressions: 0,
      exploratoryClicks: 0,
      newItemImpressions: 0,
      unsoldItemImpressions: 0,
    };
    shoppers.forEach((shopper, shopperIndex) => {
      if (shopper.arrivalDay > day) return;
      const context = visitContext(options, shopper, shopperIndex, day, today, catalogAt, products);
      const served = policy.serve(context);
      const picks = served.picks.slice(0, k);
      const clickProbability = (itemIndex: number, slot: number) =>
        clickModel.examination(slot) * clickModel.attraction(catalogAt[itemIndex] as CatalogItem, shopper.targets);
      const clicked = picks.map(
        (pick) => clickDraw(seed, shopperIndex, day, pick.itemIndex) < clickProbability(pick.itemIndex, pick.slot),
      );
      metrics.visits += 1;
      picks.forEach((pick, position) => {
        metrics.impressions += 1;
        evidence.impressions[pick.itemIndex] = (evidence.impressions[pick.itemIndex] as number) + 1;
        if (shown[pick.itemIndex] === 0) {
          shown[pick.itemIndex] = 1;
          shownCount += 1;
        }
        if (pick.exploratory) metrics.exploratoryImpressions += 1;
        const isNew = newIndices.has(pick.itemIndex);
        if (isNew) metrics.newItemImpressions += 1;
        if (unsoldIndices.has(pick.itemIndex)) metrics.unsoldItemImpressions += 1;
        if (!clicked[position]) return;
        metrics.clicks += 1;
        if (pick.exploratory) metrics.exploratoryClicks += 1;
        evidence.rewards[pick.itemIndex] = (evidence.rewards[pick.itemIndex] as number) + 1;
        const itemId = model.items.idAt(pick.itemIndex);
        if (isNew && !firstClickDay.has(itemId)) firstClickDay.set(itemId, day);
        shopper.recent.push(itemId);
        if (shopper.targets.items.has(itemId) && !shopper.bought.has(pick.itemIndex)) {
          shopper.bought.add(pick.itemIndex);
          metrics.purchases += 1;
          if (isNew && !firstPurchaseDay.has(itemId)) firstPurchaseDay.set(itemId, day);
        }
      });
      options.observe?.({ context, served, clicked, clickProbability });
    });
    cumulativeClicks += metrics.clicks;
    cumulativePurchases += metrics.purchases;
    const dayMetrics: DayMetrics = {
      day,
      ...metrics,
      cumulativeClicks,
      cumulativePurchases,
      coverage: shownCount / itemCount,
      newItemsDiscovered: world.newItemIds.size === 0 ? 0 : firstPurchaseDay.size / world.newItemIds.size,
      newItemsClicked: world.newItemIds.size === 0 ? 0 : firstClickDay.size / world.newItemIds.size,
    };
    days.push(dayMetrics);
    options.onDay?.(dayMetrics);
  }
  return { policy: policy.name, days, firstPurchaseDay, firstClickDay };
}

/** What the server has when this shopper asks for a feed: the model's ranking for them under the feed's rules. */
function visitContext(
  options: SimulationOptions,
  shopper: ShopperState,
  shopperIndex: number,
  day: number,
  today: { evidence: ItemEvidence; index: VisitContext["index"] },
  catalogAt: readonly CatalogItem[],
  products: readonly SimulatedProduct[],
): VisitContext {
  const { model, seed } = options;
  const recentItemIds = shopper.recent.slice(-options.recentLimit).filter((itemId) => model.items.has(itemId));
  const query = shopper.known ? { userId: shopper.userId, recentItemIds } : { recentItemIds };
  const personalised = shopper.known || recentItemIds.length > 0;
  const exclude = [...shopper.bought].map((index) => model.items.idAt(index));
  const ranked: RankedCandidate[] = model
    .recommend(query, { k: options.candidatePool, exclude, excludeSeen: true })
    .map((pick) => ({ score: pick.score, product: products[pick.itemIndex] as SimulatedProduct }));
  // As of the request: the visit's own clicks and purchases come after it.
  const bought = new Set(shopper.bought);
  const seen = new Set([...shopper.trained, ...shopper.recent.flatMap((itemId) => model.items.find(itemId) ?? [])]);
  return {
    day,
    shopperIndex,
    userId: shopper.userId,
    // A shopper the model knows nothing about gets popular picks spread across categories, as the feed serves them.
    ranked: personalised ? ranked : interleaveCategories(ranked),
    isExcluded: (itemIndex) => bought.has(itemIndex) || seen.has(itemIndex),
    // As the feed's signals: every purchase, and the recent items folded into the query.
    taste: [
      ...new Set([...shopper.trained, ...bought, ...recentItemIds.map((itemId) => model.items.indexOf(itemId))]),
    ].map((index) => products[index] as SimulatedProduct),
    evidence: today.evidence,
    index: today.index,
    model,
    catalogAt,
    // Seeded like a served request (explorationSeed of its request id), so a visit's draws can be replayed.
    rng: createRng(explorationSeed(`simulation|${seed}|${shopperIndex}|${day}`)),
  };
}

/**
 * The uniform draw that decides whether this shopper clicks this item on this day: a hash of (seed, shopper, day,
 * item), so every policy that shows the shopper the same item that day meets the same draw, wherever it puts it (the
 * item is clicked when the draw falls below its P(click) at the slot). The draws are independent across items and
 * days, as the position-based model's clicks are; sharing them between policies (common random numbers) makes the
 * paired differences measure the policies, not which of a visit's draws a shifted item happened to meet.
 */
export function clickDraw(seed: number, shopperIndex: number, day: number, itemIndex: number): number {
  const hash = crypto.createHash("sha256").update(`clicks|${seed}|${shopperIndex}|${day}|${itemIndex}`).digest();
  return hash.readUInt32LE(0) / 2 ** 32;
}
