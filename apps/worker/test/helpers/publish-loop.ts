// Publishes the given versions in turn, forever, as fast as it can; killed with SIGKILL by test/crash-safety.test.ts.
import { createDb, publishModelVersion } from "@jewelguide/db";

const url = process.env.DATABASE_URL;
const ids = process.argv.slice(2).map(Number);
if (!url || ids.length < 2) throw new Error("usage: DATABASE_URL=… publish-loop.ts ID ID …");
const { db } = createDb(url);
for (let i = 0; ; i++) {
  await publishModelVersion(db, ids[i % ids.length] ?? 0);
  if (i === 0) process.stdout.write("ready\n");
}
