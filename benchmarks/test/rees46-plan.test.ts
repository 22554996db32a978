import { describe, expect, it } from "vitest";
import { BENCHMARK_PLAN, STOCHASTIC_SEEDS } from "../src/rees46/benchmark-plan";
import { buildModelRecord } from "../src/rees46/build-model-record";
import { formatBenchmarkTable } from "../src/rees46/format-benchmark-table";
import { runWithDependencies } from "../src/rees46/run-with-dependencies";

describe("the rees46 plan", () => {
  it("refits every stochastic model with three seeds and every deterministic one once", () => {
    const stochastic = new Set(["bpr", "fpmc", "joint"]);
    for (const entry of BENCHMARK_PLAN) {
      expect(entry.seeds, entry.name).toEqual(stochastic.has(entry.kind) ? STOCHASTIC_SEEDS : [0]);
    }
    expect(STOCHASTIC_SEEDS).toHaveLength(3);
  });

  it("derives entries only from entries listed before them, and searches a grid everywhere else", () => {
    BENCHMARK_PLAN.forEach((entry, index) => {
      const base = entry.derivedFrom?.of;
      if (base === undefined) expect(entry.grid.length, entry.name).toBeGreaterThan(0);
      else expect(BENCHMARK_PLAN.slice(0, index).map((e) => e.name)).toContain(base);
    });
  });
});

describe("buildModelRecord and formatBenchmarkTable", () => {
  it("keep the mean as today's fields, add std, ci95 and the per-seed runs, and print mean ± std", () => {
    const record = buildModelRecord({
      name: "joint",
      kind: "joint",
      config: { epochs: 3 },
      validationTrials: [],
      seeds: [0, 1, 2].map((seed) => ({
        seed,
        metrics: { "recall@20": 0.2 + 0.01 * seed, test_users: 100, train_seconds: 60 },
      })),
      peakRssMb: 500,
    });
    expect(record["recall@20"]).toBeCloseTo(0.21, 10);
    expect((record.std as Record<string, number>)["recall@20"]).toBeCloseTo(0.01, 10);
    expect(record.seeds).toHaveLength(3);
    expect(record.runs).toBe(3);
    const table = formatBenchmarkTable({ joint: record, popularity: { "recall@20": 0.05, runs: 1, std: {} } });
    expect(table).toContain("| joint | 3 | – | – | 0.2100 ± 0.0100 [");
    expect(table).toContain("| popularity | 1 | – | – | 0.0500 |");
  });
});

describe("runWithDependencies", () => {
  it("runs at most `jobs` at once, starts a task after its dependency, and hands it the dependency's result", async () => {
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string, dependsOn?: string) => ({
      name,
      dependsOn,
      run: async (dependency: string | undefined) => {
        running++;
        most = Math.max(most, running);
        log.push(`start ${name}${dependency === undefined ? "" : ` after ${dependency}`}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        return `${name}-result`;
      },
    });
    const done = await runWithDependencies(
      [task("a"), task("b"), task("c", "main"), task("main"), task("d", "outside")],
      2,
      (name) => `${name}-stored`,
    );
    expect(most).toBe(2);
    expect(log.indexOf("start main")).toBeLessThan(2); // a dependency of another task goes first
    expect(log).toContain("start c after main-result");
    expect(log).toContain("start d after outside-stored");
    expect(done.size).toBe(5);
  });

  it("fails with the first task's error", async () => {
    const failing = { name: "x", run: async () => Promise.reject(new Error("boom")) };
    await expect(runWithDependencies([failing], 1, () => undefined)).rejects.toThrow("boom");
  });
});
