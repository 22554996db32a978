import { describe, expect, it } from "vitest";
import { assignAttributeValues } from "./assign-attribute-values";

describe("assignAttributeValues", () => {
  it("gives each column its own first value and lets other kinds fill the columns the row leaves out", () => {
    expect(assignAttributeValues({ category: "Rings", metal: "white gold, diamonds" })).toEqual({
      values: { category: "ring", metal: "white-gold", gem: "diamond" },
      kept: {},
      warnings: [],
    });
  });

  it("keeps a cell not entirely stored, with one warning per cell, and never fills a given or cleared column", () => {
    const assignment = assignAttributeValues(
      { category: "Hair combs", metal: "Bronze", color: "Rose Gold, Blue", gem: "sapphire, diamonds" },
      new Set(["gender"]),
    );
    expect(assignment.values).toEqual({ category: "other", gem: "sapphire", color: "rose" });
    expect(assignment.kept).toEqual({
      category: "Hair combs",
      metal: "Bronze",
      gem: "sapphire, diamonds",
      color: "Rose Gold, Blue",
    });
    expect(assignment.warnings).toEqual([
      { field: "category", message: '"Hair combs" not in the lexicon (stored as other): kept as attributes.category' },
      { field: "metal", message: '"Bronze" not in the lexicon: kept as attributes.metal' },
      { field: "gem", message: "names several values (sapphire, diamond): stored sapphire: kept as attributes.gem" },
      { field: "color", message: "names several values (rose, blue): stored rose: kept as attributes.color" },
    ]);
    expect(assignAttributeValues({ metal: "gold, women" }, new Set(["gender"])).warnings).toEqual([
      { field: "metal", message: "also names gender female, but gender is empty: kept as attributes.metal" },
    ]);
  });
});
