import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { isPlainJson, plainJsonTransformer } from "./plain-json-transformer";

class Piece {
  constructor(readonly sku: string) {}
}

const plain: unknown[] = [
  null,
  "金手镯",
  true,
  0,
  -12.5,
  [],
  {},
  { items: [{ sku: "a", price: 1999, why: "Similar to “ring 1”", tags: ["gold", null] }], next: null },
  Object.assign(Object.create(null), { a: 1 }),
];
const notPlain: unknown[] = [
  undefined,
  new Date(0),
  { at: new Date(0) },
  { missing: undefined },
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -0,
  // A sparse array: [1, <hole>, 3].
  Object.assign(new Array(3), { 0: 1, 2: 3 }),
  new Map([["a", 1]]),
  new Set([1]),
  new Piece("x"),
  { nested: [{ deeper: [new Date(5)] }] },
  10n,
];

describe("plainJsonTransformer", () => {
  it("tells plain JSON from values superjson must encode", () => {
    for (const value of plain) expect(isPlainJson(value)).toBe(true);
    for (const value of notPlain) expect(isPlainJson(value)).toBe(false);
    let deep: unknown = 1;
    for (let i = 0; i < 70; i++) deep = [deep];
    expect(isPlainJson(deep)).toBe(false);
  });

  it("sends exactly what superjson sends, and every value survives the client's superjson", () => {
    for (const value of [...plain, ...notPlain]) {
      const sent = plainJsonTransformer.output.serialize(value);
      expect(JSON.stringify(sent)).toEqual(JSON.stringify(superjson.serialize(value)));
      const received = superjson.deserialize(JSON.parse(JSON.stringify(sent)));
      expect(received).toEqual(superjson.deserialize(JSON.parse(JSON.stringify(superjson.serialize(value)))));
    }
  });

  it("sends an object referenced twice as two equal copies", () => {
    const shared = { sku: "ring-1" };
    const sent = plainJsonTransformer.output.serialize({ a: shared, b: shared });
    expect(sent).toEqual({ json: { a: shared, b: shared } });
    const received = superjson.deserialize<{ a: unknown; b: unknown }>(JSON.parse(JSON.stringify(sent)));
    expect(received).toEqual({ a: { sku: "ring-1" }, b: { sku: "ring-1" } });
  });

  it("reads inputs with superjson", () => {
    const input = superjson.serialize({ since: new Date(7), text: "gold" });
    expect(plainJsonTransformer.input.deserialize(input)).toEqual({ since: new Date(7), text: "gold" });
  });
});
