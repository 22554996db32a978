import path from "node:path";

export type DatabaseTarget = { dialect: "sqlite"; url: string; file: string } | { dialect: "postgresql"; url: string };

/**
 * Chooses the storage from the URL alone: `file:/abs/path.db` (SQLite, the embedded default) or
 * `postgres://` / `postgresql://` (PostgreSQL). Anything else is refused with a message naming the variable.
 */
export function parseDatabaseUrl(url: string | undefined): DatabaseTarget {
  if (!url || url.trim() === "") {
    throw new Error("DATABASE_URL is empty: set it to file:/absolute/path.db (SQLite) or postgresql://user@host/db");
  }
  const trimmed = url.trim();
  if (trimmed.startsWith("file:")) {
    const rest = trimmed.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    if (!path.isAbsolute(rest)) {
      throw new Error(
        `DATABASE_URL=${trimmed} is a relative SQLite path; use an absolute one (file:/abs/path.db), since a relative path resolves differently in each process`,
      );
    }
    return { dialect: "sqlite", url: `file:${rest}`, file: rest };
  }
  if (/^postgres(ql)?:\/\//.test(trimmed)) return { dialect: "postgresql", url: trimmed };
  throw new Error(`DATABASE_URL=${redact(trimmed)} is not supported: use file:/abs/path.db or postgresql://…`);
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}
