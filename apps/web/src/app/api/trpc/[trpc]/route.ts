import { appRouter, createContext } from "@jewelguide/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getDb } from "../../../../server/db";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

function handleTrpcRequest(request: Request): Promise<Response> {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: ({ resHeaders }) => {
      const { db, target } = getDb();
      return createContext({ db, dialect: target.dialect, request, responseHeaders: resHeaders });
    },
    onError({ path, error }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error);
    },
  });
}

export { handleTrpcRequest as GET, handleTrpcRequest as POST };
