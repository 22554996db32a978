import type { Db } from "@jewelguide/db";

/**
 * The User row of a cookie shopper, created on their first event (no personal data: the random cookie id only).
 * Two first events racing are fine: the loser of the unique insert reads the winner's row.
 */
export async function ensureShopper(db: Db, shopperId: string): Promise<number> {
  const existing = await db.user.findUnique({ where: { externalId: shopperId }, select: { id: true } });
  if (existing) return existing.id;
  try {
    const created = await db.user.create({
      data: { externalId: shopperId, attributes: { origin: "web-cookie" } },
      select: { id: true },
    });
    return created.id;
  } catch (error) {
    const again = await db.user.findUnique({ where: { externalId: shopperId }, select: { id: true } });
    if (again) return again.id;
    throw error;
  }
}
