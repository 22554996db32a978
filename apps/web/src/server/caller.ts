import "server-only";
import { createCaller, createContextInner } from "@jewelguide/api";
import { cache } from "react";
import { getDb } from "./db";
import { getServerSecrets } from "./server-secrets";

/** The tRPC caller for server components: same procedures as the HTTP API, no network hop. One per request. */
export const getServerCaller = cache(() => {
  const { db, target } = getDb();
  return createCaller(createContextInner({ db, dialect: target.dialect, secrets: getServerSecrets() }));
});
