import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { seedPurchases } from "./helpers/seed-purchases";
import { useFreshWorkspace } from "./helpers/temp-workspace";

const ws = useFreshWorkspace();

describe("schedule", () => {
  it("stops cleanly on Ctrl-C (SIGINT) while waiting for the next run", async () => {
    await seedPurchases(ws.db, { products: 20, users: 30, perUser: 4 });
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "src/cli.ts",
        "schedule",
        "--every-minutes",
        "60",
        "--kind",
        "popularity",
        "--poll-seconds",
        "0.2",
      ],
      {
        cwd: path.resolve(import.meta.dirname, ".."),
        env: { ...process.env, DATABASE_URL: ws.env.databaseUrl, JEWELGUIDE_DATA_DIR: ws.env.dataDir },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes("[schedule] run 1 published")) resolve();
      });
      child.on("exit", () => reject(new Error(`schedule exited early:\n${stderr}`)));
    });
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(stderr).toContain("[schedule] stopping after the current step");
    expect(stderr).toContain("[schedule] stopped after 1 run(s), 0 not published");
    expect(await ws.db.modelVersion.count({ where: { status: "active" } })).toBe(1);
  }, 60_000);
});
