import type { Db, Prisma } from "@jewelguide/db";

export type Tx = Prisma.TransactionClient;

/** Runs one batch of writes in one transaction: all of it lands or none of it. */
export function writeBatch<T>(db: Db, write: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(write, { timeout: 120_000, maxWait: 30_000 });
}

/** Splits a list into chunks (IN lists and batches). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
