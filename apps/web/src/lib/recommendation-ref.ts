/** Where a product link came from (a recommendation list), carried in the URL so the product page logs the click. */
export type RecommendationRef = { surface: string; requestId: string; slot: number; modelVersionId: number | null };

export function buildProductHref(productId: number, ref?: RecommendationRef): string {
  if (!ref) return `/products/${productId}`;
  const params = new URLSearchParams({ ref: ref.surface, rid: ref.requestId, slot: String(ref.slot) });
  if (ref.modelVersionId !== null) params.set("mv", String(ref.modelVersionId));
  return `/products/${productId}?${params.toString()}`;
}

/** Reads the ref back from a product page's search params; null when absent or malformed. */
export function parseRecommendationRef(
  params: Record<string, string | string[] | undefined>,
): RecommendationRef | null {
  const surface = params.ref;
  const requestId = params.rid;
  const slot = Number(params.slot);
  const version = params.mv;
  if (typeof surface !== "string" || !/^[a-z-]{1,32}$/.test(surface)) return null;
  if (typeof requestId !== "string" || !/^[A-Za-z0-9-]{1,64}$/.test(requestId)) return null;
  if (!Number.isInteger(slot) || slot < 0 || slot > 1000) return null;
  const modelVersionId = typeof version === "string" && /^[1-9]\d{0,9}$/.test(version) ? Number(version) : null;
  return { surface, requestId, slot, modelVersionId };
}
