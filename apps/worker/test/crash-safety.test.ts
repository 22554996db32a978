import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { type Db, publishModelVersion, saveCandidateVersion } from "@jewelguide/db";
import { describe, expect, it } from "vitest";
import { useFreshWorkspace } from "./helpers/temp-workspace";

const WORKER_DIR = path.resolve(import.meta.dirname, "..");
const KILLS = Number(process.env.JEWELGUIDE_CRASH_KILLS ?? 12);

const ws = useFreshWorkspace();

/** Runs a TypeScript file in one node process (no tsx wrapper process, so SIGKILL hits the process doing the work). */
function spawnTs(file: string, args: string[], databaseUrl: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", file, ...args], {
    cwd: WORKER_DIR,
    env: { ...process.env, DATABASE_URL: databaseUrl, JEWELGUIDE_DATA_DIR: path.join(ws.dir, "data") },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function waitForLine(child: ChildProcess, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) resolve();
    });
    child.on("exit", (code) => reject(new Error(`exited (${code}) before printing ${text}`)));
  });
}

function waitForText(child: ChildProcess, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) resolve();
    });
    child.on("exit", () => reject(new Error(`exited before printing ${text}`)));
  });
}

function killAfter(child: ChildProcess, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), ms);
    child.on("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function activeVersions(db: Db) {
  return db.modelVersion.findMany({
    where: { status: "active" },
    select: { id: true, artifactSize: true, artifact: true },
  });
}

describe("crash safety (kill -9)", () => {
  it("killing a publisher at random points always leaves exactly one complete active version", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const artifact = new Uint8Array(4096).fill(i + 1);
      ids.push(
        (await saveCandidateVersion(ws.db, { kind: "ease", params: {}, metrics: {}, dataSnapshot: {}, artifact })).id,
      );
    }
    for (let kill = 0; kill < KILLS; kill++) {
      const child = spawnTs("test/helpers/publish-loop.ts", ids.map(String), ws.env.databaseUrl);
      await waitForLine(child, "ready");
      await killAfter(child, Math.random() * 150);
      const active = await activeVersions(ws.db);
      expect(active).toHaveLength(1);
      const [version] = active;
      expect(ids).toContain(version?.id);
      expect(version?.artifact?.byteLength).toBe(4096);
      expect(version?.artifactSize).toBe(4096);
    }
  }, 180_000);

  it("killing train mid-way leaves the active version unchanged and nothing half-written active", async () => {
    const products = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        ws.db.product.create({
          data: {
            sku: `S${i}`,
            titleZh: `戒指${i}`,
            titleEn: `Ring ${i}`,
            category: i % 2 ? "ring" : "earring",
            price: 100 + i,
          },
        }),
      ),
    );
    const users = await Promise.all(
      Array.from({ length: 80 }, (_, i) => ws.db.user.create({ data: { externalId: `u${i}` } })),
    );
    let key = 0;
    await ws.db.interaction.createMany({
      data: users.flatMap((user, u) =>
        Array.from({ length: 6 }, (_, j) => ({
          userId: user.id,
          productId: products[(u * 7 + j * 11) % products.length]?.id ?? 0,
          type: "purchase",
          occurredAt: new Date(Date.UTC(2026, 0, 1, 0, j)),
          source: "test",
          idempotencyKey: `k${key++}`,
        })),
      ),
    });
    const before = await saveCandidateVersion(ws.db, {
      kind: "popularity",
      params: {},
      metrics: {},
      dataSnapshot: {},
      artifact: new Uint8Array([9]),
    });
    await ws.db.modelVersion.update({ where: { id: before.id }, data: { status: "active" } });
    let killedMidway = 0;
    for (let attempt = 0; attempt < 8 && killedMidway < 3; attempt++) {
      const child = spawnTs("src/cli.ts", ["train", "--kind", "joint", "--publish"], ws.env.databaseUrl);
      // Once the data is loaded (training under way), kill at a random point of evaluation, fit, save or publish.
      await waitForText(child, "data: ").catch(() => undefined);
      await killAfter(child, Math.random() * 1500);
      const active = await activeVersions(ws.db);
      expect(active).toHaveLength(1);
      if (child.exitCode === 0) {
        // Finished before the kill: its version was published atomically. Put the previous one back and go on.
        await publishModelVersion(ws.db, before.id);
        continue;
      }
      expect(child.signalCode).toBe("SIGKILL");
      const [current] = active;
      if (current !== undefined && current.id !== before.id) {
        // Killed after its publish had committed, before the process exited: the new version is whole and the only
        // active one — what publishing atomically means. Put the previous one back and go on.
        const published = await ws.db.modelVersion.findUniqueOrThrow({ where: { id: current.id } });
        expect(published.artifactSize).toBeGreaterThan(0);
        await publishModelVersion(ws.db, before.id);
        continue;
      }
      killedMidway += 1;
      expect(active.map((v) => v.id)).toEqual([before.id]);
      const incomplete = await ws.db.modelVersion.count({ where: { artifactSize: 0 } });
      expect(incomplete).toBe(0);
    }
    expect(killedMidway).toBeGreaterThan(0);
  }, 180_000);
});
