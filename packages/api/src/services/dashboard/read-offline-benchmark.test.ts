import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readOfflineBenchmark } from "./read-offline-benchmark";

describe("readOfflineBenchmark", () => {
  it("returns baselines, the joint model and its ablations with their metrics", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jg-bench-"));
    const file = path.join(dir, "rees46.json");
    fs.writeFileSync(
      file,
      JSON.stringify({
        protocol: "leave-last-out",
        models: {
          ease: { "recall@20": 0.17, "ndcg@20": 0.1, config: { lambda: 25 } },
          joint: { "recall@20": 0.21, "ndcg@20": 0.11 },
          "joint-no-ids": { "recall@20": 0.1 },
        },
      }),
    );
    const result = readOfflineBenchmark(file);
    expect(result?.rows).toEqual([
      { name: "ease", role: "baseline", metrics: { "recall@20": 0.17, "ndcg@20": 0.1 } },
      { name: "joint", role: "joint", metrics: { "recall@20": 0.21, "ndcg@20": 0.11 } },
      { name: "joint-no-ids", role: "ablation", metrics: { "recall@20": 0.1 } },
    ]);
    expect(readOfflineBenchmark(path.join(dir, "missing.json"))).toBeNull();
    fs.writeFileSync(file, JSON.stringify({ models: 3 }));
    expect(() => readOfflineBenchmark(file)).toThrow(/is not a benchmark result/);
  });

  it("reads the benchmark recorded in the repository", () => {
    const result = readOfflineBenchmark();
    expect(result?.rows.map((row) => row.name)).toEqual(expect.arrayContaining(["ease", "joint", "joint-no-content"]));
  });
});
