import { parentPort, workerData } from "node:worker_threads";
import { fitItemItemTerm, JointConfigSchema } from "@jewelguide/model";
import type { ItemItemThreadMessage, ItemItemThreadRequest } from "./item-item-thread-protocol";

/** The thread's side: fits the term the parent sent the data for, posting progress and then the term (transferred). */
const request = workerData as ItemItemThreadRequest;
const post = (message: ItemItemThreadMessage, transfer: ArrayBuffer[] = []) =>
  parentPort?.postMessage(message, transfer);
const term = await fitItemItemTerm(
  { matrix: request.matrix, items: { size: request.items } },
  JointConfigSchema.parse(request.config),
  (progress) => post({ type: "progress", progress }),
);
post({ type: "term", term }, [term.indptr.buffer, term.indices.buffer, term.values.buffer] as ArrayBuffer[]);
