import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { appRouter } from "../root";
import { buildOpenApiDocument, toOpenApiSchema } from "./build-openapi-document";
import { SHOP_API_ROUTES } from "./shop-api-routes";
import { ApiEventRowSchema, ApiProductRowSchema } from "./shop-api-schemas";

type Schema = { properties: Record<string, unknown>; required?: string[]; additionalProperties?: unknown };
type Operation = {
  "x-trpc-procedure"?: string;
  "x-required-scope": string;
  requestBody: { content: { "application/json": { schema: Schema } } };
};

const document = buildOpenApiDocument() as { paths: Record<string, { post: Operation }> };
function requestSchema(path: string): Schema {
  const operation = document.paths[path]?.post;
  if (!operation) throw new Error(`the document has no POST ${path}`);
  return operation.requestBody.content["application/json"].schema;
}

/** The zod input schema of a tRPC procedure of the app router (`recommendations.feed`). */
function procedureInput(name: string): z.ZodType {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: z.ZodType[] } }>;
  const procedure = procedures[name];
  const [input] = procedure?._def.inputs ?? [];
  if (!input) throw new Error(`no tRPC procedure ${name} with an input`);
  return input;
}

describe("the OpenAPI document", () => {
  it("lists every route with its scope, and nothing else", () => {
    expect(Object.keys(document.paths)).toEqual(SHOP_API_ROUTES.map((route) => route.path));
    for (const route of SHOP_API_ROUTES) {
      expect(document.paths[route.path]?.post["x-required-scope"]).toBe(route.scope);
    }
  });

  it("describes each read endpoint's body as its tRPC procedure's own input plus the customer and the texts' language", () => {
    const reads = SHOP_API_ROUTES.filter((route) => route.trpcProcedure !== undefined);
    expect(reads.map((route) => route.trpcProcedure)).toEqual([
      "recommendations.feed",
      "recommendations.similar",
      "guide.ask",
    ]);
    for (const route of reads) {
      const served = structuredClone(requestSchema(route.path)) as Schema;
      const procedure = toOpenApiSchema(procedureInput(route.trpcProcedure as string), "input") as Schema;
      expect(served.properties.customerId).toMatchObject({ type: "string", pattern: "^[A-Za-z0-9_.:@-]{1,128}$" });
      delete served.properties.customerId;
      served.required = served.required?.filter((field) => field !== "customerId");
      if (served.required?.length === 0) delete served.required;
      // The texts' language, the shop's when absent (the guide's procedure has its own, defaulting to Chinese).
      expect(served.properties.locale).toMatchObject({ enum: ["zh", "en"] });
      expect(served.properties.locale).not.toHaveProperty("default");
      delete served.properties.locale;
      delete procedure.properties.locale;
      expect(served).toEqual(procedure);
    }
  });

  it("describes the guide's conversation: its turns, bounded", () => {
    expect(requestSchema("/guide").properties.turns).toMatchObject({
      type: "array",
      maxItems: 10,
      items: { type: "string", maxLength: 500 },
      description: expect.stringMatching(/conversation's turns/),
    });
  });

  it("describes batch rows with the schemas the rows are checked with", () => {
    expect((requestSchema("/events").properties.events as { items: unknown }).items).toEqual(
      toOpenApiSchema(ApiEventRowSchema, "input"),
    );
    expect((requestSchema("/products").properties.products as { items: unknown }).items).toEqual(
      toOpenApiSchema(ApiProductRowSchema, "input"),
    );
  });
});
