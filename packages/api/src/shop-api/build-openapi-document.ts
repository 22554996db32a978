import { z } from "zod";
import { SHOP_API_ROUTES, type ShopApiRoute } from "./shop-api-routes";
import { RowErrorSchema } from "./shop-api-schemas";

/** Where the API is mounted in the web app. */
export const SHOP_API_BASE_PATH = "/api/v1";

type JsonObject = Record<string, unknown>;

/**
 * The zod schema as JSON Schema (2020-12, which OpenAPI 3.1 uses), as a request must look (`io: "input"`: defaults
 * make a field optional). Refinements that JSON Schema cannot say (e.g. "action only for favorite and cart") are
 * left out of the schema and stated in the descriptions and docs/http-api.md.
 */
export function toOpenApiSchema(schema: z.ZodType, io: "input" | "output"): JsonObject {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonObject;
  return jsonSchema;
}

const ERROR_SCHEMA = toOpenApiSchema(
  z.object({
    error: z.object({
      code: z.string().describe("UNAUTHORIZED, FORBIDDEN, BAD_REQUEST, NOT_FOUND, TOO_MANY_REQUESTS, …"),
      message: z.string(),
      requestId: z.string(),
      issues: z
        .array(RowErrorSchema.omit({ index: true }))
        .optional()
        .describe("what was wrong with the body"),
    }),
  }),
  "output",
);

function errorReply(description: string, headers?: JsonObject): JsonObject {
  return { description, ...(headers ? { headers } : {}), content: { "application/json": { schema: ERROR_SCHEMA } } };
}

function operation(route: ShopApiRoute): JsonObject {
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: route.description,
    tags: [route.scope === "read" ? "read" : "write"],
    security: [{ apiKey: [] }],
    "x-required-scope": route.scope,
    ...(route.trpcProcedure ? { "x-trpc-procedure": route.trpcProcedure } : {}),
    requestBody: {
      required: true,
      content: { "application/json": { schema: toOpenApiSchema(route.documentedInput ?? route.input, "input") } },
    },
    responses: {
      "200": {
        description: route.outputDescription,
        content: {
          "application/json": {
            schema: route.output
              ? toOpenApiSchema(route.output, "output")
              : { type: "object", description: route.outputDescription },
          },
        },
      },
      "400": errorReply("the body is not JSON or does not match the schema (issues name the fields)"),
      "401": errorReply("no key, an unknown key or a revoked key"),
      "403": errorReply("the key's scope does not allow this endpoint"),
      "413": errorReply("the body is larger than 1 MiB"),
      "429": errorReply("too many requests from this key or address", {
        "Retry-After": { description: "seconds to wait", schema: { type: "integer" } },
      }),
    },
  };
}

/**
 * The OpenAPI 3.1 document of the shop backends' HTTP API, generated from the route table and its zod schemas (the
 * tRPC procedures' own input schemas for the reads), so it cannot drift from what the endpoints accept. Served at
 * GET /api/v1/openapi.json.
 */
export function buildOpenApiDocument(routes: readonly ShopApiRoute[] = SHOP_API_ROUTES): JsonObject {
  return {
    openapi: "3.1.0",
    info: {
      title: "Jewelguide shop backend API",
      version: "1",
      description:
        "For a shop's own servers: recommendations, similar items and the guide for the shop's customers, and " +
        "batches of events and products. Authenticate with `Authorization: Bearer <key>` (a key from " +
        "`npm run worker -- api-key create`). See docs/http-api.md.",
    },
    servers: [{ url: SHOP_API_BASE_PATH }],
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "a jg_… key, scope read or write" } },
    },
    paths: Object.fromEntries(routes.map((route) => [route.path, { post: operation(route) }])),
  };
}
