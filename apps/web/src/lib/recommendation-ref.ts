/**
 * Where a product link came from: the signed `attribution` of the recommended item (see @jewelguide/api's
 * attribution-token), carried in the URL so the product page logs the click with it. The server verifies it; the
 * browser only passes it along.
 */
export function buildProductHref(productId: number, attribution?: string): string {
  if (!attribution) return `/products/${productId}`;
  return `/products/${productId}?${new URLSearchParams({ ref: attribution }).toString()}`;
}

/** The attribution from a product page's search params; null when absent or not shaped like one. */
export function parseRecommendationRef(params: Record<string, string | string[] | undefined>): string | null {
  const ref = params.ref;
  return typeof ref === "string" && /^a1\.[A-Za-z0-9._-]{1,250}$/.test(ref) ? ref : null;
}
