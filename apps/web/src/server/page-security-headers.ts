import { createNonce, pageContentSecurityPolicy } from "./content-security-policy";
import { isHttpsRequest, STRICT_TRANSPORT_SECURITY } from "./security-headers";

export type PageSecurityOptions = { trustProxy: boolean; allowEval: boolean };

/**
 * For one page request (proxy.ts): a fresh nonce policy written onto the request headers — Next reads the nonce from
 * the request's Content-Security-Policy header and puts it on its own bootstrap and inline scripts — and returns the
 * headers the response must carry: the same policy, plus HSTS when the request came over HTTPS.
 */
export function addPageSecurityHeaders(requestHeaders: Headers, options: PageSecurityOptions): Headers {
  const policy = pageContentSecurityPolicy({ nonce: createNonce(), allowEval: options.allowEval });
  requestHeaders.set("content-security-policy", policy);
  const responseHeaders = new Headers({ "content-security-policy": policy });
  if (isHttpsRequest((name) => requestHeaders.get(name), options.trustProxy)) {
    responseHeaders.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  }
  return responseHeaders;
}
