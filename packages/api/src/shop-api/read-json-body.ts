import type { IncomingMessage } from "node:http";
import type { ShopApiError } from "./shop-api-reply";

/** The largest body read (1 MiB, as the tRPC endpoint): 500 rows of events or products fit easily. */
export const MAX_SHOP_API_BODY_BYTES = 1024 * 1024;

/**
 * Reads and parses a JSON request body, stopping at `maxBytes` (413) without buffering more (the caller closes the
 * connection after its reply); a body that is not JSON (or nests deeper than the parser's stack) is a 400.
 */
export async function readJsonBody(
  req: IncomingMessage,
  maxBytes = MAX_SHOP_API_BODY_BYTES,
): Promise<{ ok: true; value: unknown } | { ok: false; error: ShopApiError }> {
  const tooLarge: ShopApiError = {
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
    message: `the body is larger than ${maxBytes} bytes`,
    headers: { connection: "close" },
  };
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, error: tooLarge };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return { ok: false, error: tooLarge };
    chunks.push(chunk as Buffer);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString("utf8")) };
  } catch {
    return { ok: false, error: { status: 400, code: "BAD_REQUEST", message: "the body is not valid JSON" } };
  }
}
