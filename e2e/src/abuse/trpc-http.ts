/** One HTTP exchange as the tests see it: status, headers and the body as text. */
export type HttpReply = { status: number; headers: Headers; body: string };

export type RawRequest = {
  method: "GET" | "POST";
  /** Path and query string, e.g. `/api/trpc/catalog.getProduct?input=…`. */
  target: string;
  headers?: Record<string, string>;
  body?: string;
};

/** Every request of the abuse suite gives up after this long: a hung server is a failure, not a slow test. */
const REQUEST_TIMEOUT_MS = 20_000;

/** Sends one request exactly as given (no redirects followed) and reads the whole reply. */
export async function sendRaw(baseUrl: string, request: RawRequest): Promise<HttpReply> {
  const response = await fetch(`${baseUrl}${request.target}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    redirect: "manual",
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** tRPC's wire form of an input: the transformer's envelope (`{"json": …}`), or nothing for no input. */
export function encodeInput(value: unknown): string | undefined {
  return value === undefined ? undefined : JSON.stringify({ json: value });
}

/** A tRPC query over GET as the shop's client sends it (`?input=` holding the envelope). */
export function queryTarget(path: string, input: unknown): string {
  const encoded = encodeInput(input);
  return `/api/trpc/${path}${encoded === undefined ? "" : `?input=${encodeURIComponent(encoded)}`}`;
}

/** A batch of queries over GET: `/api/trpc/a,b?batch=1&input={"0":…,"1":…}`. */
export function batchQueryTarget(calls: { path: string; input: unknown }[]): string {
  const inputs: Record<string, unknown> = {};
  calls.forEach((call, index) => {
    if (call.input !== undefined) inputs[String(index)] = { json: call.input };
  });
  const paths = calls.map((call) => call.path).join(",");
  return `/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`;
}

export async function trpcQuery(
  baseUrl: string,
  path: string,
  input: unknown,
  headers: Record<string, string> = {},
): Promise<HttpReply> {
  return sendRaw(baseUrl, { method: "GET", target: queryTarget(path, input), headers });
}

export async function trpcMutation(
  baseUrl: string,
  path: string,
  input: unknown,
  headers: Record<string, string> = {},
): Promise<HttpReply> {
  return sendRaw(baseUrl, {
    method: "POST",
    target: `/api/trpc/${path}`,
    headers: { "content-type": "application/json", ...headers },
    body: encodeInput(input) ?? "",
  });
}

/** The `data` of a successful single tRPC reply (the transformer's `json` part). */
export function resultData<T>(reply: HttpReply): T {
  if (reply.status !== 200) throw new Error(`expected 200, got ${reply.status}: ${reply.body.slice(0, 500)}`);
  const parsed = JSON.parse(reply.body) as { result?: { data?: { json?: T } } };
  if (!parsed.result?.data || !("json" in parsed.result.data)) {
    throw new Error(`not a tRPC result: ${reply.body.slice(0, 500)}`);
  }
  return parsed.result.data.json as T;
}

/** The `error` of a failed single tRPC reply: message and tRPC code. */
export function errorOf(reply: HttpReply): { message: string; code: string } {
  const parsed = JSON.parse(reply.body) as { error?: { json?: { message?: string; data?: { code?: string } } } };
  const error = parsed.error?.json;
  if (!error) throw new Error(`not a tRPC error: ${reply.status} ${reply.body.slice(0, 500)}`);
  return { message: error.message ?? "", code: error.data?.code ?? "" };
}

/** The `name=value` of each Set-Cookie header of a reply. */
export function setCookies(reply: HttpReply): string[] {
  return reply.headers.getSetCookie();
}

/** The value a reply's Set-Cookie gives `name` (undefined when it sets none). */
export function cookieValue(reply: HttpReply, name: string): string | undefined {
  for (const header of setCookies(reply)) {
    const [pair] = header.split(";");
    const index = pair?.indexOf("=") ?? -1;
    if (pair && index > 0 && pair.slice(0, index).trim() === name) return decodeURIComponent(pair.slice(index + 1));
  }
  return undefined;
}
