import fs from "node:fs";
import path from "node:path";
import { createRng, type Rng } from "@jewelguide/model";
import type { ProductAttributes, ShopProfile } from "./shop-profile";
import { createWeightedSampler } from "./weighted-sampler";

/**
 * The mix of the events that are not purchases. REES46 holds purchases only, so this funnel is an assumption, not a
 * fit: per purchase a shopper makes ~16 other events (PURCHASE_SHARE), mostly views.
 */
export const NON_PURCHASE_MIX = { view: 0.66, click: 0.21, cart: 0.09, favorite: 0.04 } as const;
/** Purchases are this share of all events (an assumption, as NON_PURCHASE_MIX). */
export const PURCHASE_SHARE = 0.06;
/** A shopper's event lands in their own taste cluster with this probability, elsewhere by global popularity. */
export const IN_CLUSTER_SHARE = 0.8;
/** Products per taste cluster: clusters are runs of products of one category (and mostly one metal). */
export const PRODUCTS_PER_CLUSTER = 200;
/** Events fall in the WINDOW_DAYS days before END_OF_WINDOW. */
const END_OF_WINDOW = Date.UTC(2026, 10, 30);
const WINDOW_DAYS = 180;
const DAY_MS = 86_400_000;

export type ScaleShopOptions = { products: number; events: number; seed: number; dir: string };

export type ScaleShopFiles = {
  catalog: string;
  users: string;
  events: string;
  counts: { products: number; shoppers: number; events: number; byType: Record<string, number> };
};

/**
 * Writes a synthetic shop in the shop's own CSV formats (docs/data-formats.md): `catalog.csv`, `users.csv` and
 * `events.csv` under `dir`, so it is loaded by the real importers. Products follow the profile's attribute mix and
 * per-category price quantiles; popularity is Zipf with the profile's exponent over a seeded random ranking; each
 * shopper has a taste cluster (IN_CLUSTER_SHARE of their events) and a purchase count drawn from the profile's
 * purchases-per-shopper histogram, plus the other events of the funnel. Shoppers are generated until `events` are
 * written (the last one cut short). Same profile, sizes and seed → byte-identical files. Streams the events, so 10
 * million take little memory.
 */
export function generateScaleShop(profile: ShopProfile, options: ScaleShopOptions): ScaleShopFiles {
  for (const [name, value] of [
    ["products", options.products],
    ["events", options.events],
  ] as const) {
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`generateScaleShop: ${name} must be a whole number ≥ 1, got ${value}`);
  }
  if (profile.attributeMix.length === 0) throw new Error("generateScaleShop: the profile's attribute mix is empty");
  if (profile.purchasesPerShopper.length === 0) {
    throw new Error("generateScaleShop: the profile's purchases-per-shopper histogram is empty");
  }
  fs.mkdirSync(options.dir, { recursive: true });
  const rng = createRng(options.seed);
  const catalog = buildCatalog(profile, options.products, rng);
  const files = {
    catalog: path.join(options.dir, "catalog.csv"),
    users: path.join(options.dir, "users.csv"),
    events: path.join(options.dir, "events.csv"),
  };
  writeCatalog(files.catalog, catalog);

  const clusters = buildClusters(catalog, rng);
  const clusterSamplers = clusters.map((members) =>
    createWeightedSampler(members.map((index) => catalog[index]?.popularity ?? 0)),
  );
  const clusterChooser = createWeightedSampler(
    clusters.map((members) => members.reduce((sum, index) => sum + (catalog[index]?.popularity ?? 0), 0)),
  );
  const globalSampler = createWeightedSampler(catalog.map((product) => product.popularity));
  const purchaseCounts = createWeightedSampler(profile.purchasesPerShopper.map(([, shoppers]) => shoppers));
  const otherTypes = Object.keys(NON_PURCHASE_MIX) as Array<keyof typeof NON_PURCHASE_MIX>;
  const otherTypeSampler = createWeightedSampler(otherTypes.map((type) => NON_PURCHASE_MIX[type]));

  const users = createLineWriter(files.users, "user_id,gender\n");
  const events = createLineWriter(
    files.events,
    "event_id,user_id,sku,type,occurred_at,source,order_id,price,quantity\n",
  );
  const byType: Record<string, number> = { view: 0, click: 0, cart: 0, favorite: 0, purchase: 0 };
  let written = 0;
  let shopper = 0;
  while (written < options.events) {
    const userId = `u${shopper}`;
    const cluster = clusterChooser.draw(rng);
    const purchases = profile.purchasesPerShopper[purchaseCounts.draw(rng)]?.[0] ?? 1;
    const total = Math.min(options.events - written, Math.max(purchases, Math.round(purchases / PURCHASE_SHARE)));
    const types = shuffle(
      Array.from({ length: total }, (_, i) =>
        i < purchases ? "purchase" : (otherTypes[otherTypeSampler.draw(rng)] ?? "view"),
      ),
      rng,
    );
    const times = spreadTimes(total, rng);
    users.write(`${userId},${dominantGender(clusters[cluster] ?? [], catalog)}\n`);
    const sampler = clusterSamplers[cluster] ?? globalSampler;
    const members = clusters[cluster] ?? [];
    for (let i = 0; i < total; i++) {
      const product =
        rng.next() < IN_CLUSTER_SHARE ? catalog[members[sampler.draw(rng)] ?? 0] : catalog[globalSampler.draw(rng)];
      const type = types[i] ?? "view";
      const time = new Date(times[i] ?? END_OF_WINDOW).toISOString();
      const sale = type === "purchase" ? `o${shopper}-${i},${product?.price.toFixed(2)},1` : ",,";
      events.write(`e${shopper}-${i},${userId},${product?.sku},${type},${time},web,${sale}\n`);
      byType[type] = (byType[type] ?? 0) + 1;
    }
    written += total;
    shopper++;
  }
  users.close();
  events.close();
  return { ...files, counts: { products: catalog.length, shoppers: shopper, events: written, byType } };
}

