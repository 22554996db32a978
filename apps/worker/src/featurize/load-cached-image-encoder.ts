import fs from "node:fs";
import path from "node:path";
import {
  BACKBONE_WEIGHTS_FILE,
  convertBundledMobileNet,
  type ImageBackboneFiles,
  type ImageEncoder,
  loadImageEncoder,
} from "@jewelguide/model";

/** Folder (under the data dir) of the converted backbone; the name carries the source package version. */
export const IMAGE_BACKBONE_CACHE = path.join("models", "mobilenet-v2-nsfwjs-4.3.0");

/**
 * The image encoder, its backbone read from $JEWELGUIDE_DATA_DIR/models/… when converted before, else converted from
 * the nsfwjs package once and written there (model.json + weights.bin, atomically) for the next run.
 */
export async function loadCachedImageEncoder(
  dataDir: string,
  log: (text: string) => void = () => {},
): Promise<ImageEncoder> {
  const dir = path.join(dataDir, IMAGE_BACKBONE_CACHE);
  const jsonFile = path.join(dir, "model.json");
  const weightsFile = path.join(dir, BACKBONE_WEIGHTS_FILE);
  let files: ImageBackboneFiles;
  if (fs.existsSync(jsonFile) && fs.existsSync(weightsFile)) {
    files = { modelJson: fs.readFileSync(jsonFile, "utf8"), weights: new Uint8Array(fs.readFileSync(weightsFile)) };
  } else {
    const started = Date.now();
    files = await convertBundledMobileNet();
    fs.mkdirSync(dir, { recursive: true });
    writeAtomically(weightsFile, files.weights);
    writeAtomically(jsonFile, files.modelJson);
    log(`converted the nsfwjs MobileNetV2 into ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return loadImageEncoder(files);
}

function writeAtomically(file: string, data: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, data);
  fs.renameSync(temporary, file);
}
