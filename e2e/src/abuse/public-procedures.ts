import { appRouter } from "@jewelguide/api";
import { z } from "zod";
import type { PublicProcedure } from "./fuzz-request";
import type { JsonSchema } from "./schema-shaped-value";

type ProcedureDefinition = { _def: { type: PublicProcedure["type"]; inputs: unknown[] } };

/**
 * Every procedure the HTTP endpoint serves, read from the router itself (so a procedure added later is fuzzed without
 * a change here), with its input schema as JSON Schema (zod's own conversion; several `.input()`s are merged with
 * allOf). A procedure without input gets no schema: the fuzzer sends it hostile values only.
 */
export function listPublicProcedures(): PublicProcedure[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDefinition>;
  return Object.entries(procedures)
    .map(([path, procedure]) => ({ path, type: procedure._def.type, input: inputSchema(procedure._def.inputs) }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

function inputSchema(inputs: unknown[]): JsonSchema | undefined {
  const schemas = inputs.map((input) => {
    if (!(input instanceof z.ZodType)) throw new Error("a procedure input is not a zod schema: teach the fuzzer it");
    return z.toJSONSchema(input, { io: "input", unrepresentable: "any" }) as JsonSchema;
  });
  if (schemas.length === 0) return undefined;
  return schemas.length === 1 ? schemas[0] : { allOf: schemas };
}
