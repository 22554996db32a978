import { defineCommand } from "../cli/command";
import { IMPORT_FLAGS, readImportOptions } from "../ingest/import-options";
import { importDemoShop } from "../pipeline/import-demo-shop";
import { defaultPhotoSetDir } from "./import-images";
import { defaultRees46File } from "./import-rees46";

export const demoCommand = defineCommand({
  name: "demo",
  summary: "Build the demo shop: migrate, import REES46, copy the photo set and illustrate each product.",
  help: `Builds the demo shop into DATABASE_URL: applies migrations, imports the REES46 purchases (normalized file),
copies the photo set into $JEWELGUIDE_DATA_DIR/media/jewellery-images-5class/images/, and gives every REES46
product a real photo of its category (earring→earrings, ring→rings, pendant/necklace→necklace, bracelet,
watch→wristwatch; hash of the sku, preferring photos of the same metal) with attributes.photoIllustrative=true.
Brooches and "other" get no photo. The photos do not become products of their own (see \`import images\`).
Running it again on a demo database changes nothing.`,
  flags: {
    file: { type: "string", valueName: "PATH", description: "REES46 file (default: the normalized one)." },
    photos: { type: "string", valueName: "DIR", description: "Photo set folder (default: the shared one)." },
    ...IMPORT_FLAGS,
  },
  async run({ env, flags, stdout, stderr }) {
    const outcome = await importDemoShop(
      {
        databaseUrl: env.databaseUrl,
        dataDir: env.dataDir,
        file: flags.file ?? defaultRees46File(env.sharedDir),
        photoDir: flags.photos ?? defaultPhotoSetDir(env.sharedDir),
        options: readImportOptions(flags, "demo", env.dataDir),
      },
      { stdout, stderr },
    );
    return outcome.status === "succeeded" ? 0 : 1;
  },
});
