import fs from "node:fs";
import path from "node:path";
import { seedPurchases, useFreshWorkspace } from "@jewelguide/worker/testing";
import { describe, expect, it } from "vitest";
import { BENCHMARK_COMMANDS } from "../src/commands/registry";

// The worker's commands (train) beside the benchmarks'.
const ws = useFreshWorkspace(BENCHMARK_COMMANDS);

describe("the similar benchmark", () => {
  it("measures the active version's neighbours and records the command line in the result", async () => {
    await seedPurchases(ws.db, { products: 30, users: 40, perUser: 4 });
    expect(await ws.cli("similar")).toMatchObject({ code: 2, stderr: "error: no active model version\n" });
    expect((await ws.cli("train", "--kind", "itemknn", "--publish", "--quiet")).code).toBe(0);
    const out = path.join(ws.dir, "similar.json");
    const run = await ws.cli("similar", "--queries", "5", "--k", "3", "--out", out);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^version \d+ \(itemknn\), 5 products, top 3 similar: same category \d\.\d{3}/);
    const result = JSON.parse(fs.readFileSync(out, "utf8")) as { command: string; queries: number };
    expect(result.command.startsWith("npm run bench -- similar")).toBe(true);
    expect(result.queries).toBe(5);
  });
});
