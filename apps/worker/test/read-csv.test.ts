import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { type Input, openInput } from "../src/ingest/read/open-input";
import { readCsv } from "../src/ingest/read/read-csv";
import { readTable } from "../src/ingest/read/read-table";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "read-csv-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function inputOf(name: string, bytes: Buffer | string): Input {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return openInput(file);
}

async function collect<T>(records: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const record of records) all.push(record);
  return all;
}

describe("readCsv", () => {
  it("numbers records by the physical line they start on, past blank lines and line breaks inside quotes", async () => {
    const text = '\uFEFFa,b,c\r\n1,2,3\r\n\r\n4,"x\r\ny",5\n\n\n6,"say ""hi""",\n7,8';
    const records = await collect(readCsv(inputOf("lines.csv", text)));
    expect(records.map(({ line, fields, raw }) => ({ line, fields, raw }))).toEqual([
      { line: 1, fields: ["a", "b", "c"], raw: "a,b,c" },
      { line: 2, fields: ["1", "2", "3"], raw: "1,2,3" },
      { line: 4, fields: ["4", "x\r\ny", "5"], raw: '4,"x\r\ny",5' },
      { line: 8, fields: ["6", 'say "hi"', ""], raw: '6,"say ""hi""",' },
      { line: 9, fields: ["7", "8"], raw: "7,8" },
    ]);
    expect(records.every((record) => record.problem === undefined)).toBe(true);
  });

  it("keeps a stray quote inside a field as text and leaves the field count to the caller", async () => {
    const records = await collect(readCsv(inputOf("stray.csv", 'a,b\n5 1/2",x,extra\n')));
    expect(records[1]).toEqual({ line: 2, fields: ['5 1/2"', "x", "extra"], raw: '5 1/2",x,extra' });
  });

  it("rejects the lines that are not UTF-8, naming the continuation line of a multi-line record", async () => {
    const latin = Buffer.from("caf\xe9", "latin1");
    const bytes = Buffer.concat([
      Buffer.from("a,b\n1,ok\n2,"),
      latin,
      Buffer.from('\n3,"first\n'),
      latin,
      Buffer.from('"\n4,fine\n'),
    ]);
    const records = await collect(readCsv(inputOf("latin.csv", bytes)));
    expect(records.map((record) => [record.line, record.problem])).toEqual([
      [1, undefined],
      [2, undefined],
      [3, expect.stringMatching(/^invalid UTF-8 at character 6 \(is the file Latin-1/)],
      [4, expect.stringMatching(/^line 5: invalid UTF-8 at character 4/)],
      [6, undefined],
    ]);
  });

  it("returns the rows before a quote left open at the end, then that record with its line", async () => {
    const text = 'a,b\n1,"x\r\ny"\n\n3,"never closed\r\nmore\n';
    const records = await collect(readCsv(inputOf("open.csv", text)));
    expect(records.map((record) => record.line)).toEqual([1, 2, 5]);
    expect(records[2]?.raw).toBe('3,"never closed\r\nmore');
    expect(records[2]?.problem).toBe(
      "the file ends inside a quoted field that starts on line 5 (truncated file or a missing closing quote)",
    );
  });

  it("reads gzip input and stops with the line where a truncated stream ends", async () => {
    const rows = Array.from({ length: 5000 }, (_, index) => `${index},${"x".repeat(40)}`).join("\n");
    const gzip = zlib.gzipSync(`a,b\n${rows}\n`);
    const whole = await collect(readCsv(inputOf("whole.csv.gz", gzip)));
    expect(whole).toHaveLength(5001);
    const cut = inputOf("cut.csv.gz", gzip.subarray(0, Math.floor(gzip.length / 2)));
    await expect(collect(readCsv(cut))).rejects.toThrow(/cut\.csv\.gz:\d+: the gzip stream ends early/);
  });
});

describe("readTable on JSONL", () => {
  it("numbers lines past blank ones, strips a BOM and CRLF, and rejects a line that is not UTF-8", async () => {
    const bytes = Buffer.concat([
      Buffer.from('\uFEFF{"sku":"a"}\r\n\n{"sku":"'),
      Buffer.from("\xe9", "latin1"),
      Buffer.from('"}\n{"sku":"c"}'),
    ]);
    const records = await collect(readTable(inputOf("rows.jsonl", bytes), { required: ["sku"], optional: [] }));
    expect(records.map((record) => [record.line, record.values, record.problems.map((p) => p.message)])).toEqual([
      [1, { sku: "a" }, []],
      [3, {}, [expect.stringMatching(/^invalid UTF-8 at character 9/)]],
      [4, { sku: "c" }, []],
    ]);
  });
});
