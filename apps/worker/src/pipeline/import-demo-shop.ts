import path from "node:path";
import { createDb, migrateDatabase, redact } from "@jewelguide/db";
import type { Output } from "../cli/command";
import { formatImportOutcome } from "../ingest/format-import-outcome";
import { type ImportOptions, readImportOptions } from "../ingest/import-options";
import { openInput } from "../ingest/read/open-input";
import { type ImportOutcome, runImport } from "../ingest/run-import";
import { createPhotoAssigner } from "../ingest/sources/images/assign-photos";
import { readPhotoSet } from "../ingest/sources/images/read-photo-set";
import { withPhotosInMedia } from "../ingest/sources/images/with-photos-in-media";
import { importRees46 } from "../ingest/sources/rees46/import-rees46";
import { NO_IMPORT_FLAGS } from "./no-import-flags";

export type ImportDemoShopRequest = {
  databaseUrl: string;
  dataDir: string;
  /** The REES46 purchases file. */
  file: string;
  /** The photo set folder (with labels.csv). */
  photoDir: string;
  options: ImportOptions;
};

/** The import options of `demo` with none of the import flags given (what `run` imports with). */
export function defaultDemoImportOptions(dataDir: string): ImportOptions {
  return readImportOptions(NO_IMPORT_FLAGS, "demo", dataDir);
}

/**
 * Builds the demo shop: migrates, imports the REES46 purchases, copies the photo set into the media folder and gives
 * every product an illustrative photo of its category. Idempotent. Throws UsageError before touching the database
 * when the file or the photo set's labels.csv is missing.
 */
export async function importDemoShop(
  request: ImportDemoShopRequest,
  io: { stdout: Output; stderr: Output },
): Promise<ImportOutcome> {
  const { databaseUrl, dataDir } = request;
  const { stdout } = io;
  const input = openInput(request.file);
  const photoDir = path.resolve(request.photoDir);
  openInput(path.join(photoDir, "labels.csv"));
  const migration = await migrateDatabase(databaseUrl);
  stdout.write(`demo: database ${redact(databaseUrl)}: ${migration.applied.length} migration(s) applied\n`);
  const { db, target } = createDb(databaseUrl);
  try {
    const outcome = await runImport(
      { db, dialect: target.dialect, source: "demo", file: input.path, options: request.options, stderr: io.stderr },
      async (importContext) => {
        const photos = await readPhotoSet(importContext, photoDir);
        importContext.stats.rowsRead = 0;
        await withPhotosInMedia(importContext, photos, photoDir, dataDir, async (copied) => {
          stdout.write(`demo: ${photos.length} photos (${copied.copied} copied, ${copied.present} already in place)\n`);
          await importRees46(importContext, input, { decorateProduct: createPhotoAssigner(photos) });
        });
        importContext.stats.summary.push(`photos: ${photos.length} in the media folder`);
      },
    );
    stdout.write(formatImportOutcome("demo (rees46 + photos)", input.path, outcome));
    return outcome;
  } finally {
    await db.$disconnect();
  }
}
