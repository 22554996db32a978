import { BACKBONE_WEIGHTS_FILE, type ImageBackboneFiles } from "./image-backbone-files";

type WeightGroup = { paths: string[]; weights: unknown[] };
type BundledModelJson = { modelTopology: unknown; weightsManifest: WeightGroup[] };

/**
 * Reads the MobileNetV2 that `nsfwjs` ships as base64 JavaScript (MIT; no download) and converts it to a plain
 * model.json + weights.bin pair. Slow (~10 s: parsing the JS bundle), so callers convert once and cache the files.
 */
export async function convertBundledMobileNet(): Promise<ImageBackboneFiles> {
  const { MobileNetV2Model } = await import("nsfwjs/models/mobilenet_v2");
  const modelJson = readModule<BundledModelJson>(await MobileNetV2Model.modelJson());
  const weightSpecs: unknown[] = [];
  const parts: Uint8Array[] = [];
  for (const [index, group] of modelJson.weightsManifest.entries()) {
    for (const _path of group.paths) {
      const loader = MobileNetV2Model.weightBundles[index];
      if (!loader) throw new Error(`nsfwjs MobileNetV2: no weight bundle ${index}`);
      const base64 = readModule<unknown>(await loader());
      if (typeof base64 !== "string") throw new Error("nsfwjs MobileNetV2: weight bundle is not base64 text");
      parts.push(decodeBase64(base64));
    }
    weightSpecs.push(...group.weights);
  }
  const weights = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    weights.set(part, offset);
    offset += part.length;
  }
  const plain = {
    format: "layers-model",
    generatedBy: "nsfwjs 4.3.0 MobileNetV2",
    convertedBy: "@jewelguide/model convertBundledMobileNet",
    modelTopology: modelJson.modelTopology,
    weightsManifest: [{ paths: [BACKBONE_WEIGHTS_FILE], weights: weightSpecs }],
  };
  return { modelJson: JSON.stringify(plain), weights };
}

function readModule<T>(module: unknown): T {
  if (typeof module === "object" && module !== null && "default" in module) return module.default as T;
  return module as T;
}

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
