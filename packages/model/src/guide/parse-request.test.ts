import { describe, expect, it } from "vitest";
import { evaluateParser, type LabelledRequest } from "./evaluate-parser";
import { parseRequest } from "./parse-request";
import { PARSED_REQUEST_FIELDS } from "./parsed-request";
import labelledJson from "./requests.labelled.json";

const labelled = labelledJson as LabelledRequest[];

function pick(text: string) {
  const parsed = parseRequest(text);
  return Object.fromEntries(PARSED_REQUEST_FIELDS.map((field) => [field, parsed[field]]));
}

describe("parseRequest on the labelled requests", () => {
  it("gets at least 90% of all fields of all requests exactly right", () => {
    expect(labelled.length).toBeGreaterThanOrEqual(120);
    const evaluation = evaluateParser(labelled);
    const table = Object.entries(evaluation.perField).map(
      ([field, s]) =>
        `${field.padEnd(10)} precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} accuracy ${s.accuracy.toFixed(3)}`,
    );
    console.log(
      [
        `labelled requests: ${labelled.length}`,
        ...table,
        `exact-field accuracy ${evaluation.exactFieldAccuracy.toFixed(4)}, exact-request accuracy ${evaluation.exactRequestAccuracy.toFixed(4)}`,
        ...evaluation.mistakes.map((m) => `  wrong: ${m.text} ${JSON.stringify(m.fields)}`),
      ].join("\n"),
    );
    expect(evaluation.exactFieldAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});

describe("parseRequest", () => {
  it("reads a Chinese request with recipient, metal, category and a Chinese-numeral range", () => {
    expect(pick("想给女朋友买条玫瑰金项链，两千到三千")).toEqual({
      category: "necklace",
      metal: "rose-gold",
      gem: null,
      color: null,
      gender: "female",
      recipient: "girlfriend",
      occasion: null,
      style: null,
      priceMin: 2000,
      priceMax: 3000,
      currency: "CNY",
      rest: null,
    });
  });

  it("tells 白金 (platinum) from 18K白金 (white gold)", () => {
    expect(parseRequest("白金项链").metal).toBe("platinum");
    expect(parseRequest("18K白金项链").metal).toBe("white-gold");
    expect(parseRequest("18k 白金项链").metal).toBe("white-gold");
    expect(parseRequest("pt950 白金").metal).toBe("platinum");
    expect(parseRequest("18k玫瑰金").metal).toBe("rose-gold");
  });

  it("infers gender from the recipient unless stated", () => {
    expect(parseRequest("送妈妈").gender).toBe("female");
    expect(parseRequest("给老公").gender).toBe("male");
    expect(parseRequest("送闺蜜").gender).toBe("female");
    expect(parseRequest("送朋友").gender).toBeNull();
    expect(parseRequest("情侣对戒").gender).toBe("unisex");
  });

  it("defaults the currency by script and honours a stated one or the option", () => {
    expect(parseRequest("项链 3000以内").currency).toBe("CNY");
    expect(parseRequest("necklace under 300").currency).toBe("USD");
    expect(parseRequest("项链 under $300").currency).toBe("USD");
    expect(parseRequest("necklace under 300", { defaultCurrency: "EUR" }).currency).toBe("EUR");
    expect(parseRequest("necklace").currency).toBeNull();
  });

  it("corrects typos in longer English words only", () => {
    expect(pick("whitegold erings with diamon")).toMatchObject({
      category: "earring",
      metal: "white-gold",
      gem: "diamond",
    });
    expect(pick("neckalce braclet silvr")).toMatchObject({ category: "necklace", metal: "silver" });
    expect(pick("18kgold pendent")).toMatchObject({ category: "pendant", metal: "gold" });
    expect(parseRequest("hands").category).toBeNull();
    expect(parseRequest("rang").category).toBeNull();
  });

  it("keeps unrecognised words in rest and drops filler", () => {
    expect(parseRequest("老婆生日 想买个 pandora 手链").rest).toBe("pandora");
    expect(parseRequest("a necklace for my mom please").rest).toBeNull();
    expect(parseRequest("千足金手镯 30克左右").rest?.replace(/\s/g, "")).toBe("30克左右");
  });

  it("returns all nulls for empty or unparseable input", () => {
    for (const text of ["", "   ", "???", "!!!@@@", "你好"]) {
      expect(pick(text)).toEqual(Object.fromEntries(PARSED_REQUEST_FIELDS.map((field) => [field, null])));
    }
  });

  it("never throws on random input", () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const alphabet =
      "金银钻石戒指项链两千万以内到左右预算送给妈妈 abcdefghijklmnopqrstuvwxyz0123456789$¥€£-+.,?~kw'\"\\\u0000\uffff\ud800";
    for (let n = 0; n < 1000; n++) {
      const length = Math.floor(random() * 40);
      let text = "";
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)] ?? "";
      const parsed = parseRequest(text);
      for (const field of PARSED_REQUEST_FIELDS) expect(parsed).toHaveProperty(field);
      if (parsed.priceMin !== null && parsed.priceMax !== null) {
        expect(parsed.priceMin).toBeLessThanOrEqual(parsed.priceMax);
      }
    }
    expect(() => parseRequest(undefined as unknown as string)).not.toThrow();
    expect(() => parseRequest("9".repeat(5000))).not.toThrow();
  });
});
