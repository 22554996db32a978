/**
 * The few values the two drivers hand back differently: SQLite gives DateTime and Json columns as text and booleans as
 * 0/1; PostgreSQL gives COUNT(*) and BIGINT as strings. Each query function turns its rows into one typed shape with
 * these, so no caller sees a driver's representation.
 */

/** A DateTime column: a Date on PostgreSQL, Prisma's ISO text on SQLite. */
export function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

export function toDateOrNull(value: Date | string | null): Date | null {
  return value === null ? null : toDate(value);
}

/** A COUNT(*) or BIGINT: a number on SQLite, a decimal string on PostgreSQL. */
export function toCount(value: number | string | bigint): number {
  return Number(value);
}

/** A Boolean column: true/false on PostgreSQL, 1/0 on SQLite. */
export function toBoolean(value: boolean | number): boolean {
  return value === true || value === 1;
}

/** A Json column: parsed on PostgreSQL, its JSON text on SQLite. */
export function toJson(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : value;
}
