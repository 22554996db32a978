import fc from "fast-check";
import { hostileValue } from "./hostile-values";

/** The part of JSON Schema (draft 2020-12, as zod's toJSONSchema writes it) that procedure inputs use. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
};

/** How often a field is replaced by a hostile value instead of one that fits its schema. */
const HOSTILE_WEIGHT = 1;
const FITTING_WEIGHT = 15;
/** An optional field is present one time in three, so inputs with many optional fields still often pass validation. */
const OPTIONAL_FIELD_FREQUENCY = 2;

/**
 * Values shaped like a procedure's input: mostly valid for the schema (so they get past validation into the
 * services, with values at and around every bound), and at any field sometimes a hostile value or a bound broken by
 * one, so every layer of the input meets abuse.
 */
export function schemaShapedValue(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  if (!schema) return hostileValue;
  return fc.oneof(
    { weight: FITTING_WEIGHT, arbitrary: fittingValue(schema) },
    { weight: HOSTILE_WEIGHT, arbitrary: hostileValue },
  );
}

function fittingValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) {
    return fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...schema.enum) },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    );
  }
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((variant) => schemaShapedValue(variant)));
  if (schema.allOf) return fittingValue(mergeAll(schema.allOf));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object":
      return objectValue(schema);
    case "array":
      return fc.array(schemaShapedValue(schema.items), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 8, 8),
        size: "xsmall",
      });
    case "string":
      return stringValue(schema);
    case "integer":
      return integerValue(schema);
    case "number":
      return numberValue(schema);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    default:
      return hostileValue;
  }
}

function objectValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) {
    const value = schemaShapedValue(property);
    fields[name] = required.has(name) ? value : fc.option(value, { freq: OPTIONAL_FIELD_FREQUENCY, nil: undefined });
  }
  const record = fc.record(fields).map(withoutUndefinedFields);
  // Sometimes a required field is left out, or unknown fields (polluting keys among them) are added.
  return fc.oneof(
    { weight: 6, arbitrary: record },
    { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }).map(withoutUndefinedFields) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(record, fc.dictionary(fc.string({ maxLength: 10 }), hostileValue, { maxKeys: 3 }))
        .map(([known, extra]) => Object.assign(JSON.parse(JSON.stringify(extra) ?? "{}"), known)),
    },
  );
}

function stringValue(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? 200;
  const fitting = fc.string({ minLength, maxLength: Math.min(maxLength, 200), unit: "grapheme" });
  return fc.oneof(
    { weight: 16, arbitrary: schema.pattern ? fc.stringMatching(new RegExp(schema.pattern)) : fitting },
    { weight: 1, arbitrary: fc.string({ minLength: maxLength, maxLength, unit: "grapheme-ascii" }) },
    { weight: 1, arbitrary: fc.string({ minLength: maxLength + 1, maxLength: maxLength + 1, unit: "grapheme-ascii" }) },
  );
}

/** fc.integer covers 32-bit integers; wider ranges go through fc.bigInt. */
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

function integerValue(schema: JsonSchema): fc.Arbitrary<number> {
  const min = Math.max(
    schema.minimum ?? Number.MIN_SAFE_INTEGER,
    schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : Number.MIN_SAFE_INTEGER,
  );
  const max = Math.min(
    schema.maximum ?? Number.MAX_SAFE_INTEGER,
    schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : Number.MAX_SAFE_INTEGER,
  );
  const low = Math.max(min, INT32_MIN);
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: low, max: Math.min(max, low + 100, INT32_MAX) }) },
    { weight: 2, arbitrary: fc.integer({ min: low, max: Math.min(max, low + 20_000, INT32_MAX) }) },
    { weight: 1, arbitrary: fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number) },
    { weight: 1, arbitrary: fc.constantFrom(min, max, min - 1, max + 1) },
  );
}

function numberValue(schema: JsonSchema): fc.Arbitrary<number> {
  const min = schema.minimum ?? schema.exclusiveMinimum ?? -1e9;
  const max = schema.maximum ?? schema.exclusiveMaximum ?? 1e9;
  return fc.oneof(
    { weight: 4, arbitrary: fc.double({ min, max, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(min, max, min - Number.EPSILON, max * 2 + 1, -min) },
  );
}

function withoutUndefinedFields(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined));
}

function mergeAll(schemas: JsonSchema[]): JsonSchema {
  const merged: JsonSchema = { type: "object", properties: {}, required: [] };
  for (const schema of schemas) {
    Object.assign(merged.properties ?? {}, schema.properties);
    merged.required?.push(...(schema.required ?? []));
  }
  return merged;
}
