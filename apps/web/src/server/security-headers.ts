import { NON_DOCUMENT_CONTENT_SECURITY_POLICY } from "./content-security-policy";

/**
 * The security headers of every response. The static ones are added by next.config.ts `headers()` (so they reach
 * pages, the tRPC endpoint, /media photos, Next's static files and 404s alike); the page CSP needs a nonce per request
 * and HSTS depends on how the request arrived, so those two are set at run time (proxy.ts for pages, the tRPC endpoint
 * and the media route for theirs). Kept free of Next imports: next.config.ts loads this file.
 */

export type HeaderRule = { key: string; value: string };

/** Two years, subdomains included: sent only over HTTPS (browsers ignore it over HTTP anyway). */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** Powerful browser features the shop never uses, switched off for the page and anything it embeds. */
const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "camera=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "payment=()",
  "usb=()",
].join(", ");

/** On every response. */
export const SECURITY_HEADERS: readonly HeaderRule[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
  // frame-ancestors 'none' says the same to current browsers; this is for the ones that predate CSP level 2.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** Paths that never serve a page (pages get their nonce CSP from proxy.ts instead), in next.config `source` syntax. */
export const NON_DOCUMENT_SOURCES = [
  "/api/trpc/:path+",
  "/api/v1/:path+",
  "/_next/static/:path+",
  "/media/:path+",
] as const;

export const NON_DOCUMENT_HEADERS: readonly HeaderRule[] = [
  { key: "Content-Security-Policy", value: NON_DOCUMENT_CONTENT_SECURITY_POLICY },
];

/** Reads one request header by lower-case name. */
export type RequestHeaderReader = (name: string) => string | null | undefined;

/**
 * Whether the request reached the shop over HTTPS. `next start` speaks plain HTTP, so HTTPS means a TLS-terminating
 * reverse proxy: its x-forwarded-proto (the last entry, the one it appended) is believed only when
 * JEWELGUIDE_TRUST_PROXY=1 says there is one — the same rule as the Secure cookie flag (readRequestClient).
 */
export function isHttpsRequest(header: RequestHeaderReader, trustProxy: boolean): boolean {
  if (!trustProxy) return false;
  const forwardedProto = header("x-forwarded-proto")
    ?.split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .at(-1);
  return forwardedProto === "https";
}
