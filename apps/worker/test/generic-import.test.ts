import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPostgresDatabase, POSTGRES_URL } from "./helpers/postgres-database";
import { countRows, createWorkspace, FIXTURES, useFreshWorkspace, type Workspace } from "./helpers/temp-workspace";

const CATALOG = path.join(FIXTURES, "catalog.csv");
const CATALOG_JSONL = path.join(FIXTURES, "catalog.jsonl");
const EVENTS = path.join(FIXTURES, "events.csv");
const USERS = path.join(FIXTURES, "users.csv");
const CATALOG_HEADER = fs.readFileSync(CATALOG, "utf8").split("\n")[0] ?? "";

type Target = { label: string; open(): Promise<{ ws: Workspace; drop(): Promise<void> }> };

const targets: Target[] = [
  {
    label: "SQLite",
    async open() {
      const ws = await createWorkspace();
      return { ws, drop: async () => undefined };
    },
  },
];
if (POSTGRES_URL) {
  const serverUrl = POSTGRES_URL;
  targets.push({
    label: "PostgreSQL",
    async open() {
      const database = await createPostgresDatabase(serverUrl);
      const ws = await createWorkspace(database.url);
      return { ws, drop: database.drop };
    },
  });
} else {
  describe("generic importers on PostgreSQL", () => {
    it.skip("skipped: set JEWELGUIDE_TEST_POSTGRES_URL=postgresql://user@host/postgres to run them", () => undefined);
  });
}

for (const target of targets) {
  describe(`generic importers on ${target.label}`, () => {
    let ws: Workspace;
    let drop: () => Promise<void>;
    beforeEach(async () => {
      ({ ws, drop } = await target.open());
    });
    afterEach(async () => {
      await ws.close();
      await drop();
    });

    it("imports catalog, users and events; a second import changes nothing", async () => {
      const catalog = await ws.cli("import", "catalog", "--file", CATALOG, "--quiet");
      expect(catalog.stderr).toBe("");
      expect(catalog.code).toBe(0);
      expect(catalog.stdout).toContain("products: 4 new, 0 updated, 0 unchanged");
      expect(catalog.stdout).toContain("duplicate rows collapsed: 1");
      const ring = await ws.db.product.findUniqueOrThrow({ where: { sku: "R-001" } });
      expect(ring).toMatchObject({
        titleZh: "玫瑰金钻石戒指",
        description: "Solitaire, 0.3 ct",
        price: 899,
        gender: "female",
      });
      expect(ring.attributes).toEqual({ carat: 0.3, size: "52" });
      expect(ring.createdAt.toISOString()).toBe("2024-05-01T10:00:00.000Z");
      expect(ring.imageUrl).toMatch(/^\/media\/catalog\/[0-9a-f]{12}-ring-01\.jpg$/);
      expect(fs.existsSync(path.join(ws.env.dataDir, ring.imageUrl ?? ""))).toBe(true);
      const earring = await ws.db.product.findUniqueOrThrow({ where: { sku: "E-003" } });
      expect(earring).toMatchObject({ titleEn: "Gold earrings", titleZh: "黄金耳饰", inStock: false, currency: "CNY" });

      expect((await ws.cli("import", "catalog", "--file", CATALOG_JSONL, "--quiet")).code).toBe(0);
      const users = await ws.cli("import", "users", "--file", USERS, "--quiet");
      expect(users.stdout).toContain("users: 3 new");
      const events = await ws.cli("import", "events", "--file", EVENTS, "--quiet");
      expect(events.code).toBe(0);
      expect(events.stdout).toContain("interactions: 5 stored now, 0 already stored");
      expect(events.stdout).toContain("users created: 1");
      expect(events.stdout).toContain("duplicate rows collapsed: 2");
      const purchase = await ws.db.interaction.findUniqueOrThrow({ where: { idempotencyKey: "event:e-3" } });
      expect(purchase.occurredAt.toISOString()).toBe("2024-07-01T02:10:00.000Z");
      expect(purchase).toMatchObject({ type: "purchase", orderId: "o-1", price: 899, source: "web" });
      expect(await countRows(ws.db)).toEqual({ products: 6, users: 4, interactions: 5 });

      const before = await ws.db.product.findMany({ orderBy: { sku: "asc" } });
      const again = await ws.cli("import", "catalog", "--file", CATALOG, "--quiet");
      expect(again.stdout).toContain("products: 0 new, 0 updated, 4 unchanged");
      expect((await ws.cli("import", "events", "--file", EVENTS, "--quiet")).stdout).toContain(
        "interactions: 0 stored now, 5 already stored",
      );
      expect((await ws.cli("import", "users", "--file", USERS, "--quiet")).stdout).toContain(
        "users: 0 new, 0 updated, 3 unchanged",
      );
      expect(await ws.db.product.findMany({ orderBy: { sku: "asc" } })).toEqual(before);
      expect(await countRows(ws.db)).toEqual({ products: 6, users: 4, interactions: 5 });
    });

    it("imports the REES46 fixture twice to the same counts", async () => {
      const rees46 = path.join(FIXTURES, "rees46-small.csv");
      expect((await ws.cli("import", "rees46", "--file", rees46, "--quiet")).code).toBe(0);
      const again = await ws.cli("import", "rees46", "--file", rees46, "--quiet");
      expect(again.stdout).toContain("(0 stored now, 8 already stored)");
      expect(await countRows(ws.db)).toEqual({ products: 7, users: 6, interactions: 8 });
    });

    it("rejects an event for an unknown product, naming line and column", async () => {
      await ws.cli("import", "catalog", "--file", CATALOG, "--quiet");
      const file = ws.write(
        "events.csv",
        "user_id,sku,type,occurred_at\nu-1,R-001,view,2024-07-01T10:00:00Z\nu-1,NOPE,view,2024-07-01T10:00:00Z\n",
      );
      const result = await ws.cli("import", "events", "--file", file, "--quiet");
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('events.csv:3: column sku: unknown product "NOPE"');
      expect(await ws.db.interaction.count()).toBe(1);
    });
  });
}

