import { AppError } from "@jewelguide/db/errors";

export type OriginCheckRequest = {
  method: string;
  /** The Origin header (null when absent). */
  origin: string | null;
  /** The Sec-Fetch-Site header (null when absent). */
  fetchSite: string | null;
  /** This server's own origin as the request reached it (RequestClient.selfOrigin). */
  selfOrigin: string | null;
  /** The request carries the worker token (the simulator, the serving benchmark). */
  isWorker: boolean;
};

const SAME_SITE_FETCHES = new Set(["same-origin", "none"]);

/**
 * Cross-site request forgery guard for the tRPC endpoint: a state-changing request (anything but GET/HEAD/OPTIONS;
 * tRPC's mutations are POSTs) is refused with FORBIDDEN unless it comes from this shop's own pages. The browser says
 * where a request comes from in `Origin` (sent on every cross-origin request and on every POST by current browsers),
 * or else `Sec-Fetch-Site`; a request with neither did not come from a browser page, so it cannot carry a victim's
 * cookies and is let through. The worker's own traffic (worker token) is exempt. Hosts are compared, not schemes, as
 * Next does for server actions: a TLS-terminating proxy without JEWELGUIDE_TRUST_PROXY makes the scheme look like
 * http, while a foreign site always has another host. Behind a proxy that rewrites Host, set JEWELGUIDE_TRUST_PROXY=1
 * so x-forwarded-host names this shop. (Server actions — the dashboard's forms — get Next's own Origin/Host check:
 * `handleAction` in next/dist/server/app-render/action-handler.js.)
 */
export function findCrossOriginRefusal(request: OriginCheckRequest): AppError | undefined {
  const method = request.method.toUpperCase();
  if (method === "GET" || method === "HEAD" || method === "OPTIONS" || request.isWorker) return undefined;
  const selfHost = hostOf(request.selfOrigin);
  if (request.origin !== null) {
    const originHost = hostOf(request.origin);
    if (originHost !== undefined && originHost === selfHost) return undefined;
    return new AppError(
      "FORBIDDEN",
      `cross-origin request refused: Origin ${truncate(request.origin)} is not this shop (${request.selfOrigin ?? "unknown host"})`,
    );
  }
  if (request.fetchSite !== null && !SAME_SITE_FETCHES.has(request.fetchSite.toLowerCase())) {
    return new AppError(
      "FORBIDDEN",
      `cross-site request refused: Sec-Fetch-Site is ${truncate(request.fetchSite)}, not same-origin`,
    );
  }
  return undefined;
}

function hostOf(origin: string | null): string | undefined {
  if (origin === null || origin === "null") return undefined;
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/** A header echoed into an error message stays short. */
function truncate(value: string): string {
  return value.length > 100 ? `${value.slice(0, 100)}…` : value;
}
