import type { AppRouter } from "@jewelguide/api";
import { WORKER_TOKEN_HEADER } from "@jewelguide/api/security";
import { createTRPCClient, httpBatchLink, type TRPCClient, TRPCClientError, type TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";
import superjson from "superjson";

/**
 * The web app's tRPC client (`createTRPCClient<AppRouter>`, superjson like the web app's own), with a cookie jar of
 * its own: the shopper cookie the server issues on the first event is sent with every later call, so one client is one
 * synthetic shopper.
 */
export type ApiClient = TRPCClient<AppRouter>;

/** Why a call failed, in words for the operator: the web app is unreachable, or which procedure answered what. */
export class ApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ApiError";
  }
}

export type ApiClientOptions = {
  /** ServerSecrets.workerToken: the server stores this client's events as simulated traffic (and exempts it from rate limits). */
  workerToken?: string;
  fetchImpl?: typeof fetch;
};

/** Calls per HTTP request at most: the endpoint's own limit (packages/api MAX_BATCH_SIZE). */
const MAX_BATCH_ITEMS = 10;

export function createApiClient(baseUrl: string, options: ApiClientOptions = {}): ApiClient {
  const fetchImpl = options.fetchImpl ?? fetch;
  const cookies = new Map<string, string>();
  return createTRPCClient<AppRouter>({
    links: [
      nameFailuresLink(),
      httpBatchLink({
        url: `${baseUrl.replace(/\/$/, "")}/api/trpc`,
        transformer: superjson,
        maxItems: MAX_BATCH_ITEMS,
        headers: () => ({
          ...(options.workerToken ? { [WORKER_TOKEN_HEADER]: options.workerToken } : {}),
          ...(cookies.size > 0 ? { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; ") } : {}),
        }),
        async fetch(url, init) {
          let response: Response;
          try {
            response = await fetchImpl(url, init as RequestInit);
          } catch (error) {
            throw new ApiError(`cannot reach ${baseUrl} (${(error as Error).message}): is the web app running?`);
          }
          for (const setCookie of response.headers.getSetCookie()) {
            const [pair = ""] = setCookie.split(";");
            const index = pair.indexOf("=");
            if (index > 0) cookies.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
          }
          if (!response.ok && !response.headers.get("content-type")?.includes("application/json")) {
            // Not a tRPC answer (a proxy's page, a size limit): name the procedures from the URL, as the link does.
            const procedures = decodeURIComponent(new URL(String(url)).pathname.split("/").pop() ?? "");
            throw new ApiError(`${procedures} failed (${response.status}): no tRPC result`);
          }
          return response;
        },
      }),
    ],
  });
}

/** The ApiError behind a failed call, or null when the failure is not about the web app's answer. */
export function findApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof TRPCClientError && error.cause instanceof ApiError) return error.cause;
  return null;
}

/** Turns a failed call into an ApiError naming the procedure, the HTTP status and the server's message. */
function nameFailuresLink(): TRPCLink<AppRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) =>
        next(op).subscribe({
          next: (value) => observer.next(value),
          complete: () => observer.complete(),
          error(error) {
            if (findApiError(error)) {
              observer.error(error);
              return;
            }
            const response = error.meta?.response as { status?: number } | undefined;
            const status = error.data?.httpStatus ?? response?.status ?? "no response";
            const message = error.data ? error.message : "no tRPC result";
            observer.error(TRPCClientError.from(new ApiError(`${op.path} failed (${status}): ${message}`)));
          },
        }),
      );
}
