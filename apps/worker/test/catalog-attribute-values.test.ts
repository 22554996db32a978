import { describe, expect, it } from "vitest";
import { useFreshWorkspace } from "./helpers/temp-workspace";

describe("import catalog: attribute values read by the guide's lexicon", () => {
  const ws = useFreshWorkspace();

  it("stores real catalogs' spellings as the shared vocabulary and keeps what it does not know, with a warning", async () => {
    const file = ws.write(
      "shop.csv",
      [
        "sku,category,price,metal,gem,color,gender",
        "S-1,Rings,10,yellow gold,Diamonds,,Women's",
        "S-2,耳钉,20,铂金,,,女款",
        "S-3,Necklaces,30,925 Sterling Silver,pearls,,",
        "S-4,ring,40,non-rhodiumized white gold,,,",
        "S-5,Pendant,50,Bronze,tanzanite,Rose Gold,unisex",
        'S-6,Tiaras & Crowns,60,"white gold, diamonds",,,',
        "S-7,bracelet,70,platinum 950,,,Men",
        "S-8,Hair combs,80,pink gold,,,",
        "",
      ].join("\n"),
    );
    const result = await ws.cli("import", "catalog", "--file", file, "--quiet");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("rejected: 0");
    expect(result.stdout).toContain("warnings: 5 (first 5):");
    expect(result.stdout).toContain('shop.csv:6: column metal: "Bronze" not in the lexicon: kept as attributes.metal');
    expect(result.stdout).toContain('shop.csv:6: column gem: "tanzanite" not in the lexicon: kept as attributes.gem');
    expect(result.stdout).toContain(
      "shop.csv:6: column color: also names metal rose-gold, but metal is empty: kept as attributes.color",
    );
    expect(result.stdout).toContain('shop.csv:7: column category: "Crowns" not in the lexicon');
    expect(result.stdout).toContain(
      'shop.csv:9: column category: "Hair combs" not in the lexicon (stored as other): kept as attributes.category',
    );
    const products = await ws.db.product.findMany({
      orderBy: { sku: "asc" },
      select: { sku: true, category: true, metal: true, gem: true, color: true, gender: true, attributes: true },
    });
    expect(products).toEqual([
      { sku: "S-1", category: "ring", metal: "gold", gem: "diamond", color: null, gender: "female", attributes: {} },
      { sku: "S-2", category: "earring", metal: "platinum", gem: null, color: null, gender: "female", attributes: {} },
      { sku: "S-3", category: "necklace", metal: "silver", gem: "pearl", color: null, gender: null, attributes: {} },
      { sku: "S-4", category: "ring", metal: "white-gold", gem: null, color: null, gender: null, attributes: {} },
      {
        sku: "S-5",
        category: "pendant",
        metal: null,
        gem: null,
        color: "rose",
        gender: "unisex",
        attributes: { metal: "Bronze", gem: "tanzanite", color: "Rose Gold" },
      },
      {
        sku: "S-6",
        category: "other",
        metal: "white-gold",
        gem: "diamond",
        color: null,
        gender: null,
        attributes: { category: "Tiaras & Crowns" },
      },
      { sku: "S-7", category: "bracelet", metal: "platinum", gem: null, color: null, gender: "male", attributes: {} },
      {
        sku: "S-8",
        category: "other",
        metal: "rose-gold",
        gem: null,
        color: null,
        gender: null,
        attributes: { category: "Hair combs" },
      },
    ]);
    const run = await ws.db.importRun.findFirstOrThrow();
    expect(run.counts).toMatchObject({ warnings: 5 });
  });
});
