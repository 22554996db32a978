import { WORKER_TOKEN_HEADER } from "@jewelguide/api/security";

/**
 * A minimal client of the web app's tRPC HTTP endpoint (superjson envelopes; inputs here carry no Dates), with a cookie
 * jar of its own: the shopper cookie the server issues on the first event is sent with every later call, so one client
 * is one synthetic shopper.
 */
export type ApiClient = {
  query<T>(path: string, input: unknown): Promise<T>;
  mutate<T>(path: string, input: unknown): Promise<T>;
};

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

export function createApiClient(baseUrl: string, options: ApiClientOptions = {}): ApiClient {
  const fetchImpl = options.fetchImpl ?? fetch;
  const endpoint = `${baseUrl.replace(/\/$/, "")}/api/trpc`;
  const cookies = new Map<string, string>();
  const headers = (extra: Record<string, string> = {}): Record<string, string> => ({
    ...extra,
    ...(options.workerToken ? { [WORKER_TOKEN_HEADER]: options.workerToken } : {}),
    ...(cookies.size > 0 ? { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; ") } : {}),
  });
  const call = async <T>(path: string, init: RequestInit, url: string): Promise<T> => {
    let response: Response;
    try {
      response = await fetchImpl(url, init);
    } catch (error) {
      throw new ApiError(`cannot reach ${baseUrl} (${(error as Error).message}): is the web app running?`);
    }
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = ""] = setCookie.split(";");
      const index = pair.indexOf("=");
      if (index > 0) cookies.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
    }
    const body = (await response.json().catch(() => null)) as {
      result?: { data?: { json?: T } };
      error?: { json?: { message?: string } };
    } | null;
    if (!response.ok || !body?.result?.data) {
      throw new ApiError(`${path} failed (${response.status}): ${body?.error?.json?.message ?? "no tRPC result"}`);
    }
    return body.result.data.json as T;
  };
  return {
    query: (path, input) =>
      call(
        path,
        { method: "GET", headers: headers() },
        `${endpoint}/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
      ),
    mutate: (path, input) =>
      call(
        path,
        {
          method: "POST",
          headers: headers({ "content-type": "application/json" }),
          body: JSON.stringify({ json: input }),
        },
        `${endpoint}/${path}`,
      ),
  };
}
