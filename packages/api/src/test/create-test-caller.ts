import type { Db } from "@jewelguide/db";
import { createContextInner } from "../context";
import { createCaller } from "../root";

export function createTestCaller(db: Db) {
  return createCaller(createContextInner({ db }));
}
