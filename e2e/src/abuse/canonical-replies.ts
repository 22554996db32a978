import { WORKER_TOKEN_HEADER } from "@jewelguide/api";
import { sendRaw, trpcMutation, trpcQuery } from "./trpc-http";

type Summary = { status: number; summary: unknown };

/**
 * A fixed set of requests whose answers depend on defaults and plain-object lookups on the server (input defaults
 * such as pageSize and sort, the staff role check, the events schema): if a hostile input had polluted the server's
 * Object.prototype with any key the fuzzer plants (POLLUTION_PAYLOAD), one of these answers would change. Each reply is
 * reduced to what the fuzz traffic itself cannot change (events it logged may reorder popularity, never a page size or
 * a product's name). Sent with the worker token so a rate limit reached by the fuzz run does not answer them.
 */
export async function readCanonicalReplies(baseUrl: string, workerToken: string): Promise<Record<string, Summary>> {
  const worker = { [WORKER_TOKEN_HEADER]: workerToken };
  const page = await trpcQuery(baseUrl, "catalog.listProducts", {}, worker);
  const newest = await trpcQuery(baseUrl, "catalog.listProducts", { sort: "newest", pageSize: 3 }, worker);
  const firstId = readData<{ items: { id: number }[] }>(newest.body)?.items[0]?.id ?? 1;
  const product = await trpcQuery(baseUrl, "catalog.getProduct", { id: firstId }, worker);
  const me = await trpcQuery(baseUrl, "staffAuth.me", undefined, worker);
  const versions = await trpcQuery(baseUrl, "dashboard.versions", undefined, worker);
  const emptyEvents = await trpcMutation(baseUrl, "events.log", {}, worker);
  const facets = await trpcQuery(baseUrl, "catalog.listFacets", {}, worker);
  const home = await sendRaw(baseUrl, { method: "GET", target: "/", headers: worker });
  return {
    "catalog.listProducts {}": summarise(page.status, page.body, (data: PageData) => ({
      pageSize: data.pageSize,
      page: data.page,
      total: data.total,
      items: data.items.length,
    })),
    "catalog.listProducts newest": summarise(newest.status, newest.body, (data: PageData) =>
      data.items.map((item) => item.id),
    ),
    "catalog.getProduct": summarise(
      product.status,
      product.body,
      (data: { id: number; sku: string; price: number }) => ({
        id: data.id,
        sku: data.sku,
        price: data.price,
      }),
    ),
    "staffAuth.me": summarise(me.status, me.body, (data: unknown) => data),
    "dashboard.versions (no session)": { status: versions.status, summary: errorCode(versions.body) },
    "events.log {}": { status: emptyEvents.status, summary: errorCode(emptyEvents.body) },
    "catalog.listFacets {}": summarise(facets.status, facets.body, (data: Record<string, unknown>) =>
      Object.keys(data).sort(),
    ),
    "GET /": { status: home.status, summary: home.headers.get("content-type") },
  };
}

type PageData = { items: { id: number }[]; pageSize: number; page: number; total: number };

function summarise<T>(status: number, body: string, reduce: (data: T) => unknown): Summary {
  const data = readData<T>(body);
  return { status, summary: data === undefined ? errorCode(body) : reduce(data) };
}

function readData<T>(body: string): T | undefined {
  try {
    const parsed = JSON.parse(body) as { result?: { data?: { json?: T } } };
    return parsed.result?.data?.json;
  } catch {
    return undefined;
  }
}

function errorCode(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { json?: { data?: { code?: string } } } };
    return parsed.error?.json?.data?.code ?? "no tRPC error";
  } catch {
    return "not JSON";
  }
}
