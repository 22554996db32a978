import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, useFreshWorkspace } from "./helpers/temp-workspace";

/**
 * Three shops' own exports, written for these tests in the shapes real shops produce (not from shared/): a Shopify
 * product CSV with variants, a Chinese marketplace export with 中文 column names and 元 prices (with a BOM, and cut
 * off inside a quoted field), and a JSONL product feed. Each is imported with its mapping as it is; the expected
 * result (products with their normalised attributes, warnings, rejected lines) sits beside it as JSON.
 */
const EXPORTS = path.join(FIXTURES, "shop-exports");

/** The expected import result beside the export: products with their normalised attributes, warnings, rejections. */
function expectResult(got: unknown, name: string): void {
  expect(got).toEqual(JSON.parse(fs.readFileSync(path.join(EXPORTS, name), "utf8")));
}

const SELECTED = {
  sku: true,
  titleEn: true,
  titleZh: true,
  description: true,
  category: true,
  metal: true,
  gem: true,
  color: true,
  gender: true,
  price: true,
  currency: true,
  brand: true,
  imageUrl: true,
  inStock: true,
  attributes: true,
} as const;

describe("import catalog: shops' own exports, as they are", () => {
  const ws = useFreshWorkspace();

  async function importAndRead(...flags: string[]) {
    const result = await ws.cli("import", "catalog", "--quiet", ...flags);
    const run = await ws.db.importRun.findFirstOrThrow({ orderBy: { id: "desc" } });
    const counts = run.counts as { firstWarnings?: string[] };
    return {
      code: result.code,
      stdout: result.stdout,
      products: await ws.db.product.findMany({ orderBy: { sku: "asc" }, select: SELECTED }),
      warnings: counts.firstWarnings ?? [],
      problems: (run.problems as { text: string }[]).map((problem) => problem.text),
    };
  }

  it("Shopify product CSV (--preset shopify): each variant a product, the handle's product columns inherited", async () => {
    const got = await importAndRead("--file", path.join(EXPORTS, "shopify-products.csv"), "--preset", "shopify");
    expect(got.code).toBe(0);
    expect(got.stdout).toContain("rows merged into the product before them: 1");
    expectResult(
      { products: got.products, warnings: got.warnings, problems: got.problems },
      "shopify-products.expected.json",
    );
  });

  it("Chinese marketplace export (--map-file): 中文 columns, 元 prices, the rows before an unclosed quote", async () => {
    const got = await importAndRead(
      "--file",
      path.join(EXPORTS, "tmall-export.csv"),
      "--map-file",
      path.join(EXPORTS, "tmall-mapping.json"),
    );
    expect(got.code).toBe(0);
    expectResult(
      { products: got.products, warnings: got.warnings, problems: got.problems },
      "tmall-export.expected.json",
    );
  });

  it("JSONL product feed (--map-file, --unknown-columns ignore): one warning lists the dropped fields", async () => {
    const got = await importAndRead(
      "--file",
      path.join(EXPORTS, "product-feed.jsonl"),
      "--map-file",
      path.join(EXPORTS, "product-feed-mapping.json"),
      "--unknown-columns",
      "ignore",
    );
    expect(got.code).toBe(0);
    expectResult(
      { products: got.products, warnings: got.warnings, problems: got.problems },
      "product-feed.expected.json",
    );
  });
});
