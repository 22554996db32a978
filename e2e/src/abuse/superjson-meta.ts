import fc from "fast-check";
import { POLLUTING_KEYS } from "./hostile-values";

/**
 * superjson's `meta` part of an input envelope (`{"json": …, "meta": {"values": …, "referentialEqualities": …}}`):
 * the server's transformer walks it and rebuilds values at the paths it names. Hostile metas name polluting paths
 * (`__proto__`, `constructor.prototype`), unknown or unregistered types (class, custom, symbol), values that cannot be
 * built (a bigint of "x", a Set of a number) and references that point anywhere.
 */
const ANNOTATIONS: unknown[] = [
  "undefined",
  "number",
  "bigint",
  "Date",
  "regexp",
  "set",
  "map",
  "Error",
  "URL",
  ["class", "Foo"],
  ["class", "Object"],
  ["symbol", "Symbol.iterator"],
  ["custom", "decimal.js"],
  ["typed-array", "Uint8Array"],
  ["typed-array", "Nope"],
  "nope",
  42,
  null,
];

const pathKey = fc.oneof(
  fc.constantFrom(...POLLUTING_KEYS),
  fc.constantFrom(
    "__proto__.polluted",
    "constructor.prototype.polluted",
    "a.__proto__.b",
    "filters",
    "events",
    "0",
    "",
    "a\\.b",
  ),
  fc.string({ maxLength: 6 }),
);

/** A superjson value-annotation tree: `[annotation]`, `[annotation, {key: tree}]` or `{key: tree}`. */
const annotationTree: fc.Arbitrary<unknown> = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom(...ANNOTATIONS).map((annotation) => [annotation]),
    fc.tuple(fc.constantFrom(...ANNOTATIONS), fc.dictionary(pathKey, tie("tree"), { maxKeys: 3 })),
    fc.dictionary(pathKey, tie("tree"), { maxKeys: 3 }),
    fc.constantFrom(null, 1, "x", true),
  ),
})).tree;

const referentialEqualities = fc.oneof(
  fc.dictionary(pathKey, fc.array(pathKey, { maxLength: 3 }), { maxKeys: 3 }),
  fc.array(pathKey, { maxLength: 3 }),
  fc.constant(JSON.parse('{"__proto__": ["constructor.prototype.polluted"]}')),
);

/** A meta object (or junk in its place); JSON text so `__proto__` keys stay own keys on the wire. */
export const superjsonMetaText: fc.Arbitrary<string> = fc.oneof(
  fc
    .record({ values: annotationTree, referentialEqualities, v: fc.constantFrom(1, 2, "1", -1) }, { requiredKeys: [] })
    .map((meta) => JSON.stringify(meta)),
  fc.constantFrom(
    '{"values": {"__proto__": {"polluted": ["undefined"]}}}',
    '{"values": {"constructor": {"prototype": {"polluted": ["Date"]}}}}',
    '{"values": ["number"]}',
    '{"values": [["class", "Object"]]}',
    '{"referentialEqualities": {"__proto__": ["constructor"]}}',
    '{"referentialEqualities": [["filters"], ["__proto__"]]}',
    "null",
    "[]",
    '"meta"',
  ),
);

/** Numbers JSON cannot carry, as superjson encodes them: the string in `json`, the type in `meta`. */
export const SPECIAL_NUMBERS = ["NaN", "Infinity", "-Infinity", "-0"] as const;

/** Bigints and dates that cannot be built, as superjson would carry valid ones. */
export const UNBUILDABLE_VALUES: [string, string][] = [
  ["bigint", "99999999999999999999999999999999"],
  ["bigint", "not a number"],
  ["Date", "not a date"],
  ["regexp", "/(a+)+$/"],
  ["set", "1"],
  ["map", "[[1]]"],
];
