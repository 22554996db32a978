import { describe, expect, it } from "vitest";
import { metalOfPurityMark } from "./purity-marks";
import { readAttributeValue } from "./read-attribute-value";

const metal = (cell: string) => readAttributeValue(cell, "metal").values.metal;

describe("readAttributeValue", () => {
  it("reads real catalogs' metal spellings in English and Chinese", () => {
    const cases: Record<string, string> = {
      "yellow gold": "gold",
      "Yellow-Gold": "gold",
      "18K gold": "gold",
      "18kt Yellow Gold": "gold",
      "solid 14k gold": "gold",
      "pink gold": "rose-gold",
      "Rose Gold": "rose-gold",
      "18K rose": "rose-gold",
      "white gold": "white-gold",
      "WHITE  GOLD": "white-gold",
      "non-rhodiumized white gold": "white-gold",
      "white 750": "white-gold",
      "14k rose gold": "rose-gold",
      "10K White Gold": "white-gold",
      "925 sterling silver": "silver",
      "Sterling Silver": "silver",
      S990: "silver",
      "platinum 950": "platinum",
      Pt950: "platinum",
      PT900铂金: "platinum",
      铂金: "platinum",
      白金: "platinum",
      K金: "gold",
      足金: "gold",
      足金999: "gold",
      黄金: "gold",
      玫瑰金: "rose-gold",
      "18K白金": "white-gold",
      白色18K金: "white-gold",
      AU750: "gold",
    };
    for (const [cell, expected] of Object.entries(cases)) expect(metal(cell), cell).toEqual([expected]);
  });

  it("reads plurals, case and spacing of gems, categories and genders", () => {
    expect(readAttributeValue("Diamonds").values.gem).toEqual(["diamond"]);
    expect(readAttributeValue("freshwater pearls").values.gem).toEqual(["pearl"]);
    expect(readAttributeValue("Topazes").values.gem).toEqual(["topaz"]);
    expect(readAttributeValue("Cubic-Zirconia").values.gem).toEqual(["cubic-zirconia"]);
    expect(readAttributeValue("0.5ct diamond").values.gem).toEqual(["diamond"]);
    expect(readAttributeValue("Fine Jewelry > Rings").values.category).toEqual(["ring"]);
    expect(readAttributeValue("Apparel & Accessories > Jewelry > Bracelets")).toEqual({
      values: { category: ["bracelet"] },
      unknown: [],
    });
    expect(readAttributeValue("Jewelry", "category")).toEqual({ values: {}, unknown: ["Jewelry"] });
    expect(readAttributeValue("耳钉").values.category).toEqual(["earring"]);
    expect(readAttributeValue("Women's").values.gender).toEqual(["female"]);
    expect(readAttributeValue("男款").values.gender).toEqual(["male"]);
  });

  it("splits a multi-valued cell into metal and gem", () => {
    expect(readAttributeValue("white gold, diamonds", "metal")).toEqual({
      values: { metal: ["white-gold"], gem: ["diamond"] },
      unknown: [],
    });
    expect(readAttributeValue("18K金镶钻石").values).toEqual({ metal: ["gold"], gem: ["diamond"] });
    expect(readAttributeValue("sterling silver with pearls").values).toEqual({ metal: ["silver"], gem: ["pearl"] });
  });

  it("keeps what the lexicon does not know, as written", () => {
    expect(readAttributeValue("Bronze", "metal")).toEqual({ values: {}, unknown: ["Bronze"] });
    expect(readAttributeValue("gold plated brass", "metal").unknown).toEqual(["gold plated brass"]);
    expect(readAttributeValue("18k gold plated", "metal").unknown).toEqual(["18k gold plated"]);
    expect(readAttributeValue("925 silver gold plated", "metal").values.metal).toEqual(["silver"]);
    expect(readAttributeValue("tanzanite, diamonds")).toEqual({ values: { gem: ["diamond"] }, unknown: ["tanzanite"] });
  });

  it("gives a colour column the colour of the metal it names", () => {
    expect(readAttributeValue("Rose Gold", "color").values).toEqual({ metal: ["rose-gold"], color: ["rose"] });
    expect(readAttributeValue("Pink", "color").values).toEqual({ color: ["pink"] });
  });
});

describe("metalOfPurityMark", () => {
  it("reads karats, fineness and hallmarks, not stone weights", () => {
    expect(metalOfPurityMark("18k")).toBe("gold");
    expect(metalOfPurityMark("9ct")).toBe("gold");
    expect(metalOfPurityMark("585")).toBe("gold");
    expect(metalOfPurityMark("pt950")).toBe("platinum");
    expect(metalOfPurityMark("950")).toBe("platinum");
    expect(metalOfPurityMark("s925")).toBe("silver");
    expect(metalOfPurityMark("925")).toBe("silver");
    expect(metalOfPurityMark("1ct")).toBeUndefined();
    expect(metalOfPurityMark("990")).toBe("gold");
    expect(metalOfPurityMark("2024")).toBeUndefined();
  });
});
