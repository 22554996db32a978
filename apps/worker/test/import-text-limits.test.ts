import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOG_TEXT_LIMITS } from "../src/ingest/sources/catalog/catalog-columns";
import { EVENT_TEXT_LIMITS } from "../src/ingest/sources/events/parse-event-row";
import { PHOTO_SET_TEXT_LIMITS } from "../src/ingest/sources/images/read-photo-set";
import { NEWCHIC_TEXT_LIMITS } from "../src/ingest/sources/newchic/parse-newchic-row";
import { REES46_COLUMNS } from "../src/ingest/sources/rees46/columns";
import { REES46_TEXT_LIMITS } from "../src/ingest/sources/rees46/parse-row";
import { USER_TEXT_LIMITS } from "../src/ingest/sources/users/import-users";
import { jpegBytes } from "./helpers/image-bytes";
import { FIXTURES, useFreshWorkspace } from "./helpers/temp-workspace";

const ws = useFreshWorkspace();

/** The exact problem line an over-long value gives: file, line, column, actual length and limit. */
function tooLong(file: string, line: number, column: string, length: number, max: number): string {
  const n = (value: number) => value.toLocaleString("en-US");
  return `${file}:${line}: column ${column}: is ${n(length)} characters long; at most ${n(max)} allowed`;
}

/** Every problem the last import recorded (the summary on stdout shows only the first ten). */
async function recordedProblems(): Promise<string> {
  const run = await ws.db.importRun.findFirstOrThrow({ orderBy: { id: "desc" } });
  return (run.problems as { text: string }[]).map((problem) => problem.text).join("\n");
}

function jsonl(rows: Record<string, unknown>[]): string {
  return `${rows.map((row) => JSON.stringify(row)).join("\n")}\n`;
}

/** A valid URL of exactly `length` characters. */
function urlOfLength(length: number): string {
  const head = "https://cdn.example.com/";
  return `${head}${"a".repeat(length - head.length - 4)}.jpg`;
}

