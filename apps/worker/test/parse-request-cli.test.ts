import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { parseRequestLines, readConversationLines } from "../src/commands/parse-request";

async function run(read: typeof parseRequestLines, lines: string[]): Promise<Array<Record<string, unknown>>> {
  let text = "";
  const out = {
    write: (chunk: string) => {
      text += chunk;
    },
  };
  const count = await read(Readable.from([lines.join("\n")]), out);
  const rows = text
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(rows).toHaveLength(count);
  return rows;
}

describe("worker parse-request", () => {
  it("prints one parsed request per line", async () => {
    const [row] = await run(parseRequestLines, ["送妈妈的金手镯，预算5000"]);
    expect(row).toMatchObject({ category: "bracelet", metal: "gold", recipient: "mother", priceMax: 5000 });
  });

  it("with --conversation, prints the state after each turn and how the turn was read", async () => {
    const rows = await run(readConversationLines, ["送妈妈的金手镯，预算5000", "便宜一点", "换成银的", "不要男款"]);
    expect(rows.map((row) => row.kind)).toEqual(["new-request", "edit", "edit", "edit"]);
    expect(rows[1]).toMatchObject({ metal: "gold", priceMax: 3300, currency: "CNY" });
    expect(rows[3]).toEqual({
      kind: "edit",
      category: "bracelet",
      metal: "silver",
      gem: null,
      gender: "female",
      recipient: "mother",
      occasion: null,
      style: null,
      priceMin: null,
      priceMax: 3300,
      currency: "CNY",
      excluded: ["gender:male"],
    });
  });
});
