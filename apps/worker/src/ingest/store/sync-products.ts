import type { Product } from "@jewelguide/db";
import { chunk, type Tx } from "../write-batch";
import type { ProductInput } from "./product-input";
import { stableJson } from "./stable-json";
import type { SyncCounts } from "./sync-counts";

const COMPARED = [
  "titleZh",
  "titleEn",
  "description",
  "category",
  "metal",
  "gem",
  "color",
  "gender",
  "price",
  "currency",
  "brand",
  "imageUrl",
  "inStock",
  "source",
] as const;

/**
 * Upserts products by sku inside a transaction: creates the new ones in one statement, updates only those whose
 * data differ, and leaves equal ones untouched (so re-importing a file changes nothing).
 */
export async function syncProducts(tx: Tx, items: ProductInput[]): Promise<SyncCounts> {
  const counts: SyncCounts = { created: 0, updated: 0, unchanged: 0 };
  const existing = new Map<string, Product>();
  for (const part of chunk(items, 500)) {
    const rows = await tx.product.findMany({ where: { sku: { in: part.map((item) => item.sku) } } });
    for (const row of rows) existing.set(row.sku, row);
  }
  const toCreate: ProductInput[] = [];
  for (const item of items) {
    const stored = existing.get(item.sku);
    if (!stored) {
      toCreate.push(item);
      continue;
    }
    const next = mergeProduct(stored, item);
    if (isSameProduct(stored, next)) {
      counts.unchanged += 1;
      continue;
    }
    await tx.product.update({ where: { id: stored.id }, data: next });
    counts.updated += 1;
  }
  if (toCreate.length > 0) {
    await tx.product.createMany({
      data: toCreate.map((item) => ({ ...item, imageUrl: item.imageUrl ?? null, attributes: toJson(item.attributes) })),
    });
    counts.created += toCreate.length;
  }
  return counts;
}

type ProductData = Omit<ProductInput, "attributes" | "imageUrl"> & { imageUrl: string | null; attributes: object };

function mergeProduct(stored: Product, item: ProductInput): ProductData {
  const storedAttributes = isRecord(stored.attributes) ? stored.attributes : {};
  return {
    ...item,
    imageUrl: item.imageUrl === undefined ? stored.imageUrl : item.imageUrl,
    attributes: toJson({ ...storedAttributes, ...item.attributes }),
  };
}

function isSameProduct(stored: Product, next: ProductData): boolean {
  for (const key of COMPARED) if (stored[key] !== next[key]) return false;
  if (next.createdAt && stored.createdAt.getTime() !== next.createdAt.getTime()) return false;
  return stableJson(stored.attributes) === stableJson(next.attributes);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function toJson(value: Record<string, unknown>): object {
  return JSON.parse(JSON.stringify(value)) as object;
}
