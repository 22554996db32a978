import type { IncomingMessage } from "node:http";
import type { RequestClient } from "../request-client";
import type { ServerSecrets } from "../security/server-secrets";
import { readRequestClient } from "./read-request-client";

/**
 * readRequestClient for a Node request (a Pages API route, a node:http server): its headers (a repeated header joined
 * with ", ", as Node itself joins most of them) and its socket's peer address. The connection is HTTPS when the socket
 * is a TLS socket, unless `encrypted` says otherwise.
 */
export function readNodeRequestClient(
  req: IncomingMessage,
  options: { trustProxy: boolean; secrets: ServerSecrets; encrypted?: boolean },
): RequestClient {
  return readRequestClient({
    header: (name) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(", ") : value;
    },
    socketAddress: req.socket.remoteAddress,
    encrypted: options.encrypted ?? ("encrypted" in req.socket && req.socket.encrypted === true),
    trustProxy: options.trustProxy,
    secrets: options.secrets,
  });
}
