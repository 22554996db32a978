import type { Db } from "@jewelguide/db";

/**
 * The User row of a shopper, created on their first event (no personal data: the server-issued id only; `origin` says
 * where the row came from: a browser, or the simulator). Two first events racing are fine: the loser of the unique
 * insert reads the winner's row.
 */
export async function ensureShopper(db: Db, externalId: string, origin: "web" | "simulation"): Promise<number> {
  const existing = await db.user.findUnique({ where: { externalId }, select: { id: true } });
  if (existing) return existing.id;
  try {
    const created = await db.user.create({
      data: { externalId, attributes: { origin: origin === "web" ? "web-cookie" : "simulation" } },
      select: { id: true },
    });
    return created.id;
  } catch (error) {
    const again = await db.user.findUnique({ where: { externalId }, select: { id: true } });
    if (again) return again.id;
    throw error;
  }
}
