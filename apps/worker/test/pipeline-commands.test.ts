import { describe, expect, it } from "vitest";
import { seedPurchases } from "./helpers/seed-purchases";
import { useFreshWorkspace } from "./helpers/temp-workspace";

const ws = useFreshWorkspace();

describe("run, evaluate and schedule", () => {
  it("run --skip-import trains and publishes; evaluate stores a re-evaluation; schedule retrains after new events", async () => {
    await seedPurchases(ws.db, { products: 40, users: 60, perUser: 5 });
    const run = await ws.cli("run", "--skip-import", "--kind", "popularity", "--quiet");
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("[run 1/1] train --kind popularity --publish");
    const first = await ws.db.modelVersion.findFirstOrThrow({ where: { status: "active" } });
    expect(first.kind).toBe("popularity");

    const evaluated = await ws.cli("evaluate", "--version", String(first.id), "--quiet");
    expect(evaluated.code).toBe(0);
    expect(evaluated.stdout).toMatch(/validation recall@20 \d\.\d{4}/);
    const metrics = (await ws.db.modelVersion.findUniqueOrThrow({ where: { id: first.id } })).metrics as Record<
      string,
      Record<string, unknown>
    >;
    expect(metrics.reevaluation?.validation).toEqual(metrics.validation);
    expect(await ws.cli("evaluate", "--version", "99")).toMatchObject({
      code: 2,
      stderr: "error: model version 99 does not exist\n",
    });

    const scheduled = await ws.cli("schedule", "--after-events", "5", "--kind", "popularity", "--max-runs", "1");
    expect(scheduled.code).toBe(0);
    expect(scheduled.stderr).toContain("[schedule] run 1: 5 new events (300 events in total)");
    expect(await ws.db.modelVersion.count()).toBe(2);
    expect(await ws.db.modelVersion.count({ where: { status: "active" } })).toBe(1);
    expect(await ws.cli("schedule")).toMatchObject({
      code: 2,
      stderr: "error: give --every-minutes N or --after-events M\n",
    });
  });

  it("run refuses an unknown kind before importing anything", async () => {
    const run = await ws.cli("run", "--kind", "nope");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: --kind nope is not a recommender kind; choose one of .*popularity/);
    expect(await ws.db.importRun.count()).toBe(0);
  });

  it("train stores the popularity baseline's metrics on the same split beside the version's own", async () => {
    await seedPurchases(ws.db, { products: 40, users: 60, perUser: 5 });
    expect((await ws.cli("train", "--kind", "itemknn", "--quiet")).code).toBe(0);
    const version = await ws.db.modelVersion.findFirstOrThrow();
    const metrics = version.metrics as { baselines?: { popularity?: { test?: Record<string, number> } } };
    expect(typeof metrics.baselines?.popularity?.test?.["recall@20"]).toBe("number");
  });
});
