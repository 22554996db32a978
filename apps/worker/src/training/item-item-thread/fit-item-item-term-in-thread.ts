import { Worker } from "node:worker_threads";
import { type ItemItemTermFitter, JointRecommender, type Recommender } from "@jewelguide/model";
import type { ItemItemThreadMessage, ItemItemThreadRequest } from "./item-item-thread-protocol";

const BOOT = new URL("./run-typescript-thread.mjs", import.meta.url);
const ENTRY = new URL("./item-item-term-thread.ts", import.meta.url).href;

/**
 * The joint model's item–item term (EASE's m³ inverse, docs/model.md) fitted in a worker thread: TF.js's WASM backend
 * is single-threaded in Node, so on a machine with two cores the inverse runs beside the towers' epochs instead of
 * after them. Same code and inputs as in process, so the same term (a test checks it entry for entry).
 */
export const fitItemItemTermInThread: ItemItemTermFitter = (data, config, onProgress) =>
  new Promise((resolve, reject) => {
    const request: ItemItemThreadRequest = { entry: ENTRY, matrix: data.matrix, items: data.items.size, config };
    const thread = new Worker(BOOT, { workerData: request });
    let settled = false;
    thread.on("message", (message: ItemItemThreadMessage) => {
      if (message.type === "progress") {
        onProgress?.({ ...message.progress, stage: `${message.progress.stage} (worker thread)` });
        return;
      }
      settled = true;
      resolve(message.term);
      void thread.terminate();
    });
    thread.on("error", (error) => {
      settled = true;
      reject(new Error(`the item-item term's thread failed: ${error.message}`, { cause: error }));
    });
    thread.on("exit", (code) => {
      if (!settled) reject(new Error(`the item-item term's thread exited with code ${code} before it finished`));
    });
  });

/** Joint models fit their item–item term in a worker thread (see above); other models are returned as they are. */
export function withItemItemTermInThread<M extends Recommender>(model: M): M {
  if (model instanceof JointRecommender) model.withItemItemTermFitter(fitItemItemTermInThread);
  return model;
}
