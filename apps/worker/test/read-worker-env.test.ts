import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readWorkerEnv, WorkerEnvError } from "../src/cli/read-worker-env";

const SECRET = "s".repeat(32);

describe("readWorkerEnv", () => {
  it("fills the defaults: var as the data folder, its jewelguide.db, ../shared", () => {
    expect(readWorkerEnv({})).toEqual({
      databaseUrl: `file:${path.resolve("var", "jewelguide.db")}`,
      dataDir: path.resolve("var"),
      sharedDir: path.resolve("../shared"),
      secret: undefined,
      shopperLinkSecret: undefined,
    });
  });

  it("takes every variable, resolving relative folders and treating a blank secret as unset", () => {
    expect(
      readWorkerEnv({
        DATABASE_URL: "postgresql://postgres@127.0.0.1:55432/postgres",
        JEWELGUIDE_DATA_DIR: "data",
        JEWELGUIDE_SHARED_DIR: "/srv/shared",
        JEWELGUIDE_SECRET: ` ${SECRET} `,
        JEWELGUIDE_SHOPPER_LINK_SECRET: "  ",
      }),
    ).toEqual({
      databaseUrl: "postgresql://postgres@127.0.0.1:55432/postgres",
      dataDir: path.resolve("data"),
      sharedDir: "/srv/shared",
      secret: SECRET,
      shopperLinkSecret: undefined,
    });
  });

  it("names every malformed variable and what is wrong with it", () => {
    const read = () =>
      readWorkerEnv({
        DATABASE_URL: "file:relative.db",
        JEWELGUIDE_DATA_DIR: " ",
        JEWELGUIDE_SECRET: "short",
        JEWELGUIDE_SHOPPER_LINK_SECRET: "also short",
      });
    expect(read).toThrow(WorkerEnvError);
    expect(read).toThrow(
      [
        "invalid environment:",
        "  - JEWELGUIDE_DATA_DIR is empty",
        "  - DATABASE_URL must be file:/absolute/path.db (SQLite; a relative path differs per process) or postgresql://user@host/db",
        "  - JEWELGUIDE_SECRET must be at least 32 characters",
        "  - JEWELGUIDE_SHOPPER_LINK_SECRET must be at least 32 characters",
      ].join("\n"),
    );
    expect(() => readWorkerEnv({ DATABASE_URL: "mysql://db/shop" })).toThrow(/DATABASE_URL must be file:/);
  });

  it("stops the CLI before any command with exit code 2 and the message", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", "versions"], {
      cwd: path.resolve(import.meta.dirname, ".."),
      env: { ...process.env, DATABASE_URL: "sqlite.db" },
      encoding: "utf8",
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^error: invalid environment:\n {2}- DATABASE_URL must be file:/);
    expect(result.stdout).toBe("");
  });
});
