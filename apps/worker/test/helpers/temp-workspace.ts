import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, type Db, migrateDatabase } from "@jewelguide/db";
import { afterEach, beforeEach } from "vitest";
import type { Command } from "../../src/cli/command";
import type { WorkerEnv } from "../../src/cli/read-worker-env";
import { runCli } from "../../src/cli/run-cli";
import { COMMANDS } from "../../src/commands/registry";

export const FIXTURES = path.join(import.meta.dirname, "..", "fixtures");
export const SHARED_DIR =
  process.env.JEWELGUIDE_SHARED_DIR ?? path.resolve(import.meta.dirname, "../../../../../shared");

export type Workspace = {
  dir: string;
  env: WorkerEnv;
  db: Db;
  /** Runs the CLI (the worker's commands and the extra ones) in-process; returns exit code and captured output. */
  cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Writes a file into the workspace and returns its path. */
  write(name: string, content: string | Uint8Array): string;
  close(): Promise<void>;
};

/**
 * A fresh temp folder with its own migrated SQLite file (or the given database URL). `extraCommands` (the benchmarks
 * package's) run beside the worker's.
 */
export async function createWorkspace(databaseUrl?: string, extraCommands: Command[] = []): Promise<Workspace> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jewelguide-worker-"));
  const url = databaseUrl ?? `file:${path.join(dir, "test.db")}`;
  await migrateDatabase(url);
  const env: WorkerEnv = { databaseUrl: url, dataDir: path.join(dir, "data"), sharedDir: SHARED_DIR };
  const { db } = createDb(url);
  return {
    dir,
    env,
    db,
    async cli(...argv) {
      let stdout = "";
      let stderr = "";
      const code = await runCli(argv, [...COMMANDS, ...extraCommands], {
        env,
        stdout: {
          write: (text) => {
            stdout += text;
          },
        },
        stderr: {
          write: (text) => {
            stderr += text;
          },
        },
      });
      return { code, stdout, stderr };
    },
    write(name, content) {
      const file = path.join(dir, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
      return file;
    },
    async close() {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh workspace for every test of the calling file or describe block: created before each test, closed after it.
 * The returned object reads through to the current one, so it can be declared once at the top.
 */
export function useFreshWorkspace(extraCommands: Command[] = []): Workspace {
  let current: Workspace | undefined;
  beforeEach(async () => {
    current = await createWorkspace(undefined, extraCommands);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  const now = (): Workspace => {
    if (!current) throw new Error("the test workspace exists only while a test runs");
    return current;
  };
  return {
    get dir() {
      return now().dir;
    },
    get env() {
      return now().env;
    },
    get db() {
      return now().db;
    },
    cli: (...argv) => now().cli(...argv),
    write: (name, content) => now().write(name, content),
    close: () => now().close(),
  };
}

/** Row counts of the tables importers write. */
export async function countRows(db: Db): Promise<{ products: number; users: number; interactions: number }> {
  const [products, users, interactions] = await Promise.all([
    db.product.count(),
    db.user.count(),
    db.interaction.count(),
  ]);
  return { products, users, interactions };
}
