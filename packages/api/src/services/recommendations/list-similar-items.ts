import { randomUUID } from "node:crypto";
import { AppError } from "@jewelguide/db/errors";
import type { PickReason } from "@jewelguide/i18n";
import { z } from "zod";
import type { CachedProduct } from "../../model-serving/product-catalog";
import type { ServingSnapshot } from "../../model-serving/serving-snapshot";
import { cachedSimilarItems } from "../../model-serving/similar-items-cache";
import type { ServerRuntime } from "../../runtime/create-server-runtime";
import { type RecommendedItem, type ServedBy, toRecommendedItem } from "./recommended-item";
import { type Audience, signServedItems } from "./serve-to";

export const ListSimilarItemsInputSchema = z.strictObject({
  sku: z.string().trim().min(1).max(100),
  k: z.number().int().min(1).max(48).default(8),
  /** Only items of the anchor's category. */
  sameCategory: z.boolean().default(false),
  /** Only items priced within ±this fraction of the anchor's price (0.3 = ±30%); priced items only. */
  priceBand: z.number().positive().max(10).optional(),
  inStockOnly: z.boolean().default(true),
});
export type ListSimilarItemsInput = z.input<typeof ListSimilarItemsInputSchema>;

export type SimilarItems = ServedBy & { anchorId: number; items: RecommendedItem[] };

/**
 * "Similar pieces": the served model's item-to-item similarity, filtered (stock, category, price band). An item the
 * model does not know (new in the catalog) or a model without item similarity (popularity) gets the most purchased
 * items that pass the same filters, explained as such. Each item carries its signed attribution for this shopper.
 */
export async function listSimilarItems(
  { serving }: Pick<ServerRuntime, "serving">,
  rawInput: ListSimilarItemsInput,
  audience: Audience,
): Promise<SimilarItems> {
  const input = ListSimilarItemsInputSchema.parse(rawInput);
  const snapshot = await serving.current();
  const anchor = snapshot.catalog.bySku.get(input.sku);
  if (!anchor) throw new AppError("NOT_FOUND", `Product with SKU '${input.sku}' does not exist`);
  const accepts = buildAccept(anchor, input);
  const { recommender, kind } = snapshot.model;
  const hasSimilarity = kind !== "popularity" && recommender.items.has(anchor.sku);
  const items = hasSimilarity
    ? cachedSimilarItems(recommender, anchor.sku, input.k, (index) =>
        accepts(snapshot.productAt[index], snapshot, index),
      ).flatMap((pick, slot) => {
        const product = snapshot.productAt[pick.itemIndex];
        if (!product) return [];
        const reason: PickReason = {
          kind: "similar-item",
          anchorTitleZh: anchor.titleZh,
          anchorTitleEn: anchor.titleEn,
          similarity: pick.score,
        };
        return [toRecommendedItem(product, slot, pick.score, reason)];
      })
    : snapshot.catalog.products
        .filter((product) => product.id !== anchor.id && accepts(product, snapshot, -1))
        .sort((a, b) => b.purchases - a.purchases || a.id - b.id)
        .slice(0, input.k)
        .map((product, slot) =>
          toRecommendedItem(
            product,
            slot,
            product.purchases,
            product.purchases > 0
              ? { kind: "popular-in-category", category: product.category, purchases: product.purchases }
              : { kind: "in-category", category: product.category },
          ),
        );
  const requestId = randomUUID();
  const modelVersionId = snapshot.model.versionId;
  return {
    requestId,
    modelVersionId,
    modelKind: snapshot.model.kind,
    source: snapshot.model.source,
    anchorId: anchor.id,
    items: signServedItems(items, { requestId, modelVersionId, surface: "similar" }, audience),
  };
}

function buildAccept(anchor: CachedProduct, input: z.output<typeof ListSimilarItemsInputSchema>) {
  const band = input.priceBand;
  return (product: CachedProduct | undefined, snapshot: ServingSnapshot, index: number): boolean => {
    if (!product) return false;
    if (input.inStockOnly && (index >= 0 ? snapshot.servable[index] !== 1 : !product.inStock)) return false;
    if (input.sameCategory && product.category !== anchor.category) return false;
    if (band !== undefined) {
      if (anchor.price <= 0 || product.price <= 0) return false;
      if (Math.abs(product.price - anchor.price) > band * anchor.price) return false;
    }
    return true;
  };
}
