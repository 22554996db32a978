/** A minimal client of the web app's tRPC HTTP endpoint (superjson envelopes; inputs here carry no Dates). */
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

export function createApiClient(baseUrl: string, fetchImpl: typeof fetch = fetch): ApiClient {
  const endpoint = `${baseUrl.replace(/\/$/, "")}/api/trpc`;
  const call = async <T>(path: string, init: RequestInit, url: string): Promise<T> => {
    let response: Response;
    try {
      response = await fetchImpl(url, init);
    } catch (error) {
      throw new ApiError(`cannot reach ${baseUrl} (${(error as Error).message}): is the web app running?`);
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
      call(path, { method: "GET" }, `${endpoint}/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`),
    mutate: (path, input) =>
      call(
        path,
        { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ json: input }) },
        `${endpoint}/${path}`,
      ),
  };
}
