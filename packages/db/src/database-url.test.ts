import { describe, expect, it } from "vitest";
import { parseDatabaseUrl, redact } from "./database-url";

describe("parseDatabaseUrl", () => {
  it("selects SQLite for absolute file URLs and PostgreSQL for postgres URLs", () => {
    expect(parseDatabaseUrl("file:/tmp/x.db")).toEqual({ dialect: "sqlite", url: "file:/tmp/x.db", file: "/tmp/x.db" });
    expect(parseDatabaseUrl("postgresql://u:p@h:5432/d").dialect).toBe("postgresql");
    expect(parseDatabaseUrl("postgres://h/d").dialect).toBe("postgresql");
  });
  it("refuses empty, relative and unknown URLs with a message naming the problem", () => {
    expect(() => parseDatabaseUrl("")).toThrow(/DATABASE_URL is empty/);
    expect(() => parseDatabaseUrl("file:./dev.db")).toThrow(/relative SQLite path/);
    expect(() => parseDatabaseUrl("mysql://u:secret@h/d")).toThrow(/not supported/);
    expect(() => parseDatabaseUrl("mysql://u:secret@h/d")).not.toThrow(/secret/);
  });
  it("redacts passwords", () => {
    expect(redact("postgresql://u:secret@h/d")).toBe("postgresql://u:***@h/d");
  });
});
