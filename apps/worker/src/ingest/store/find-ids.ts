import { Prisma } from "@jewelguide/db";
import { chunk, type Tx } from "../write-batch";

type KeyedTable =
  | { table: "Product"; key: "sku" }
  | { table: "User"; key: "externalId" }
  | { table: "Interaction"; key: "idempotencyKey" };

/**
 * Database ids by unique key for the given keys (absent keys are missing from the map). Raw SELECT … IN: several
 * times faster than findMany for long key lists.
 */
export async function findIds(tx: Tx, target: KeyedTable, keys: Iterable<string>): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const select = Prisma.raw(
    `SELECT "id" AS id, "${target.key}" AS key FROM "${target.table}" WHERE "${target.key}" IN `,
  );
  for (const part of chunk([...new Set(keys)], 500)) {
    const rows = await tx.$queryRaw<Array<{ id: number | bigint; key: string }>>`${select}(${Prisma.join(part)})`;
    for (const row of rows) ids.set(row.key, Number(row.id));
  }
  return ids;
}

export function findProductIds(tx: Tx, skus: Iterable<string>): Promise<Map<string, number>> {
  return findIds(tx, { table: "Product", key: "sku" }, skus);
}

export function findUserIds(tx: Tx, externalIds: Iterable<string>): Promise<Map<string, number>> {
  return findIds(tx, { table: "User", key: "externalId" }, externalIds);
}
