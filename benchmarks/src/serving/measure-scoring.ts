import { type DbHandle, readVersionArtifact } from "@jewelguide/db";
import {
  CATEGORIES,
  type CatalogItem,
  createInteractionDataset,
  createRecommender,
  createRng,
  deserializeRecommender,
  type Interaction,
  METALS,
  type Recommender,
  type Rng,
} from "@jewelguide/model";

export type ScoringResult = {
  catalog: string;
  kind: string;
  items: number;
  users: number;
  k: number;
  filter: string;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  meanMs: number;
  fitSeconds?: number;
};

const K = 20;
const FILTER = "in stock (≈90 % of items) + history excluded";

/**
 * Times `recommend(user, { k: 20, filter })` once per user (after a warm-up pass), each call on its own clock.
 * The filter is an index → boolean test on a precomputed Uint8Array, as the serving snapshot does.
 */
export function timeRecommend(
  recommender: Recommender,
  users: readonly string[],
  servable: Uint8Array,
): Omit<ScoringResult, "catalog" | "kind" | "items" | "filter"> {
  const filter = (index: number) => servable[index] === 1;
  for (const user of users.slice(0, 100)) recommender.recommend(user, { k: K, filter });
  const times: number[] = [];
  for (const user of users) {
    const started = process.hrtime.bigint();
    recommender.recommend(user, { k: K, filter, excludeSeen: true });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => round(times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN);
  return {
    users: times.length,
    k: K,
    p50Ms: at(0.5),
    p90Ms: at(0.9),
    p99Ms: at(0.99),
    meanMs: round(times.reduce((a, b) => a + b, 0) / times.length),
  };
}

/**
 * The active model version on the real catalog: 1,000 known shoppers, in-stock filter. Null without an active one. The
 * artifact is read as the web process reads it (readVersionArtifact, in pieces), so the process's RSS afterwards is
 * the model's, not a one-piece Prisma read's.
 */
export async function measureActiveModel(
  { db, sql }: Pick<DbHandle, "db" | "sql">,
  users: number,
  seed: number,
): Promise<ScoringResult | null> {
  const version = await db.modelVersion.findFirst({
    where: { status: "active" },
    select: { id: true, kind: true },
    orderBy: { activatedAt: "desc" },
  });
  const artifact = version ? await readVersionArtifact(sql, version.id) : null;
  if (!version || !artifact) return null;
  const recommender = deserializeRecommender(artifact);
  // As the web app serves it (model-serving's deserializeForServing): the joint model scores on TF.js.
  await recommender.prepareForServing();
  const products = await db.product.findMany({ select: { sku: true, inStock: true } });
  const inStock = new Map(products.map((product) => [product.sku, product.inStock]));
  const servable = new Uint8Array(recommender.items.size);
  for (let i = 0; i < servable.length; i++) servable[i] = inStock.get(recommender.items.idAt(i)) ? 1 : 0;
  const candidates = await db.user.findMany({ select: { externalId: true }, where: { interactions: { some: {} } } });
  const rng = createRng(seed);
  const known = candidates.map((user) => user.externalId).filter((id) => recommender.knowsUser(id));
  const picked = Array.from({ length: users }, () => known[rng.nextInt(known.length)] ?? "");
  return {
    catalog: `demo DB (${products.length} products)`,
    kind: `${version.kind} (version ${version.id})`,
    items: recommender.items.size,
    filter: FILTER,
    ...timeRecommend(recommender, picked, servable),
  };
}

/**
 * A synthetic shop of `items` items: users with 3–30 events each, item popularity Zipf-like, each user mostly
 * inside one of 50 taste clusters (so item-item similarity has structure). Fits each kind, then times it.
 */
export async function measureSyntheticModels(options: {
  items: number;
  users: number;
  scoredUsers: number;
  kinds: ReadonlyArray<{ kind: string; config: unknown }>;
  seed: number;
  log: (text: string) => void;
}): Promise<ScoringResult[]> {
  const rng = createRng(options.seed);
  const catalog: CatalogItem[] = Array.from({ length: options.items }, (_, i) => ({
    itemId: `syn-${i}`,
    category: CATEGORIES[i % CATEGORIES.length] ?? "other",
    metal: METALS[i % METALS.length] ?? null,
    gem: i % 3 === 0 ? "diamond" : null,
    color: null,
    gender: null,
    price: 50 + ((i * 37) % 5000),
    brand: null,
  }));
  const interactions = syntheticInteractions(options.items, options.users, rng);
  const dataset = createInteractionDataset({ interactions, catalog });
  const servable = new Uint8Array(options.items).map(() => (rng.next() < 0.9 ? 1 : 0));
  const userIds = Array.from({ length: options.scoredUsers }, () => `u-${rng.nextInt(options.users)}`);
  const results: ScoringResult[] = [];
  for (const { kind, config } of options.kinds) {
    options.log(`fitting ${kind} on ${options.items} synthetic items, ${interactions.length} events`);
    const recommender = createRecommender(kind, config);
    const started = Date.now();
    await recommender.fit(dataset, { seed: options.seed });
    const fitSeconds = round((Date.now() - started) / 1000);
    await recommender.prepareForServing();
    results.push({
      catalog: `synthetic (${options.items} items, ${options.users} users)`,
      kind,
      items: recommender.items.size,
      filter: FILTER,
      fitSeconds,
      ...timeRecommend(recommender, userIds, servable),
    });
  }
  return results;
}

function syntheticInteractions(items: number, users: number, rng: Rng): Interaction[] {
  const clusters = 50;
  const perCluster = Math.ceil(items / clusters);
  const out: Interaction[] = [];
  const zipf = (n: number) => Math.min(n - 1, Math.floor(n * rng.next() ** 3));
  for (let u = 0; u < users; u++) {
    const cluster = rng.nextInt(clusters);
    const events = 3 + rng.nextInt(28);
    for (let e = 0; e < events; e++) {
      const inCluster = rng.next() < 0.8;
      const item = inCluster ? Math.min(items - 1, cluster * perCluster + zipf(perCluster)) : zipf(items);
      const roll = rng.next();
      const type = roll < 0.7 ? "view" : roll < 0.85 ? "cart" : roll < 0.93 ? "favorite" : "purchase";
      out.push({ userId: `u-${u}`, itemId: `syn-${item}`, type, timestamp: 1_700_000_000_000 + u * 1000 + e });
    }
  }
  return out;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
