import fc from "fast-check";

/** Keys that reach Object.prototype (or a constructor's prototype) when a parser or merge copies them naively. */
export const POLLUTING_KEYS = ["__proto__", "constructor", "prototype"] as const;

/**
 * What a polluted Object.prototype would carry: names the server's own code reads from plain objects (input defaults,
 * roles, worker and simulation flags, cookie options), so pollution changes the answers the fuzz suite compares.
 */
export const POLLUTION_PAYLOAD = {
  polluted: "yes",
  pageSize: 1,
  k: 1,
  sort: "newest",
  role: "admin",
  isWorker: true,
  simulated: true,
  shopperId: "polluted-shopper",
  httpOnly: false,
} as const;

const ONE_MEGABYTE = 1024 * 1024;

/** Built once: fast-check's own string arbitraries would spend seconds generating a megabyte. */
const OVERSIZED_STRINGS = [
  "a".repeat(ONE_MEGABYTE),
  "金".repeat(ONE_MEGABYTE / 3),
  "\u0000".repeat(64 * 1024),
  `${"ring ".repeat(20_000)}`,
  "😀".repeat(50_000),
];

const ODD_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uFEFF",
  "\u202Eevil",
  "\uD800",
  "NaN",
  "Infinity",
  "-0",
  "null",
  "undefined",
  "true",
  "__proto__",
  "constructor",
  "toString",
  "' OR 1=1 --",
  "'; DROP TABLE Interaction; --",
  '"\\',
  "../../../../etc/passwd",
  "/proc/self/environ",
  "%00",
  "%2e%2e%2f",
  "<script>alert(1)</script>",
  "$" + "{7*7}",
  "{{7*7}}",
  "1515915625519014356",
  "x".repeat(65),
  "a.b.c",
  "\r\nset-cookie: jg_staff=x",
];

const ODD_NUMBERS = [
  0,
  -0,
  -1,
  1.5,
  0.1,
  5e-324,
  2 ** 31,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  1e21,
  1e308,
  -1e308,
  Number.MAX_VALUE,
];

/** 10,000-element arrays of numbers, strings and objects (the schema caps are far smaller). */
const HUGE_ARRAYS = [
  Array.from({ length: 10_000 }, (_, i) => i),
  Array.from({ length: 10_000 }, () => "x"),
  Array.from({ length: 10_000 }, (_, i) => ({ productId: i + 1, type: "purchase", quantity: 99 })),
];

/** An object nested `depth` levels deep ({"a":{"a":…}}): recursive validators and serialisers meet it. */
export function nestedObject(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

export function nestedArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

const DEEP_VALUES = [nestedObject(2_000), nestedArray(2_000), nestedObject(200)];

/** Objects whose own keys are `__proto__` / `constructor.prototype` (made by JSON.parse, as the server would see them). */
const POLLUTING_OBJECTS: unknown[] = [
  JSON.parse(`{"__proto__": ${JSON.stringify(POLLUTION_PAYLOAD)}}`),
  JSON.parse(`{"constructor": {"prototype": ${JSON.stringify(POLLUTION_PAYLOAD)}}}`),
  JSON.parse(`{"filters": {"__proto__": ${JSON.stringify(POLLUTION_PAYLOAD)}}}`),
  JSON.parse(`{"events": [{"__proto__": ${JSON.stringify(POLLUTION_PAYLOAD)}}]}`),
  JSON.parse(`{"a": {"b": {"__proto__": {"polluted": "yes"}}}}`),
  JSON.parse(`{"__proto__": {"__proto__": {"polluted": "yes"}}}`),
];

/** Any JSON value with polluting keys mixed into its objects at any depth. */
const pollutingJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.jsonValue({ maxDepth: 1 }),
    fc.array(tie("value"), { maxLength: 4 }),
    fc
      .array(
        fc.tuple(
          fc.oneof(fc.constantFrom(...POLLUTING_KEYS, ...Object.keys(POLLUTION_PAYLOAD)), fc.string({ maxLength: 8 })),
          tie("value"),
        ),
        { maxLength: 4 },
      )
      .map((entries) => JSON.parse(`{${entries.map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`).join(",")}}`)),
  ),
})).value;

/** JSON.stringify that also survives values JSON has no form for (they become null, as a client would send). */
function toJson(value: unknown): string {
  return JSON.stringify(value) ?? "null";
}

/**
 * A value no procedure expects: oversized strings and arrays, deep nesting, odd numbers and strings, unicode and NUL
 * bytes, prototype-polluting objects, and arbitrary JSON. Used in place of any field (or the whole input).
 */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...OVERSIZED_STRINGS) },
  { weight: 4, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 300 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 120 }) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD_NUMBERS) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_ARRAYS) },
  { weight: 1, arbitrary: fc.constantFrom(...DEEP_VALUES) },
  { weight: 3, arbitrary: fc.constantFrom(...POLLUTING_OBJECTS) },
  { weight: 3, arbitrary: pollutingJson },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, [], {}) },
);
