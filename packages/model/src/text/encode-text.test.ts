import { describe, expect, it } from "vitest";
import { cosineSimilarity } from "./cosine-similarity";
import { encodeText } from "./encode-text";
import { tokenizeText } from "./tokenize-text";

const concepts = (text: string) => tokenizeText(text).filter((token) => token.startsWith("c:"));

describe("tokenizeText", () => {
  it("gives a Chinese title and its English equivalent the same concept tokens", () => {
    expect(concepts("18K金钻石戒指")).toEqual(["c:metal:gold", "c:gem:diamond", "c:category:ring"]);
    expect(concepts("18k gold diamond ring")).toEqual(["c:metal:gold", "c:gem:diamond", "c:category:ring"]);
    expect(concepts("鑽石項鍊")).toEqual(concepts("diamond necklace"));
  });

  it("emits jieba words, character uni/bigrams and marked trigrams", () => {
    const tokens = tokenizeText("珍珠项链 Ring");
    expect(tokens).toEqual(expect.arrayContaining(["w:珍珠", "w:项链", "u:珍", "b:珍珠", "b:珠项", "w:ring"]));
    expect(tokens).toEqual(expect.arrayContaining(["t:#ri", "t:rin", "t:ing", "t:ng#"]));
  });

  it("normalises full-width and traditional characters", () => {
    expect(tokenizeText("１８Ｋ金鑽戒")).toEqual(tokenizeText("18k金钻戒"));
  });
});

describe("encodeText", () => {
  it("returns an L2-normalised vector of the asked dimension, the same every time", () => {
    const vector = encodeText("18K金钻石戒指");
    expect(vector).toBeInstanceOf(Float32Array);
    expect(vector.length).toBe(512);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    expect(encodeText("18K金钻石戒指")).toEqual(vector);
    expect(encodeText("gold ring", { dimension: 64 }).length).toBe(64);
    expect(Math.hypot(...encodeText(""))).toBe(0);
  });

  it("refuses a dimension that is not a positive integer, and vectors of different lengths in the cosine", () => {
    expect(() => encodeText("gold ring", { dimension: 0 })).toThrow(
      "Text vectors need a positive integer dimension; got 0.",
    );
    expect(() => cosineSimilarity(encodeText("gold ring"), encodeText("gold ring", { dimension: 64 }))).toThrow(
      "second vector of the cosine has length 64; expected 512.",
    );
  });

  it("puts a Chinese title near its English equivalent and far from unrelated text", () => {
    const english = encodeText("18k gold diamond ring");
    const same = cosineSimilarity(encodeText("18K金钻石戒指"), english);
    const unrelated = cosineSimilarity(encodeText("纯银珍珠项链"), english);
    console.log(
      `cos(18K金钻石戒指, 18k gold diamond ring) = ${same.toFixed(3)}; cos(纯银珍珠项链, …) = ${unrelated.toFixed(3)}`,
    );
    expect(same).toBeGreaterThan(unrelated + 0.3);
    expect(cosineSimilarity(encodeText("珍珠项链"), encodeText("pearl necklace"))).toBeGreaterThan(
      cosineSimilarity(encodeText("珍珠项链"), encodeText("gold watch")) + 0.3,
    );
  });

  it("gives different Chinese strings different vectors", () => {
    const titles = [
      "纯银珍珠项链",
      "18K金钻石戒指",
      "和田玉手镯",
      "玫瑰金耳钉",
      "男士机械手表",
      "复古胸针",
      "今天天气很好",
    ];
    const vectors = titles.map((title) => encodeText(title));
    for (let i = 0; i < vectors.length; i++) {
      for (let j = i + 1; j < vectors.length; j++) {
        const a = vectors[i];
        const b = vectors[j];
        if (!a || !b) throw new Error("missing vector");
        expect(cosineSimilarity(a, b)).toBeLessThan(0.5);
      }
    }
    // Even titles that differ by one character differ.
    expect(cosineSimilarity(encodeText("黄金项链"), encodeText("黄金手链"))).toBeLessThan(0.95);
  });
});
