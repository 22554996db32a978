import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";

export type TensorBackend = "tensorflow" | "wasm" | "cpu";

/**
 * Picks the fastest TensorFlow.js backend available at run time: native `tensorflow` when the user has installed
 * `@tensorflow/tfjs-node` (optional: it downloads libtensorflow at install, so it is never a dependency here), else
 * `wasm` (XNNPACK, shipped inside @tensorflow/tfjs-backend-wasm), else the pure-JS `cpu`. Idempotent.
 */
export async function selectTensorBackend(preferred?: TensorBackend): Promise<TensorBackend> {
  const order: TensorBackend[] = preferred ? [preferred, "tensorflow", "wasm", "cpu"] : ["tensorflow", "wasm", "cpu"];
  for (const backend of order) {
    if (backend === "tensorflow" && !(await loadNativeBackend())) continue;
    try {
      if (tf.getBackend() !== backend && !(await tf.setBackend(backend))) continue;
      await tf.ready();
      return backend;
    } catch {
      // Not registered or failed to initialise: try the next one.
    }
  }
  throw new Error("No TensorFlow.js backend could be initialised (tried tensorflow, wasm, cpu).");
}

let nativeLoaded: boolean | undefined;

async function loadNativeBackend(): Promise<boolean> {
  if (nativeLoaded === undefined) {
    const name = "@tensorflow/tfjs-node";
    try {
      await import(/* webpackIgnore: true */ name);
      nativeLoaded = tf.findBackend("tensorflow") !== undefined;
    } catch {
      nativeLoaded = false;
    }
  }
  return nativeLoaded;
}
