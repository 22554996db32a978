/**
 * The Content-Security-Policy the shop's pages run under, and the one for everything that is not a page.
 *
 * Pages: scripts run only with this request's nonce ('strict-dynamic' lets those scripts load Next's chunks), never
 * inline or eval'd code (production never needs eval: tfjs runs on the server only, the browser bundle has no model
 * code). Styles come from the built stylesheet ('self'); React sets dynamic styles through the CSSOM, which CSP does
 * not govern, so no 'unsafe-inline'. Photos are our own /media files, data: URIs, or the http(s) photo URLs a shop's
 * catalog may name (docs/data-formats.md): an image cannot run code, and with scripts locked down and connect-src
 * 'self' an image URL is no way out for data. Forms post only to this site, nothing may frame a page (the dashboard's
 * publish and rollback forms), no plugins, no <base> rewrites.
 */

export type PagePolicyOptions = {
  /** This request's nonce (base64), the only way a script runs. */
  nonce: string;
  /** `next dev` only: React's development build rebuilds server stack traces with eval. */
  allowEval?: boolean;
};

/** A fresh nonce per request: 16 random bytes from Web Crypto, base64 (what Next's nonce pattern accepts). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function pageContentSecurityPolicy({ nonce, allowEval = false }: PagePolicyOptions): string {
  return serialisePolicy({
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(allowEval ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", `'nonce-${nonce}'`],
    "img-src": ["'self'", "data:", "https:", "http:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  });
}

/**
 * For responses that are never meant to be a document (the tRPC endpoint's JSON, Next's static chunks, photos): if
 * one is opened or framed anyway, it can run, load and embed nothing.
 */
export const NON_DOCUMENT_CONTENT_SECURITY_POLICY = serialisePolicy({
  "default-src": ["'none'"],
  "base-uri": ["'none'"],
  "form-action": ["'none'"],
  "frame-ancestors": ["'none'"],
});

function serialisePolicy(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}
