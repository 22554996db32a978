import fs from "node:fs";
import path from "node:path";
import { defineCommand } from "../cli/command";
import { UsageError } from "../cli/usage-error";
import { IMPORT_FLAGS } from "../ingest/import-options";
import { runImportCommand } from "../ingest/run-import-command";
import { importImages } from "../ingest/sources/images/import-images";
import { PHOTO_SET_NAME } from "../ingest/sources/images/read-photo-set";

export function defaultPhotoSetDir(sharedDir: string): string {
  return path.join(sharedDir, "data", PHOTO_SET_NAME);
}

export const importImagesCommand = defineCommand({
  name: "import images",
  summary: "Import the jewellery photo set as catalog products and copy the photos into the media folder.",
  help: `Reads labels.csv (file, label) and attributes.csv (description, materials, gemstones, gender for 399 photos).
Each photo becomes a product: sku img-<file stem>, category from the label (earrings→earring, rings→ring,
necklace→necklace, bracelet→bracelet, wristwatch→watch), metal/gem/gender/description from attributes.csv,
derived titles, price 0 with attributes.priceKnown=false (the set has no prices), imageUrl
/media/${PHOTO_SET_NAME}/images/<file>. Photos are copied to $JEWELGUIDE_DATA_DIR/media/${PHOTO_SET_NAME}/images/.`,
  flags: {
    dir: {
      type: "string",
      valueName: "PATH",
      description: `Default: $JEWELGUIDE_SHARED_DIR/data/${PHOTO_SET_NAME}`,
    },
    ...IMPORT_FLAGS,
  },
  async run(context) {
    const dir = path.resolve(context.flags.dir ?? defaultPhotoSetDir(context.env.sharedDir));
    for (const name of ["labels.csv", "attributes.csv"]) {
      if (!fs.existsSync(path.join(dir, name))) throw new UsageError(`file not found: ${path.join(dir, name)}`);
    }
    return runImportCommand(context, {
      source: "images",
      file: path.join(dir, "labels.csv"),
      body: (importContext) => importImages(importContext, dir, context.env.dataDir),
    });
  },
});
