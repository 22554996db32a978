import crypto from "node:crypto";
import type { RequestClient } from "../request-client";
import { type ServerSecrets, safeEqual } from "../security/server-secrets";

export const WORKER_TOKEN_HEADER = "x-jewelguide-worker-token";

/**
 * The client's socket address as apps/web/scripts/serve.mjs puts it on every request, overwriting whatever the client
 * sent: React server components see only headers, not the socket. Believed only where serve.mjs says it sets it.
 */
export const CLIENT_ADDRESS_HEADER = "x-jewelguide-client-address";

/** Reads one header (case-insensitive name); a repeated header is joined with ", " as Node does. */
export type HeaderReader = (name: string) => string | null | undefined;

/**
 * What the server decides about a request from its transport, not its body. Forwarded headers (x-forwarded-for,
 * x-forwarded-proto, x-forwarded-host) are believed only when `trustProxy` is set (the app runs behind a reverse proxy
 * that overwrites them); otherwise the socket's peer address and the connection's own scheme decide. With a trusted
 * proxy, the client is the last x-forwarded-for entry (the one the proxy itself appended), so a client cannot pick
 * its address by sending the header.
 */
export function readRequestClient(input: {
  header: HeaderReader;
  socketAddress: string | undefined;
  encrypted: boolean;
  trustProxy: boolean;
  secrets: ServerSecrets;
}): RequestClient {
  const forwardedFor = input.trustProxy ? lastListEntry(input.header("x-forwarded-for")) : undefined;
  const forwardedProto = input.trustProxy ? lastListEntry(input.header("x-forwarded-proto")) : undefined;
  const secure = forwardedProto ? forwardedProto === "https" : input.encrypted;
  const host = (input.trustProxy ? lastListEntry(input.header("x-forwarded-host")) : undefined) ?? input.header("host");
  const workerToken = input.header(WORKER_TOKEN_HEADER);
  return {
    address: normaliseAddress(forwardedFor ?? input.socketAddress ?? "unknown"),
    origin: input.header("origin") ?? null,
    selfOrigin: host ? `${secure ? "https" : "http"}://${host}` : null,
    secure,
    isWorker: typeof workerToken === "string" && safeEqual(workerToken, input.secrets.workerToken),
    requestId: crypto.randomUUID(),
  };
}

function lastListEntry(value: string | null | undefined): string | undefined {
  const entries =
    value
      ?.split(",")
      .map((entry) => entry.trim())
      .filter(Boolean) ?? [];
  return entries.at(-1);
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are one client. */
function normaliseAddress(address: string): string {
  return address.startsWith("::ffff:") ? address.slice(7) : address;
}
