import fc from "fast-check";
import type { JsonSchema } from "./schema-shaped-value";
import { schemaShapedValue } from "./schema-shaped-value";
import { type Senders, senderHeaders } from "./sender-headers";
import { SPECIAL_NUMBERS, superjsonMetaText, UNBUILDABLE_VALUES } from "./superjson-meta";
import type { RawRequest } from "./trpc-http";

export type PublicProcedure = { path: string; type: "query" | "mutation" | "subscription"; input?: JsonSchema };

/** One generated request and a short description for the failure report (the body may be a megabyte). */
export type FuzzRequest = RawRequest & { sender: string };

/** Input texts that are not the JSON a tRPC client sends. */
const MALFORMED_INPUTS = [
  "",
  "{",
  '{"json":',
  "{'json': 1}",
  '{"json": 1}{"json": 2}',
  '{"json": undefined}',
  "\uFEFF{}",
  "\u0000",
  "NaN",
  "Infinity",
  '{"json": 1e999999}',
  '{"json": -0}',
  '{"json": 123456789012345678901234567890}',
  '{"json": "\\ud800"}',
  '{"json": {"a": 1, "a": 2}}',
  `{"json": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`,
  `{"json": ${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}}`,
  `${"[".repeat(200_000)}`,
  `{"json": "${"a".repeat(2 * 1024 * 1024)}"}`,
];

/** An input envelope as text: mostly `{"json": value}` (with hostile metas and non-finite numbers), else malformed. */
function inputText(schema: JsonSchema | undefined): fc.Arbitrary<string | undefined> {
  const value = schemaShapedValue(schema);
  const propertyNames = Object.keys(schema?.properties ?? {});
  return fc.oneof(
    { weight: 10, arbitrary: value.map((json) => JSON.stringify({ json }) ?? "null") },
    {
      weight: 3,
      arbitrary: fc
        .tuple(value, superjsonMetaText)
        .map(([json, meta]) => `{"json":${JSON.stringify(json) ?? "null"},"meta":${meta}}`),
    },
    { weight: 2, arbitrary: typedField(value, propertyNames) },
    { weight: 1, arbitrary: value.map((json) => JSON.stringify(json) ?? "null") },
    { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_INPUTS) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** A field (or the whole input) carried as superjson carries NaN, ±Infinity, -0, bigints, dates, sets and maps. */
function typedField(value: fc.Arbitrary<unknown>, propertyNames: string[]): fc.Arbitrary<string> {
  const encoding = fc.oneof(
    fc.constantFrom(...SPECIAL_NUMBERS).map((text): [string, string] => ["number", text]),
    fc.constantFrom(...UNBUILDABLE_VALUES),
  );
  return fc.tuple(value, fc.constantFrom("", ...propertyNames), encoding).map(([json, field, [annotation, text]]) => {
    if (field === "" || typeof json !== "object" || json === null || Array.isArray(json)) {
      return `{"json":${JSON.stringify(text)},"meta":{"values":[${JSON.stringify(annotation)}]}}`;
    }
    const copy = JSON.parse(JSON.stringify(json)) as Record<string, unknown>;
    copy[field] = text;
    return `{"json":${JSON.stringify(copy)},"meta":{"values":{${JSON.stringify(field)}:[${JSON.stringify(annotation)}]}}}`;
  });
}

/** Paths that are not procedures, some of which name an object's own inherited members. */
const ODD_PATHS = [
  "nope",
  "catalog",
  "catalog.nope",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "catalog.__proto__",
  "catalog.listProducts.__proto__",
  "_def",
  "_def.procedures",
  "createCaller",
  "%2e%2e%2f",
  "catalog.listProducts%00",
];

/**
 * Requests to one procedure over every transport the endpoint answers: GET single and batch (the procedure repeated,
 * or beside others and paths that are no procedure), POST single and batch, each method whatever the procedure's type,
 * from every kind of sender.
 */
export function fuzzRequest(
  procedure: PublicProcedure,
  others: PublicProcedure[],
  senders: Senders,
): fc.Arbitrary<FuzzRequest> {
  const otherPath = fc.oneof(fc.constantFrom(...others.map((other) => other.path)), fc.constantFrom(...ODD_PATHS));
  const batchPaths = fc.oneof(
    fc.integer({ min: 1, max: 5 }).map((count) => Array.from({ length: count }, () => procedure.path)),
    fc.array(otherPath, { minLength: 1, maxLength: 3 }).map((paths) => [procedure.path, ...paths]),
  );
  const preferredMethod = procedure.type === "mutation" ? "POST" : "GET";
  const method = fc.oneof(
    { weight: 5, arbitrary: fc.constant(preferredMethod) },
    { weight: 1, arbitrary: fc.constantFrom("GET" as const, "POST" as const) },
  );
  return fc
    .record({
      method,
      batch: fc.option(batchPaths, { freq: 3 }),
      inputs: fc.array(inputText(procedure.input), { minLength: 1, maxLength: 5 }),
      sender: senderHeaders(senders, preferredMethod),
    })
    .map(({ method, batch, inputs, sender }): FuzzRequest => {
      const paths = batch ?? [procedure.path];
      const input = batch ? batchInputText(paths, inputs) : inputs[0];
      const search = batch ? "?batch=1" : "";
      if (method === "GET") {
        const query = input === undefined ? "" : `${batch ? "&" : "?"}input=${encodeURIComponent(input)}`;
        return {
          method,
          target: `/api/trpc/${paths.join(",")}${search}${query}`,
          headers: sender.headers,
          sender: sender.name,
        };
      }
      return {
        method,
        target: `/api/trpc/${paths.join(",")}${search}`,
        headers: sender.headers,
        body: input ?? "",
        sender: sender.name,
      };
    });
}

/**
 * A batch's input: `{"0": envelope, "1": envelope, …}` (an entry left out where the input is undefined), or the first
 * input as the whole batch input when it is malformed.
 */
function batchInputText(paths: string[], inputs: (string | undefined)[]): string {
  const first = inputs[0];
  if (first !== undefined && !isJson(first)) return first;
  const entries = paths.flatMap((_, index) => {
    const text = inputs[index % inputs.length];
    return text === undefined || !isJson(text) ? [] : [`"${index}":${text}`];
  });
  return `{${entries.join(",")}}`;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
