import { describe, expect, it } from "vitest";
import { useFreshWorkspace } from "./helpers/temp-workspace";

describe("import catalog: a shop's own column names", () => {
  const ws = useFreshWorkspace();

  it("--map reads the file's columns as catalog columns; other columns are kept in attributes", async () => {
    const file = ws.write(
      "boutique.csv",
      [
        "ref,categorie,title,prix,matiere,collection",
        'B-1,Bagues,Solitaire,"1,450.00","white gold, diamonds",Mariage',
        "B-2,Colliers,Perles,320,Sterling Silver,",
        "",
      ].join("\n"),
    );
    const result = await ws.cli(
      "import",
      "catalog",
      "--file",
      file,
      "--quiet",
      "--map",
      "ref=sku,categorie=category,title=title_en,prix=price,matiere=metal",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("columns kept in attributes: collection");
    const products = await ws.db.product.findMany({
      orderBy: { sku: "asc" },
      select: { sku: true, titleEn: true, category: true, metal: true, gem: true, price: true, attributes: true },
    });
    // "Bagues"/"Colliers" are French: the lexicon does not know them, so the rows land as `other` with a warning.
    expect(products).toEqual([
      {
        sku: "B-1",
        titleEn: "Solitaire",
        category: "other",
        metal: "white-gold",
        gem: "diamond",
        price: 1450,
        attributes: { collection: "Mariage", category: "Bagues" },
      },
      {
        sku: "B-2",
        titleEn: "Perles",
        category: "other",
        metal: "silver",
        gem: null,
        price: 320,
        attributes: { category: "Colliers" },
      },
    ]);
    expect(result.stdout).toContain(
      'boutique.csv:2: column category: "Bagues" not in the lexicon (stored as other): kept as attributes.category',
    );
  });

  it("refuses a mapping onto no catalog column, two columns onto one, an unknown preset or policy (exit 2)", async () => {
    const file = ws.write("m.csv", "ref,price,category\nA,1,ring\n");
    const wrongTarget = await ws.cli("import", "catalog", "--file", file, "--map", "ref=reference");
    expect(wrongTarget.code).toBe(2);
    expect(wrongTarget.stderr).toContain('--map: "ref" maps to "reference", which is no catalog column');
    const twice = await ws.cli("import", "catalog", "--file", file, "--map", "ref=sku,price=sku");
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--map: "ref" and "price" both map to "sku"');
    const preset = await ws.cli("import", "catalog", "--file", file, "--preset", "woocommerce");
    expect(preset.code).toBe(2);
    expect(preset.stderr).toContain('--preset must be one of shopify, not "woocommerce"');
    const unknown = await ws.cli("import", "catalog", "--file", file, "--unknown-columns", "drop");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--unknown-columns must be keep or ignore, not "drop"');
    expect(await ws.db.importRun.count()).toBe(0);
  });

  it("stops when a mapped column collides with a column the file already has", async () => {
    const file = ws.write("d.csv", "sku,ref,category,price\nA,B,ring,1\n");
    const result = await ws.cli("import", "catalog", "--file", file, "--quiet", "--map", "ref=sku");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('d.csv:1: column "sku" appears twice in the header (after --map, if given)');
  });
});
