import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { number, oneOf, text } from "../src/ingest/row-columns";
import { updateAttributeVocabulary } from "../src/ingest/sources/catalog/render-attribute-vocabulary";
import { renderColumnTable, updateColumnTables } from "../src/ingest/sources/render-column-tables";

const docPath = path.resolve(import.meta.dirname, "../../../docs/data-formats.md");

describe("docs/data-formats.md column tables", () => {
  it("match the importers' zod row schemas (run `pnpm --filter @jewelguide/worker docs:formats` to rewrite them)", () => {
    const doc = fs.readFileSync(docPath, "utf8");
    for (const name of ["catalog", "users", "events", "newchic"]) expect(doc).toContain(`<!-- columns: ${name}`);
    expect(updateColumnTables(doc)).toBe(doc);
  });

  it("shows the lexicon's attribute vocabulary as it is (run `pnpm --filter @jewelguide/worker docs:formats`)", () => {
    const doc = fs.readFileSync(docPath, "utf8");
    expect(doc).toContain("<!-- vocabulary: attribute-values");
    expect(doc).toContain("| `rose-gold` | Rose gold | 玫瑰金 |");
    expect(doc).toContain("`pink gold`");
    expect(updateAttributeVocabulary(doc)).toBe(doc);
  });

  it("renders name, required, type and description, and refuses a marker without a schema", () => {
    const schema = z.object({
      sku: text({ required: true, max: 20 }).describe("the id"),
      metal: oneOf(["gold", "silver"]).describe("case-insensitive"),
      price: number({ min: 0 }).describe("the price"),
    });
    expect(renderColumnTable(schema)).toBe(
      [
        "| column | required | type | rule |",
        "|---|---|---|---|",
        "| `sku` | yes | text, at most 20 characters | the id |",
        "| `metal` | no | one of `gold` `silver` | case-insensitive |",
        "| `price` | no | number ≥ 0 | the price |",
      ].join("\n"),
    );
    expect(() => updateColumnTables("<!-- columns: nope -->\nold\n<!-- /columns -->")).toThrow(
      /no row schema named "nope"/,
    );
  });
});
