import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

/**
 * The app-router bundle and the Pages API bundle each load their own copy of this module; both must get the one
 * runtime of the process (one database handle, one model serving), whichever asks first.
 */
describe("getServerRuntime", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jewelguide-web-runtime-"));
  vi.stubEnv("DATABASE_URL", `file:${path.join(dataDir, "shop.db")}`);
  vi.stubEnv("JEWELGUIDE_DATA_DIR", dataDir);
  vi.stubEnv("JEWELGUIDE_SECRET", "a-test-secret-of-at-least-32-characters!");

  afterAll(async () => {
    const holder = globalThis as { jewelguideRuntime?: { db: { $disconnect(): Promise<void> } } };
    await holder.jewelguideRuntime?.db.$disconnect();
    delete holder.jewelguideRuntime;
    vi.unstubAllEnvs();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  // Two cold imports of the whole server graph (~2.5 s each on a loaded 2-core machine): more than vitest's 5 s default.
  it("gives two separately loaded copies of the module the same runtime", { timeout: 30_000 }, async () => {
    const pages = await import("./server-runtime");
    vi.resetModules();
    const api = await import("./server-runtime");
    expect(api.getServerRuntime).not.toBe(pages.getServerRuntime);
    const runtime = api.getServerRuntime();
    expect(pages.getServerRuntime()).toBe(runtime);
    expect(pages.getServerRuntime().serving).toBe(runtime.serving);
  });
});
