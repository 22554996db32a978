import { type ExplorationEvidenceRow, listExplorationEvidence, type SqlReader } from "@jewelguide/db";
import type { CachedProduct, ProductCatalog } from "../model-serving/product-catalog";

/** What the logs say about one product: feed impressions and those with an attributed click, cart or purchase. */
export type ItemEvidence = { impressions: number; rewards: number };

const NO_EVIDENCE: ItemEvidence = { impressions: 0, rewards: 0 };

/** How many of the least-shown in-stock products each snapshot keeps as the exploration pool's catalog part. */
const LEAST_SHOWN_LIMIT = 256;

/** One read of the evidence; immutable, replaced whole at the next refresh. */
export type EvidenceSnapshot = {
  readAt: number;
  of(productId: number): ItemEvidence;
  /**
   * The catalog's in-stock products with the least evidence, never-shown first (ties in a fixed pseudo-random order
   * by product id, so the list is not just the oldest products), at most LEAST_SHOWN_LIMIT; computed once per catalog.
   */
  leastShown(catalog: ProductCatalog): readonly CachedProduct[];
};

/** The process's evidence of the exploration policy, re-read from the impression log at most every `refreshMs`. */
export type ExplorationEvidence = {
  /** The latest snapshot; the first call reads it, later calls re-read in the background once it is stale. */
  current(): Promise<EvidenceSnapshot>;
  /** Re-reads now and returns the new snapshot. */
  refresh(): Promise<EvidenceSnapshot>;
};

export function createExplorationEvidence(
  sql: SqlReader,
  options: { refreshMs: number; onError: (error: unknown) => void },
): ExplorationEvidence {
  let snapshot: EvidenceSnapshot | undefined;
  let reading: Promise<EvidenceSnapshot> | undefined;
  const refresh = () => {
    reading ??= listExplorationEvidence(sql)
      .then((rows) => {
        snapshot = buildEvidenceSnapshot(rows, Date.now());
        return snapshot;
      })
      .finally(() => {
        reading = undefined;
      });
    return reading;
  };
  return {
    async current() {
      if (!snapshot) return refresh();
      if (Date.now() - snapshot.readAt >= options.refreshMs && !reading) refresh().catch(options.onError);
      return snapshot;
    },
    refresh,
  };
}

/** The snapshot of evidence rows read at `readAt` (off-policy replays build one per moment of the log). */
export function buildEvidenceSnapshot(rows: readonly ExplorationEvidenceRow[], readAt: number): EvidenceSnapshot {
  const byId = new Map<number, ItemEvidence>();
  for (const row of rows) byId.set(row.productId, { impressions: row.impressions, rewards: row.rewards });
  const of = (productId: number) => byId.get(productId) ?? NO_EVIDENCE;
  const lists = new WeakMap<ProductCatalog, readonly CachedProduct[]>();
  return {
    readAt,
    of,
    leastShown(catalog) {
      let list = lists.get(catalog);
      if (!list) {
        list = catalog.products
          .filter((product) => product.inStock)
          .map((product) => ({ product, shown: of(product.id).impressions, tie: mixId(product.id) }))
          .sort((a, b) => a.shown - b.shown || a.tie - b.tie)
          .slice(0, LEAST_SHOWN_LIMIT)
          .map((entry) => entry.product);
        lists.set(catalog, list);
      }
      return list;
    },
  };
}

/** A fixed pseudo-random order of product ids (murmur3's finaliser). */
function mixId(id: number): number {
  let h = id >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