type SyntheticProduct = ProductAttributes & { sku: string; price: number; popularity: number };

function buildCatalog(profile: ShopProfile, count: number, rng: Rng): SyntheticProduct[] {
  const mix = createWeightedSampler(profile.attributeMix.map((entry) => entry.products));
  // Zipf over a random ranking: the product at rank r (0-based) is drawn ∝ (r + 1)^-s.
  const ranks = shuffle(
    Array.from({ length: count }, (_, i) => i),
    rng,
  );
  return Array.from({ length: count }, (_, i) => {
    const attributes = profile.attributeMix[mix.draw(rng)]?.attributes;
    if (!attributes) throw new Error("generateScaleShop: attribute mix draw out of range");
    const quantiles = profile.priceQuantiles[attributes.category];
    if (!quantiles || quantiles.length < 2) {
      throw new Error(`generateScaleShop: the profile has no price quantiles for category ${attributes.category}`);
    }
    return {
      ...attributes,
      sku: `S${i}`,
      price: Math.round(interpolateQuantiles(quantiles, rng.next()) * 100) / 100,
      popularity: ((ranks[i] ?? 0) + 1) ** -profile.zipfExponent,
    };
  });
}

/** The price at probability u of a distribution given by evenly spaced quantiles (piecewise linear in between). */
function interpolateQuantiles(quantiles: readonly number[], u: number): number {
  const position = u * (quantiles.length - 1);
  const low = Math.floor(position);
  const a = quantiles[low] ?? 0;
  const b = quantiles[Math.min(quantiles.length - 1, low + 1)] ?? a;
  return a + (b - a) * (position - low);
}

/** Runs of ~PRODUCTS_PER_CLUSTER products sorted by category, then metal, then at random. */
function buildClusters(catalog: readonly SyntheticProduct[], rng: Rng): number[][] {
  const keys = catalog.map(() => rng.next());
  const order = catalog
    .map((_, index) => index)
    .sort((a, b) => {
      const x = catalog[a];
      const y = catalog[b];
      if (!x || !y) return 0;
      return (
        x.category.localeCompare(y.category) ||
        (x.metal ?? "").localeCompare(y.metal ?? "") ||
        (keys[a] ?? 0) - (keys[b] ?? 0)
      );
    });
  const count = Math.max(1, Math.round(catalog.length / PRODUCTS_PER_CLUSTER));
  const size = Math.ceil(order.length / count);
  return Array.from({ length: count }, (_, c) => order.slice(c * size, (c + 1) * size)).filter(
    (members) => members.length > 0,
  );
}

/** female / male when most of the cluster's products are for that gender, else unknown. */
function dominantGender(members: readonly number[], catalog: readonly SyntheticProduct[]): string {
  let female = 0;
  let male = 0;
  for (const index of members) {
    const gender = catalog[index]?.gender;
    if (gender === "female") female++;
    else if (gender === "male") male++;
  }
  if (female * 2 > members.length) return "female";
  if (male * 2 > members.length) return "male";
  return "unknown";
}

/** `count` ascending times inside a random stretch of the window: a shopper's visits, in order. */
function spreadTimes(count: number, rng: Rng): number[] {
  const span = WINDOW_DAYS * DAY_MS * rng.next();
  const start = END_OF_WINDOW - WINDOW_DAYS * DAY_MS + (WINDOW_DAYS * DAY_MS - span) * rng.next();
  const gaps = Array.from({ length: count + 1 }, () => -Math.log(1 - rng.next()));
  const total = gaps.reduce((a, b) => a + b, 0);
  const times: number[] = [];
  let sum = 0;
  for (let i = 0; i < count; i++) {
    sum += gaps[i] ?? 0;
    times.push(Math.floor(start + (span * sum) / total));
  }
  return times;
}

function shuffle<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const a = items[i] as T;
    items[i] = items[j] as T;
    items[j] = a;
  }
  return items;
}

function writeCatalog(file: string, catalog: readonly SyntheticProduct[]): void {
  const out = createLineWriter(file, "sku,category,price,currency,metal,gem,color,gender\n");
  for (const product of catalog) {
    const cells = [product.sku, product.category, product.price.toFixed(2), "USD", product.metal, product.gem];
    out.write(`${[...cells, product.color, product.gender].map(csvCell).join(",")}\n`);
  }
  out.close();
}

/** RFC 4180: quoted when it holds a comma, quote or line break; null is empty. */
function csvCell(value: string | null): string {
  if (value === null) return "";
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Appends lines to a new file through a 1 MB buffer (synchronous, so the output order is the generation order). */
function createLineWriter(file: string, header: string) {
  const fd = fs.openSync(file, "w");
  let buffer: string[] = [header];
  let size = header.length;
  const flush = () => {
    fs.writeSync(fd, buffer.join(""));
    buffer = [];
    size = 0;
  };
  return {
    write(line: string) {
      buffer.push(line);
      size += line.length;
      if (size > 1 << 20) flush();
    },
    close() {
      flush();
      fs.closeSync(fd);
    },
  };
}
