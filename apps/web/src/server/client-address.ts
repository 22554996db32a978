import "server-only";
import { CLIENT_ADDRESS_HEADER, type RequestClient, readRequestClient } from "@jewelguide/api";
import { headers } from "next/headers";
import { getEnv } from "../env";
import { getServerSecrets } from "./server-secrets";

/**
 * The server's facts about the request a server component or server action is handling: React server code sees
 * headers, not the socket, so the client's address comes from the header scripts/serve.mjs overwrites on every
 * request with the socket's peer (x-forwarded-for instead when JEWELGUIDE_TRUST_PROXY=1). Outside serve.mjs (`next
 * dev`) that header could be the client's own invention: it is ignored, and every such request shares the address
 * "unknown" — one rate-limit bucket. The scheme is HTTPS only per a trusted proxy's x-forwarded-proto (serve.mjs
 * itself speaks plain HTTP).
 */
export async function readServerRequestClient(): Promise<RequestClient> {
  const store = await headers();
  const env = getEnv();
  return readRequestClient({
    header: (name) => store.get(name),
    socketAddress:
      env.JEWELGUIDE_SERVE_SETS_CLIENT_ADDRESS === "1" ? (store.get(CLIENT_ADDRESS_HEADER) ?? undefined) : undefined,
    encrypted: false,
    trustProxy: env.JEWELGUIDE_TRUST_PROXY === "1",
    secrets: getServerSecrets(),
  });
}
