import type { Db } from "@jewelguide/db";

export type ShopperOrigin = "web" | "simulation" | "shop-backend";

/** `User.attributes.origin` of a shopper first seen from each origin. */
const STORED_ORIGIN: Record<ShopperOrigin, string> = {
  web: "web-cookie",
  simulation: "simulation",
  "shop-backend": "shop-backend",
};

/**
 * The User row of a shopper, created on their first event (no personal data: the server-issued or the shop's own id
 * only; `origin` says where the row came from: a browser, the simulator, or a shop backend through the HTTP API). Two first events racing are fine: the loser of the unique
 * insert reads the winner's row.
 */
export async function ensureShopper(db: Db, externalId: string, origin: ShopperOrigin): Promise<number> {
  const existing = await db.user.findUnique({ where: { externalId }, select: { id: true } });
  if (existing) return existing.id;
  try {
    const created = await db.user.create({
      data: { externalId, attributes: { origin: STORED_ORIGIN[origin] } },
      select: { id: true },
    });
    return created.id;
  } catch (error) {
    const again = await db.user.findUnique({ where: { externalId }, select: { id: true } });
    if (again) return again.id;
    throw error;
  }
}
