import type { Db } from "@jewelguide/db";
import {
  type CatalogItem,
  type Interaction,
  isCategory,
  isEventType,
  isGender,
  isMetal,
  isRemovalContext,
  type UserAttributes,
} from "@jewelguide/model";

/** Events read per query: large enough that a page costs little more than its rows, small enough to bound Prisma's. */
const EVENT_PAGE = 200_000;

export type TrainingData = {
  catalog: CatalogItem[];
  /** The database id of each catalog item (parallel to `catalog`), to look up its stored features. */
  productIds: number[];
  interactions: Interaction[];
  users: UserAttributes[];
};

/**
 * Reads everything a recommender trains on: the whole catalog (so new items exist for cold-start scoring), every
 * preference event in time order, and the users' profile attributes. Ids become the shop's own ids (SKU, external
 * user id), which is what the model artifacts and the API speak. `eventPage` (tests) sets the events read per query.
 */
export async function loadTrainingData(db: Db, options: { eventPage?: number } = {}): Promise<TrainingData> {
  const eventPage = options.eventPage ?? EVENT_PAGE;
  const products = await db.product.findMany({
    orderBy: { id: "asc" },
    select: {
      id: true,
      sku: true,
      category: true,
      metal: true,
      gem: true,
      color: true,
      gender: true,
      price: true,
      brand: true,
      attributes: true,
    },
  });
  const skuById = new Map<number, string>();
  const catalog = products.map((product): CatalogItem => {
    skuById.set(product.id, product.sku);
    return {
      itemId: product.sku,
      category: isCategory(product.category) ? product.category : "other",
      metal: product.metal !== null && isMetal(product.metal) ? product.metal : null,
      gem: product.gem,
      color: product.color,
      gender: product.gender !== null && isGender(product.gender) ? product.gender : null,
      price: product.price > 0 ? product.price : null,
      brand: product.brand,
      extra: contentExtras(product.attributes),
    };
  });
  const userRows = await db.user.findMany({
    select: { id: true, externalId: true, gender: true, ageBand: true, city: true },
  });
  const externalIdById = new Map<number, string>();
  const users = userRows.map((user): UserAttributes => {
    externalIdById.set(user.id, user.externalId);
    return {
      userId: user.externalId,
      ...(user.gender !== null && isGender(user.gender) ? { gender: user.gender } : {}),
      ...(user.city !== null ? { city: user.city } : {}),
    };
  });
  // Read in pages by id (the primary key's order, so a page is an index range, not a sort of the whole table) and put
  // in time order here: one findMany of a 10,000,000-event shop held every Prisma row at once (BENCHMARKS §7).
  const kept: Interaction[] = [];
  const keptIds: number[] = [];
  let afterId = 0;
  for (;;) {
    const page = await db.interaction.findMany({
      where: { type: { not: "impression" }, id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: eventPage,
      select: { id: true, userId: true, productId: true, type: true, occurredAt: true, source: true, context: true },
    });
    for (const event of page) {
      const userId = externalIdById.get(event.userId);
      const itemId = skuById.get(event.productId);
      if (userId === undefined || itemId === undefined || !isEventType(event.type)) continue;
      // A removal from favourites or the cart is stored as that event type with context.action = "remove": not a signal.
      if (isRemovalContext(event.context)) continue;
      // Simulated traffic (worker simulate) replays held-out behaviour: training on it would leak the held-out items.
      // The server marks it (source "simulation", context.simulated) only for worker-token requests.
      if (event.source === "simulation" || isSimulated(event.context)) continue;
      kept.push({ userId, itemId, type: event.type, timestamp: event.occurredAt.getTime() });
      keptIds.push(event.id);
    }
    if (page.length < eventPage) break;
    afterId = (page[page.length - 1] as { id: number }).id;
  }
  // Time order, ties by id: the order one query sorted by (occurredAt, id) gave.
  const order = Int32Array.from(kept.keys()).sort(
    (a, b) =>
      (kept[a] as Interaction).timestamp - (kept[b] as Interaction).timestamp ||
      (keptIds[a] as number) - (keptIds[b] as number),
  );
  const interactions = Array.from(order, (k) => kept[k] as Interaction);
  return { catalog, productIds: products.map((product) => product.id), interactions, users };
}

/** Short scalar open attributes (e.g. a source's own category id) become extra content tokens for the item tower. */
// Presentation-only or item-unique values (a photo file name would act as a hidden item id) are not content.
const IGNORED_ATTRIBUTES = new Set(["photo", "photoIllustrative", "priceKnown", "nameFr", "url", "image"]);

function contentExtras(attributes: unknown): Record<string, string | number> {
  const extras: Record<string, string | number> = {};
  if (typeof attributes !== "object" || attributes === null || Array.isArray(attributes)) return extras;
  for (const [key, value] of Object.entries(attributes)) {
    if (IGNORED_ATTRIBUTES.has(key)) continue;
    if ((typeof value === "string" && value.length > 0 && value.length <= 64) || typeof value === "number") {
      extras[key] = value;
    }
  }
  return extras;
}

function isSimulated(context: unknown): boolean {
  return typeof context === "object" && context !== null && (context as { simulated?: unknown }).simulated === true;
}
