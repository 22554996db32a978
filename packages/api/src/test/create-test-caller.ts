import type { Db, Dialect } from "@jewelguide/db";
import { createContextInner } from "../context";
import { createCaller } from "../root";

export function createTestCaller(db: Db, dialect: Dialect) {
  return createCaller(createContextInner({ db, dialect }));
}
