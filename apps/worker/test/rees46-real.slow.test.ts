import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, createWorkspace, SHARED_DIR, type Workspace } from "./helpers/temp-workspace";

const DATA = path.join(SHARED_DIR, "data", "rees46-jewelry-purchases");

let ws: Workspace;
beforeAll(async () => {
  ws = await createWorkspace();
});
afterAll(async () => {
  await ws.close();
});

describe.skipIf(!fs.existsSync(DATA))("import rees46 on the real file", () => {
  it("imports the normalized file: 95,911 rows, 33,397 users, 9,613 products", { timeout: 300_000 }, async () => {
    const result = await ws.cli("import", "rees46", "--quiet");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("rows read: 95,911");
    expect(result.stdout).toContain("users: 33,397");
    expect(result.stdout).toContain("products: 9,613");
    expect(result.stdout).toContain("interactions: 93,322 unique rows");
    expect(result.stdout).toContain("duplicates collapsed: 2,589");
    expect(await countRows(ws.db)).toEqual({ products: 9_613, users: 33_397, interactions: 93_322 });
  });

  it("reads the raw file to exactly the same events", { timeout: 300_000 }, async () => {
    const result = await ws.cli("import", "rees46", "--quiet", "--file", path.join(DATA, "jewelry_raw.csv.gz"));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("rows read: 95,911");
    expect(result.stdout).toContain("(0 stored now, 93,322 already stored)");
    expect(await countRows(ws.db)).toEqual({ products: 9_613, users: 33_397, interactions: 93_322 });
  });
});
