import * as tf from "@tensorflow/tfjs";
import { assertProductShapes, type MultiplyTransposedSync } from "./multiply-transposed";
import { selectTensorBackend } from "./select-tensor-backend";

/**
 * a · bᵀ on tfjs with the fastest backend available (native, else WASM with XNNPACK/SIMD, else cpu): about 12–25
 * GFLOP/s on one core with WASM for panels of 256–512 columns. The returned function is synchronous.
 */
export async function createTfjsMultiplyTransposed(): Promise<MultiplyTransposedSync> {
  await selectTensorBackend();
  return (a, aRows, b, bRows, inner) => {
    assertProductShapes(a, aRows, b, bRows, inner);
    const product = tf.tidy(() => {
      const left = tf.tensor2d(a.subarray(0, aRows * inner), [aRows, inner]);
      const right = tf.tensor2d(b.subarray(0, bRows * inner), [bRows, inner]);
      // An explicit transpose then a plain matMul: matMul(..., transposeB=true) is ~10× slower on WASM (measured).
      return tf.matMul(left, tf.transpose(right));
    });
    // Read outside tf.tidy: dataSync inside a tidy scope is ~60× slower on the WASM backend (measured, tfjs 4.22).
    const values = product.dataSync();
    product.dispose();
    if (!(values instanceof Float32Array)) throw new Error("Expected a float32 product from tfjs.");
    return values;
  };
}
