import type { CategoryResolution } from "./map-product";
import { mapCategoryAlias } from "./map-product";
import type { Rees46Row } from "./parse-row";
import type { Rees46Data } from "./read-rees46";

/**
 * A product's category: the most frequent alias on its own rows; else the most frequent alias of other rows with
 * the same category_id; else `other`. Unknown aliases map to `other` too.
 */
export function resolveCategory(data: Rees46Data, latest: Rees46Row): CategoryResolution {
  const own = mostFrequent(data.aliasesByProduct.get(latest.productId));
  if (own !== undefined) return { category: mapCategoryAlias(own) ?? "other", alias: own };
  const byId = latest.categoryId === null ? undefined : mostFrequent(data.aliasesByCategoryId.get(latest.categoryId));
  if (byId !== undefined)
    return { category: mapCategoryAlias(byId) ?? "other", alias: byId, inferredFrom: "category_id" };
  return { category: "other", alias: null };
}

function mostFrequent(counts: Map<string, number> | undefined): string | undefined {
  if (!counts) return undefined;
  let best: string | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}