describe("generic importers: bad input", () => {
  const ws = useFreshWorkspace();

  it("rejects bad numbers, dates and JSON, each with file, line and column", async () => {
    const file = ws.write(
      "cat.csv",
      [
        CATALOG_HEADER,
        "A-1,,,,ring,,,,,10,,,,,,",
        'A-2,,,,ring,,,,,"12,5x",,,,,,',
        "A-3,,,,tiara,bronze,,,,10,,,,maybe,2024-02-30,",
        "A-4,,,,ring,,,,,10,,,,,,{not json",
        "A-5,,,,ring,,,,,10,,,missing.jpg,,,",
        "",
      ].join("\n"),
    );
    const rejects = path.join(ws.dir, "rejects.csv");
    const result = await ws.cli("import", "catalog", "--file", file, "--quiet", "--rejects", rejects);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('cat.csv:3: column price: "12,5x" is not a number');
    expect(result.stdout).toContain('cat.csv:4: column in_stock: "maybe" is not true/false');
    expect(result.stdout).toContain('cat.csv:4: column created_at: "2024-02-30" is not an ISO 8601 date');
    expect(result.stdout).toContain("cat.csv:5: column attributes: is not valid JSON");
    expect(result.stdout).toContain('cat.csv:6: column image: "missing.jpg": image file not found');
    expect(result.stdout).toContain("rejected: 4");
    expect(await ws.db.product.count()).toBe(1);
    expect(fs.readFileSync(rejects, "utf8")).toContain("cat.csv,4,in_stock,");
  });

  it("rejects the same sku with different data, naming the first line", async () => {
    const file = ws.write("dup.csv", "sku,category,price\nS-1,ring,10\nS-2,ring,20\nS-1,ring,11\n");
    const result = await ws.cli("import", "catalog", "--file", file, "--quiet");
    expect(result.stdout).toContain(
      'dup.csv:4: column sku: duplicate sku "S-1": line 2 already has it with different data',
    );
    expect((await ws.db.product.findUniqueOrThrow({ where: { sku: "S-1" } })).price).toBe(10);
  });

  it("stops on a missing header column and writes nothing; keeps an unknown column in attributes", async () => {
    const missing = ws.write("h1.csv", "sku,category\nS-1,ring\n");
    const result = await ws.cli("import", "catalog", "--file", missing, "--quiet");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("h1.csv:1: missing required column(s) price in the header");
    expect(await ws.db.product.count()).toBe(0);
    const unknown = ws.write("h2.csv", "sku,category,price,colour\nS-1,ring,1,red\n");
    const result2 = await ws.cli("import", "catalog", "--file", unknown, "--quiet");
    expect(result2.code).toBe(0);
    expect(result2.stdout).toContain("columns kept in attributes: colour");
    expect((await ws.db.product.findUniqueOrThrow({ where: { sku: "S-1" } })).attributes).toEqual({ colour: "red" });
  });

  it("rejects a row with the wrong number of fields and a truncated last line", async () => {
    const file = ws.write("fields.csv", "sku,category,price\nS-1,ring,10,extra\nS-2,ring,20\nS-3,ri");
    const result = await ws.cli("import", "catalog", "--file", file, "--quiet");
    expect(result.stdout).toContain("fields.csv:2: expected 3 fields as in the header, found 4");
    expect(result.stdout).toContain("fields.csv:4: expected 3 fields as in the header, found 2");
    expect(await ws.db.product.count()).toBe(1);
  });

  it("rejects a CSV that ends inside a quoted field", async () => {
    const file = ws.write(
      "quote.csv",
      'sku,category,price,description\nS-1,ring,10,ok\nS-2,ring,20,"never closed\nmore text\n',
    );
    const result = await ws.cli("import", "catalog", "--file", file, "--quiet");
    expect(result.stdout).toContain("quote.csv:3: the file ends inside a quoted field that starts on line 3");
    expect(await ws.db.product.count()).toBe(1);
  });

  it("reports invalid UTF-8 (Latin-1) with its line and keeps the other rows", async () => {
    const file = ws.write(
      "latin.csv",
      Buffer.from("sku,category,price,description\nS-1,ring,10,ok\nS-2,ring,20,bagué\n", "latin1"),
    );
    const result = await ws.cli("import", "catalog", "--file", file, "--quiet");
    expect(result.stdout).toContain("latin.csv:3: invalid UTF-8 at character 17");
    expect(await ws.db.product.count()).toBe(1);
  });

  it("reports bad JSONL lines; keeps unknown fields in attributes", async () => {
    const file = ws.write(
      "c.jsonl",
      '{"sku":"S-1","category":"ring","price":1}\n{"sku":"S-2",\n{"sku":"S-3","category":"ring","price":1,"colour":"red"}\n[1]\n',
    );
    const result = await ws.cli("import", "catalog", "--file", file, "--quiet");
    expect(result.stdout).toContain("c.jsonl:2: not valid JSON");
    expect(result.stdout).toContain("c.jsonl:4: expected a JSON object");
    expect(await ws.db.product.count()).toBe(2);
    expect((await ws.db.product.findUniqueOrThrow({ where: { sku: "S-3" } })).attributes).toEqual({ colour: "red" });
  });

  it("with --on-error stop drops the batch being collected", async () => {
    const file = ws.write("stop.csv", "sku,category,price\nS-1,ring,10\nS-2,ring,x\nS-3,ring,30\n");
    const result = await ws.cli("import", "catalog", "--file", file, "--quiet", "--on-error", "stop");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('stop.csv:3: column price: "x" is not a number');
    expect(await ws.db.product.count()).toBe(0);
    const run = await ws.db.importRun.findFirstOrThrow();
    expect(run.status).toBe("failed");
  });

  it("keeps earlier batches when a later batch stops (batch size 1)", async () => {
    const file = ws.write("stop2.csv", "sku,category,price\nS-1,ring,10\nS-2,ring,x\nS-3,ring,30\n");
    const result = await ws.cli(
      "import",
      "catalog",
      "--file",
      file,
      "--quiet",
      "--on-error",
      "stop",
      "--batch-size",
      "1",
    );
    expect(result.code).toBe(1);
    expect(await ws.db.product.count()).toBe(1);
  });

  it("stops on a truncated gzip stream, keeping nothing of the unfinished batch", async () => {
    const rows = ["sku,category,price", ...Array.from({ length: 2000 }, (_, i) => `S-${i},ring,${i}`)].join("\n");
    const gz = zlib.gzipSync(Buffer.from(rows));
    const file = ws.write("cut.csv.gz", gz.subarray(0, Math.floor(gz.length * 0.6)));
    const result = await ws.cli("import", "catalog", "--file", file, "--quiet");
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/cut\.csv\.gz:\d+: the gzip stream ends early \(truncated file\)/);
    expect(await ws.db.product.count()).toBe(0);
  });

  it("rejects bad event rows: type, date, quantity", async () => {
    await ws.cli("import", "catalog", "--file", CATALOG, "--quiet");
    const file = ws.write(
      "ev.csv",
      "user_id,sku,type,occurred_at,quantity\nu,R-001,like,2024-07-01T10:00:00Z,1\nu,R-001,view,yesterday,1\nu,R-001,view,2024-07-01T10:00:00Z,0\nu,R-001,view,2024-07-01 10:00,1\n",
    );
    const result = await ws.cli("import", "events", "--file", file, "--quiet");
    expect(result.stdout).toContain('ev.csv:2: column type: "like" is not one of impression');
    expect(result.stdout).toContain('ev.csv:3: column occurred_at: "yesterday" is not an ISO 8601');
    expect(result.stdout).toContain("ev.csv:4: column quantity: 0 is below the minimum 1");
    expect(result.stdout).toContain('ev.csv:5: column occurred_at: "2024-07-01 10:00" is not an ISO 8601');
    expect(await ws.db.interaction.count()).toBe(0);
  });
});
