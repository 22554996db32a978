/* Who is asking, as the server decides it: kept apart from context.ts so the modules that decide it (the cookie
 * reader, the request readers) do not import the context that uses them. */

/** A shopper as the server knows them: only ever from the signed `jg_shopper` cookie the server issued. */
export type ShopperIdentity = { externalId: string };

/** Facts about the request that the server decides (never taken from the request body). */
export type RequestClient = {
  /** The client's address: the socket's peer, or the proxy's x-forwarded-for entry when a proxy is trusted. */
  address: string;
  /** The request's Origin header (null when absent). */
  origin: string | null;
  /** This server's own origin as the request reached it (`https://shop.example`), for the Origin check. */
  selfOrigin: string | null;
  /** The request came over HTTPS (directly, or per x-forwarded-proto when a proxy is trusted): cookies get Secure. */
  secure: boolean;
  /** The request carries the worker token (the simulator): its events are stored as simulated. */
  isWorker: boolean;
  /** This request's id: in error replies and the server log. */
  requestId: string;
};
