import type { ServerResponse } from "node:http";

/** The error codes the API answers with, as tRPC names them (so both APIs speak the same words). */
export type ShopApiErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "METHOD_NOT_SUPPORTED"
  | "PAYLOAD_TOO_LARGE"
  | "CONFLICT"
  | "PRECONDITION_FAILED"
  | "TOO_MANY_REQUESTS"
  | "INTERNAL_SERVER_ERROR";

export type ShopApiError = {
  status: number;
  code: ShopApiErrorCode;
  message: string;
  issues?: Array<{ field: string; message: string }>;
  headers?: Record<string, string>;
};

/** A JSON reply; never cached (answers are per customer and per key). */
export function writeJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(JSON.stringify(body));
}

export function writeError(res: ServerResponse, error: ShopApiError, requestId: string): void {
  writeJson(
    res,
    error.status,
    {
      error: { code: error.code, message: error.message, requestId, ...(error.issues ? { issues: error.issues } : {}) },
    },
    error.headers,
  );
}