describe("import catalog: length limits", () => {
  it("rejects each over-long column naming line, column, limit and length; stores values at the limit whole", async () => {
    const columns = Object.keys(CATALOG_TEXT_LIMITS) as (keyof typeof CATALOG_TEXT_LIMITS)[];
    const overLong = columns.map((column, index) => {
      const max = CATALOG_TEXT_LIMITS[column];
      const row: Record<string, unknown> = { sku: `O-${index}`, category: "ring", price: 1 };
      row[column] = column === "image" ? urlOfLength(max + 1) : "x".repeat(max + 1);
      return row;
    });
    const atLimit: Record<string, unknown> = { sku: "S".repeat(CATALOG_TEXT_LIMITS.sku), category: "ring", price: 1 };
    for (const column of columns) {
      if (column === "sku" || column === "currency") continue;
      atLimit[column] =
        column === "image" ? urlOfLength(CATALOG_TEXT_LIMITS.image) : "é".repeat(CATALOG_TEXT_LIMITS[column]);
    }
    const file = ws.write("limits.jsonl", jsonl([...overLong, atLimit]));
    const result = await ws.cli("import", "catalog", "--file", file, "--quiet", "--max-errors", "100");
    expect(result.code).toBe(0);
    // More columns than the summary shows problems: read them from the import run, which keeps the first 50.
    const run = await ws.db.importRun.findFirstOrThrow();
    const problems = (run.problems as { text: string }[]).map((problem) => problem.text).join("\n");
    columns.forEach((column, index) => {
      const max = CATALOG_TEXT_LIMITS[column];
      expect(problems).toContain(tooLong("limits.jsonl", index + 1, column, max + 1, max));
    });
    expect(result.stdout).toContain(`rejected: ${columns.length}`);
    const [stored] = await ws.db.product.findMany();
    expect(await ws.db.product.count()).toBe(1);
    expect(stored?.sku).toHaveLength(CATALOG_TEXT_LIMITS.sku);
    expect(stored?.description).toHaveLength(CATALOG_TEXT_LIMITS.description);
    expect(stored?.titleZh).toHaveLength(CATALOG_TEXT_LIMITS.title_zh);
    expect(stored?.brand).toHaveLength(CATALOG_TEXT_LIMITS.brand);
    expect(stored?.imageUrl).toHaveLength(CATALOG_TEXT_LIMITS.image);
  });

  it("rejects a 1 MB gem, category or price with a short message; the row is not stored", async () => {
    const huge = "g".repeat(1024 * 1024);
    const file = ws.write(
      "huge.csv",
      `sku,category,metal,gem,price,in_stock,created_at\nA,ring,,${huge},1,,\nB,${huge},,,1,,\nC,ring,${huge},,1,,\nD,ring,,,${"9".repeat(1024 * 1024)},,\nE,ring,,,1,${huge},${huge}\n`,
    );
    const rejects = path.join(ws.dir, "rejects.csv");
    const result = await ws.cli("import", "catalog", "--file", file, "--quiet", "--rejects", rejects);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(tooLong("huge.csv", 2, "gem", 1024 * 1024, CATALOG_TEXT_LIMITS.gem));
    expect(result.stdout).toContain(tooLong("huge.csv", 3, "category", 1024 * 1024, 100));
    expect(result.stdout).toContain(tooLong("huge.csv", 4, "metal", 1024 * 1024, 100));
    expect(result.stdout).toContain(tooLong("huge.csv", 5, "price", 1024 * 1024, 40));
    expect(result.stdout).toContain(
      `huge.csv:6: column in_stock: ${JSON.stringify("g".repeat(60))}… (1,048,576 characters) is not true/false`,
    );
    expect(result.stdout).toContain(tooLong("huge.csv", 6, "created_at", 1024 * 1024, 50));
    expect(result.stdout.length).toBeLessThan(4000);
    expect(await ws.db.product.count()).toBe(0);
    const run = await ws.db.importRun.findFirstOrThrow();
    expect(JSON.stringify(run.problems).length).toBeLessThan(4000);
    // The rejects file keeps each raw row (that is its purpose) but every message stays short.
    const messages = fs
      .readFileSync(rejects, "utf8")
      .split("\n")
      .filter((line) => line.startsWith("huge.csv"));
    expect(messages).toHaveLength(6);
  });

  it("limits attributes: key and value length, keys per object, depth, total size, reserved keys", async () => {
    const deep = { a: { b: { c: { d: { e: { f: 1 } } } } } };
    const manyKeys = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, i]));
    const big = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, "v".repeat(1999)]));
    const file = ws.write(
      "attributes.jsonl",
      `${[
        { sku: "A1", category: "ring", price: 1, attributes: { ["k".repeat(101)]: 1 } },
        { sku: "A2", category: "ring", price: 1, attributes: { note: "n".repeat(2001) } },
        { sku: "A3", category: "ring", price: 1, attributes: manyKeys },
        { sku: "A4", category: "ring", price: 1, attributes: deep },
        { sku: "A5", category: "ring", price: 1, attributes: big },
        { sku: "A6", category: "ring", price: 1, attributes: { list: ["ok", "n".repeat(2001)] } },
        {
          sku: "OK",
          category: "ring",
          price: 1,
          attributes: { ["k".repeat(100)]: "v".repeat(2000), d: { e: { f: { g: 1 } } } },
        },
      ]
        .map((row) => JSON.stringify(row))
        .join("\n")}\n{"sku":"A7","category":"ring","price":1,"attributes":{"__proto__":{"polluted":true}}}\n`,
    );
    const result = await ws.cli("import", "catalog", "--file", file, "--quiet");
    expect(result.stdout).toContain(
      `attributes.jsonl:1: column attributes: key ${JSON.stringify("k".repeat(60))}… (101 characters) is 101 characters long; at most 100 allowed`,
    );
    expect(result.stdout).toContain(
      'attributes.jsonl:2: column attributes: value of "note" is 2,001 characters long; at most 2,000 allowed',
    );
    expect(result.stdout).toContain(
      "attributes.jsonl:3: column attributes: the object has 101 keys; at most 100 allowed",
    );
    expect(result.stdout).toContain(
      'attributes.jsonl:4: column attributes: "a"."b"."c"."d"."e" nests deeper than 5 levels',
    );
    expect(result.stdout).toContain("attributes.jsonl:5: column attributes: as JSON is 22,");
    expect(result.stdout).toContain(
      'attributes.jsonl:6: column attributes: value of "list"[1] is 2,001 characters long',
    );
    expect(result.stdout).toContain('attributes.jsonl:8: column attributes: key "__proto__" is reserved');
    expect((await ws.db.product.findMany()).map((product) => product.sku)).toEqual(["OK"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("import users and events: length limits", () => {
  it("rejects each over-long user column and over-long attributes", async () => {
    const columns = Object.keys(USER_TEXT_LIMITS) as (keyof typeof USER_TEXT_LIMITS)[];
    const rows = columns.map((column, index) => ({
      user_id: `u-${index}`,
      [column]: "x".repeat(USER_TEXT_LIMITS[column] + 1),
    }));
    rows.push({ user_id: "u-attr", attributes: { city: "c".repeat(2001) } } as never);
    rows.push({
      user_id: "u-ok",
      age_band: "a".repeat(USER_TEXT_LIMITS.age_band),
      city: "c".repeat(USER_TEXT_LIMITS.city),
    });
    const file = ws.write("users.jsonl", jsonl(rows));
    const result = await ws.cli("import", "users", "--file", file, "--quiet");
    columns.forEach((column, index) => {
      const max = USER_TEXT_LIMITS[column];
      expect(result.stdout).toContain(tooLong("users.jsonl", index + 1, column, max + 1, max));
    });
    expect(result.stdout).toContain(`users.jsonl:${columns.length + 1}: column attributes: value of "city" is 2,001`);
    expect((await ws.db.user.findMany()).map((user) => user.externalId)).toEqual(["u-ok"]);
  });

  it("rejects each over-long event column, vocabulary value and date", async () => {
    await ws.cli("import", "catalog", "--file", path.join(FIXTURES, "catalog.csv"), "--quiet");
    const valid = { user_id: "u-1", sku: "R-001", type: "view", occurred_at: "2024-07-01T10:00:00Z" };
    const columns = Object.keys(EVENT_TEXT_LIMITS) as (keyof typeof EVENT_TEXT_LIMITS)[];
    const rows: Record<string, unknown>[] = columns.map((column) => ({
      ...valid,
      [column]: "x".repeat(EVENT_TEXT_LIMITS[column] + 1),
    }));
    rows.push({ ...valid, type: "v".repeat(101) });
    rows.push({ ...valid, occurred_at: "2".repeat(51) });
    rows.push({
      ...valid,
      event_id: "e".repeat(EVENT_TEXT_LIMITS.event_id),
      order_id: "o".repeat(EVENT_TEXT_LIMITS.order_id),
    });
    const file = ws.write("events.jsonl", jsonl(rows));
    const result = await ws.cli("import", "events", "--file", file, "--quiet");
    columns.forEach((column, index) => {
      const max = EVENT_TEXT_LIMITS[column];
      expect(result.stdout).toContain(tooLong("events.jsonl", index + 1, column, max + 1, max));
    });
    expect(result.stdout).toContain(tooLong("events.jsonl", columns.length + 1, "type", 101, 100));
    expect(result.stdout).toContain(tooLong("events.jsonl", columns.length + 2, "occurred_at", 51, 50));
    expect(result.stdout).toContain(`rejected: ${columns.length + 2}`);
    expect(await ws.db.interaction.count()).toBe(1);
  });
});

describe("import newchic, rees46 and images: length limits", () => {
  it("rejects each over-long stored Newchic column", async () => {
    const [header = "", first = ""] = fs.readFileSync(path.join(FIXTURES, "newchic-small.csv"), "utf8").split(/\r?\n/);
    const names = header.split(",");
    const template = parseCsvLine(first);
    const columns = Object.keys(NEWCHIC_TEXT_LIMITS) as (keyof typeof NEWCHIC_TEXT_LIMITS)[];
    const lines = columns.map((column) => {
      const fields = [...template];
      const max = NEWCHIC_TEXT_LIMITS[column];
      fields[names.indexOf(column)] =
        column === "image_url" || column === "url" ? urlOfLength(max + 1) : "1".repeat(max + 1);
      return fields.map((field) => `"${field.replaceAll('"', '""')}"`).join(",");
    });
    const file = ws.write("newchic.csv", `${header}\n${lines.join("\n")}\n`);
    await ws.cli("import", "newchic", "--file", file, "--quiet");
    const problems = await recordedProblems();
    expect(problems.split("\n")).toHaveLength(columns.length);
    columns.forEach((column, index) => {
      const max = NEWCHIC_TEXT_LIMITS[column];
      expect(problems).toContain(tooLong("newchic.csv", index + 2, column, max + 1, max));
    });
    expect(await ws.db.product.count()).toBe(0);
  });

  it("rejects each over-long REES46 column before any other check", async () => {
    const [header = "", first = ""] = fs.readFileSync(path.join(FIXTURES, "rees46-small.csv"), "utf8").split("\n");
    const lines = REES46_COLUMNS.map((column, index) => {
      const fields = first.split(",");
      fields[index] = "1".repeat(REES46_TEXT_LIMITS[column] + 1);
      return fields.join(",");
    });
    const file = ws.write("rees46.csv", `${header}\n${lines.join("\n")}\n`);
    await ws.cli("import", "rees46", "--file", file, "--quiet", "--max-errors", "100");
    const problems = await recordedProblems();
    expect(problems.split("\n")).toHaveLength(REES46_COLUMNS.length);
    REES46_COLUMNS.forEach((column, index) => {
      const max = REES46_TEXT_LIMITS[column];
      expect(problems).toContain(tooLong("rees46.csv", index + 2, column, max + 1, max));
    });
    expect(await ws.db.interaction.count()).toBe(0);
  });

  it("rejects over-long photo set columns in labels.csv and attributes.csv", async () => {
    const set = path.join(ws.dir, "set");
    ws.write("set/images/rings_0001.jpg", jpegBytes("ring"));
    ws.write("set/images/rings_0002.jpg", jpegBytes("ring 2"));
    const max = PHOTO_SET_TEXT_LIMITS;
    ws.write(
      "set/labels.csv",
      `file,label,original_path\n${"f".repeat(max.file + 1)},rings,\nimages/rings_0001.jpg,rings,${"p".repeat(max.original_path + 1)}\nimages/rings_0002.jpg,rings,ok\n`,
    );
    ws.write(
      "set/attributes.csv",
      [
        "file,label,description,materials,gemstones,gender",
        `images/rings_0002.jpg,rings,${"d".repeat(max.description + 1)},Gold,,`,
        `images/rings_0002.jpg,rings,,${"m".repeat(max.materials + 1)},,`,
        `images/rings_0002.jpg,rings,,Gold,${"g".repeat(max.listEntry + 1)},`,
        `images/rings_0002.jpg,rings,,Gold,,${"x".repeat(max.gender + 1)}`,
        "",
      ].join("\n"),
    );
    const result = await ws.cli("import", "images", "--dir", set, "--quiet");
    expect(result.stdout).toContain(tooLong("labels.csv", 2, "file", max.file + 1, max.file));
    expect(result.stdout).toContain(
      tooLong("labels.csv", 3, "original_path", max.original_path + 1, max.original_path),
    );
    expect(result.stdout).toContain(tooLong("attributes.csv", 2, "description", max.description + 1, max.description));
    expect(result.stdout).toContain(tooLong("attributes.csv", 3, "materials", max.materials + 1, max.materials));
    expect(result.stdout).toContain(
      "attributes.csv:4: column gemstones: an entry is 101 characters long; at most 100 allowed",
    );
    expect(result.stdout).toContain(tooLong("attributes.csv", 5, "gender", max.gender + 1, max.gender));
    expect((await ws.db.product.findMany()).map((product) => product.sku)).toEqual(["img-rings_0002"]);
  });
});

/** Splits one CSV line (quoted fields without line breaks). */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const character = line[i];
    if (quoted) {
      if (character === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ",") {
      fields.push(field);
      field = "";
    } else field += character;
  }
  fields.push(field);
  return fields;
}
