import { Prisma } from "@jewelguide/db";
import { chunk, type Tx } from "../write-batch";

export type Dialect = "sqlite" | "postgresql";
export type SqlValue = string | number | null | Date;

/**
 * Multi-row INSERT through $executeRaw: 5–10× faster than createMany for tens of thousands of plain rows.
 * Dates are written the way Prisma writes them (SQLite: ISO text with +00:00; PostgreSQL: timestamp), so Prisma
 * reads and compares them like its own rows. Only for columns of plain types (no JSON, no booleans).
 */
export async function insertRows(
  tx: Tx,
  dialect: Dialect,
  table: string,
  columns: readonly string[],
  rows: SqlValue[][],
): Promise<void> {
  const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `);
  const perStatement = Math.max(1, Math.floor(900 / columns.length));
  for (const part of chunk(rows, perStatement)) {
    const values = part.map((row) => Prisma.sql`(${Prisma.join(row.map((value) => toParameter(value, dialect)))})`);
    await tx.$executeRaw`${head}${Prisma.join(values)}`;
  }
}

function toParameter(value: SqlValue, dialect: Dialect): string | number | null | Date {
  if (value instanceof Date && dialect === "sqlite") return value.toISOString().replace("Z", "+00:00");
  return value;
}
