// A worker thread's entry: TypeScript sources (ours and the workspace packages') load through tsx, registered in this
// thread, then the module named by workerData.entry runs. Plain JavaScript, because nothing can compile it first.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
