import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { countRows, FIXTURES, useFreshWorkspace } from "./helpers/temp-workspace";

const SMALL = path.join(FIXTURES, "rees46-small.csv");
const SMALL_RAW = path.join(FIXTURES, "rees46-small-raw.csv");
const HEADER = fs.readFileSync(SMALL, "utf8").split("\n")[0] ?? "";
const GOOD_ROW =
  "2018-12-01 11:40:29 UTC,1924719191579951782,1842195256808833386,1,1806829201890738522,jewelry.earring,0,561.51,1515915625207851155,,red,gold,diamond";

const ws = useFreshWorkspace();

describe("import rees46", () => {
  it("imports purchases, products and users from the normalized file", async () => {
    const result = await ws.cli("import", "rees46", "--file", SMALL, "--quiet");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("rows read: 9");
    expect(result.stdout).toContain("users: 6 (6 new)");
    expect(result.stdout).toContain("products: 7 (7 new, 0 updated, 0 unchanged)");
    expect(result.stdout).toContain("interactions: 8 unique rows (8 stored now, 0 already stored)");
    expect(result.stdout).toContain("duplicates collapsed: 1");
    expect(await countRows(ws.db)).toEqual({ products: 7, users: 6, interactions: 8 });

    const earrings = await ws.db.product.findUniqueOrThrow({ where: { sku: "1842195256808833386" } });
    expect(earrings).toMatchObject({
      titleEn: "Rose gold diamond earrings",
      titleZh: "玫瑰金钻石耳饰",
      category: "earring",
      metal: "rose-gold",
      gem: "diamond",
      color: "red",
      price: 599, // the latest purchase's price
      currency: "USD",
      brand: "brand-0",
      source: "rees46",
    });
    const inferred = await ws.db.product.findUniqueOrThrow({ where: { sku: "1835566849434059453" } });
    expect(inferred.category).toBe("pendant");
    expect(inferred.attributes).toMatchObject({ categoryInferredFrom: "category_id" });
    const stud = await ws.db.product.findUniqueOrThrow({ where: { sku: "1835566854106513435" } });
    expect(stud).toMatchObject({ category: "earring", metal: "white-gold", gem: "cubic-zirconia", gender: "male" });
    const unknown = await ws.db.product.findUniqueOrThrow({ where: { sku: "1835566854827934449" } });
    expect(unknown.category).toBe("other");
    const watch = await ws.db.product.findUniqueOrThrow({ where: { sku: "1900000000000000001" } });
    expect(watch).toMatchObject({
      category: "watch",
      metal: "platinum",
      titleEn: "Platinum watch",
      titleZh: "铂金手表",
    });

    const purchase = await ws.db.interaction.findFirstOrThrow({ where: { orderId: "1924719191579951782" } });
    expect(purchase).toMatchObject({ type: "purchase", source: "rees46", price: 561.51, quantity: 1 });
    expect(purchase.occurredAt.toISOString()).toBe("2018-12-01T11:40:29.000Z");
    const user = await ws.db.user.findUniqueOrThrow({ where: { externalId: "1515915625207851155" } });
    expect(user.gender).toBe("unknown");

    const run = await ws.db.importRun.findFirstOrThrow();
    expect(run).toMatchObject({ source: "rees46", status: "succeeded", rowsRead: 9, rowsImported: 8, rowsRejected: 0 });
    expect(run.fileHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes nothing when the same file is imported again", async () => {
    await ws.cli("import", "rees46", "--file", SMALL, "--quiet");
    const before = await ws.db.product.findMany({ orderBy: { sku: "asc" } });
    const again = await ws.cli("import", "rees46", "--file", SMALL, "--quiet");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("products: 7 (0 new, 0 updated, 7 unchanged)");
    expect(again.stdout).toContain("(0 stored now, 8 already stored)");
    expect(await countRows(ws.db)).toEqual({ products: 7, users: 6, interactions: 8 });
    expect(await ws.db.product.findMany({ orderBy: { sku: "asc" } })).toEqual(before);
  });

  it("reads the raw headerless file (leading empty line, 11-field rows) to the same events", async () => {
    const raw = await ws.cli("import", "rees46", "--file", SMALL_RAW, "--quiet");
    expect(raw.code).toBe(0);
    expect(raw.stdout).toContain("format: raw");
    expect(await countRows(ws.db)).toEqual({ products: 7, users: 6, interactions: 8 });
    const normalized = await ws.cli("import", "rees46", "--file", SMALL, "--quiet");
    expect(normalized.stdout).toContain("(0 stored now, 8 already stored)");
    expect(await countRows(ws.db)).toEqual({ products: 7, users: 6, interactions: 8 });
  });

  it("reads .xz and .gz files", async () => {
    const gz = ws.write("small.csv.gz", zlib.gzipSync(fs.readFileSync(SMALL)));
    expect((await ws.cli("import", "rees46", "--file", gz, "--quiet")).code).toBe(0);
    const xz = await ws.cli("import", "rees46", "--file", path.join(FIXTURES, "rees46-small.csv.xz"), "--quiet");
    expect(xz.code).toBe(0);
    expect(xz.stdout).toContain("(0 stored now, 8 already stored)");
  });

  it("rejects bad numbers, dates, ids and field counts with file, line and column; good rows land", async () => {
    const file = ws.write(
      "bad.csv",
      [
        HEADER,
        GOOD_ROW,
        GOOD_ROW.replace("561.51", '"12,5x"'),
        GOOD_ROW.replace("2018-12-01 11:40:29 UTC", "2018-13-45 99:00:00 UTC").replace("1924719191579951782", "1"),
        GOOD_ROW.replace("1515915625207851155", "user-7"),
        "2018-12-01 11:40:29 UTC,1,2,1,3",
        "",
      ].join("\n"),
    );
    const rejects = path.join(ws.dir, "rejects.csv");
    const result = await ws.cli("import", "rees46", "--file", file, "--quiet", "--rejects", rejects);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('bad.csv:3: column price_usd: "12,5x" is not a number');
    expect(result.stdout).toContain(
      'bad.csv:4: column order_datetime: "2018-13-45 99:00:00 UTC" is not a date like 2018-12-01 11:40:29 UTC',
    );
    expect(result.stdout).toContain('bad.csv:5: column user_id: "user-7" is not a numeric id');
    expect(result.stdout).toContain(
      "bad.csv:6: expected 13 fields (or 11 without category_id and category_alias), found 5",
    );
    expect(result.stdout).toContain("rejected: 4");
    expect(await countRows(ws.db)).toEqual({ products: 1, users: 1, interactions: 1 });
    const rejected = fs.readFileSync(rejects, "utf8").split("\n");
    expect(rejected[0]).toBe("file,line,column,message,raw");
    expect(rejected[1]).toContain('bad.csv,3,price_usd,"""12,5x"" is not a number"');
    const run = await ws.db.importRun.findFirstOrThrow();
    expect(run).toMatchObject({ status: "succeeded", rowsRejected: 4, rejectsFile: rejects });
    expect(JSON.stringify(run.problems)).toContain("bad.csv:6");
  });

  it("stops at the first bad row with --on-error stop and writes nothing", async () => {
    const file = ws.write("stop.csv", [HEADER, GOOD_ROW, GOOD_ROW.replace("561.51", "abc"), ""].join("\n"));
    const result = await ws.cli("import", "rees46", "--file", file, "--quiet", "--on-error", "stop");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("STOPPED: stopped at the first bad row (--on-error stop)");
    expect(result.stdout).toContain('stop.csv:3: column price_usd: "abc" is not a number');
    expect(await countRows(ws.db)).toEqual({ products: 0, users: 0, interactions: 0 });
    expect((await ws.db.importRun.findFirstOrThrow()).status).toBe("failed");
  });

  it("stops when --max-errors is exceeded", async () => {
    const bad = GOOD_ROW.replace("561.51", "x");
    const file = ws.write("many.csv", [HEADER, GOOD_ROW, bad, bad, bad, ""].join("\n"));
    const result = await ws.cli("import", "rees46", "--file", file, "--quiet", "--max-errors", "2");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("more than 2 rejected rows (--max-errors)");
    expect(await countRows(ws.db)).toEqual({ products: 0, users: 0, interactions: 0 });
  });

  it("stops on a wrong header, naming the missing columns", async () => {
    const file = ws.write("header.csv", [HEADER.replace("price_usd,", ""), GOOD_ROW, ""].join("\n"));
    const result = await ws.cli("import", "rees46", "--file", file, "--quiet");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("header.csv:1: header lacks column(s) price_usd");
    expect(await countRows(ws.db)).toEqual({ products: 0, users: 0, interactions: 0 });
  });

  it("reports invalid UTF-8 (a Latin-1 file) with its line", async () => {
    const latin1 = Buffer.from(`${HEADER}\n${GOOD_ROW}\n${GOOD_ROW.replace("diamond", "diamant-é")}\n`, "latin1");
    const file = ws.write("latin1.csv", latin1);
    const result = await ws.cli("import", "rees46", "--file", file, "--quiet");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("latin1.csv:3: invalid UTF-8 at character");
    expect(await countRows(ws.db)).toEqual({ products: 1, users: 1, interactions: 1 });
  });

  it("stops on a truncated gzip stream and writes nothing", async () => {
    const gz = zlib.gzipSync(fs.readFileSync(SMALL));
    const file = ws.write("cut.csv.gz", gz.subarray(0, gz.length - 40));
    const result = await ws.cli("import", "rees46", "--file", file, "--quiet");
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/cut\.csv\.gz:\d+: the gzip stream ends early \(truncated file\)/);
    expect(await countRows(ws.db)).toEqual({ products: 0, users: 0, interactions: 0 });
  });

  it("stops on a truncated xz stream", async () => {
    const xz = fs.readFileSync(path.join(FIXTURES, "rees46-small.csv.xz"));
    const file = ws.write("cut.csv.xz", xz.subarray(0, Math.floor(xz.length / 2)));
    const result = await ws.cli("import", "rees46", "--file", file, "--quiet");
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/cut\.csv\.xz:\d+: the xz stream (ends early|is corrupt)/);
    expect(await countRows(ws.db)).toEqual({ products: 0, users: 0, interactions: 0 });
  });

  it("rejects a last line cut short and a file ending inside a quoted field", async () => {
    const cut = ws.write("cut.csv", `${HEADER}\n${GOOD_ROW}\n${GOOD_ROW.slice(0, 60)}`);
    const result = await ws.cli("import", "rees46", "--file", cut, "--quiet");
    expect(result.stdout).toContain("cut.csv:3: expected 13 fields");
    const quoted = ws.write("quoted.csv", `${HEADER}\n${GOOD_ROW}\n${GOOD_ROW.replace(",diamond", ',"diamond')}\n`);
    const result2 = await ws.cli("import", "rees46", "--file", quoted, "--quiet");
    expect(result2.stdout).toContain("quoted.csv:3: the file ends inside a quoted field that starts on line 3");
    expect(await countRows(ws.db)).toEqual({ products: 1, users: 1, interactions: 1 });
  });
});
