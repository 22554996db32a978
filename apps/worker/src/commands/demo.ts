import path from "node:path";
import { createDb, migrateDatabase, redact } from "@jewelguide/db";
import { defineCommand } from "../cli/command";
import { createPhotoAssigner } from "../demo/assign-photos";
import { formatImportOutcome } from "../import/format-import-outcome";
import { IMPORT_FLAGS, readImportOptions } from "../import/import-options";
import { runImport } from "../import/run-import";
import { readPhotoSet } from "../importers/images/read-photo-set";
import { withPhotosInMedia } from "../importers/images/with-photos-in-media";
import { importRees46 } from "../importers/rees46/import-rees46";
import { openInput } from "../io/open-input";
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
  async run(context) {
    const { env, flags, stdout } = context;
    const input = openInput(flags.file ?? defaultRees46File(env.sharedDir));
    const photoDir = path.resolve(flags.photos ?? defaultPhotoSetDir(env.sharedDir));
    openInput(path.join(photoDir, "labels.csv"));
    const migration = await migrateDatabase(env.databaseUrl);
    stdout.write(`demo: database ${redact(env.databaseUrl)}: ${migration.applied.length} migration(s) applied\n`);
    const options = readImportOptions(flags, "demo", env.dataDir);
    const { db, target } = createDb(env.databaseUrl);
    try {
      const outcome = await runImport(
        { db, dialect: target.dialect, source: "demo", file: input.path, options, stderr: context.stderr },
        async (importContext) => {
          const photos = await readPhotoSet(importContext, photoDir);
          importContext.stats.rowsRead = 0;
          await withPhotosInMedia(importContext, photos, photoDir, env.dataDir, async (copied) => {
            stdout.write(
              `demo: ${photos.length} photos (${copied.copied} copied, ${copied.present} already in place)\n`,
            );
            await importRees46(importContext, input, { decorateProduct: createPhotoAssigner(photos) });
          });
          importContext.stats.summary.push(`photos: ${photos.length} in the media folder`);
        },
      );
      stdout.write(formatImportOutcome("demo (rees46 + photos)", input.path, outcome));
      return outcome.status === "succeeded" ? 0 : 1;
    } finally {
      await db.$disconnect();
    }
  },
});
