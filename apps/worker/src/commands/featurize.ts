import path from "node:path";
import { createDb } from "@jewelguide/db";
import { defineCommand } from "../cli/command";
import { createProgressReporter } from "../cli/progress-reporter";
import { featurizeProducts, TEXT_ENCODER } from "../featurize/featurize-products";
import { IMAGE_BACKBONE_CACHE, loadCachedImageEncoder } from "../featurize/load-cached-image-encoder";
import { parsePositiveInteger } from "./parse-numeric-flags";

export const featurizeCommand = defineCommand({
  name: "featurize",
  summary: "Compute and store per-product text + attribute and image features (only new or changed products).",
  help: `For every product in DATABASE_URL: a ${TEXT_ENCODER} vector of its titles, description and attributes, and an image
vector (MobileNetV2 embedding from the nsfwjs package + foreground colour histogram) of its photo under
$JEWELGUIDE_DATA_DIR/media for an imageUrl /media/<path>. Stored in ProductFeature, one row per product and encoder,
with the encoder version and a hash of the source; products whose source and encoder version are unchanged are skipped.
A missing or unreadable photo leaves the text feature and logs a warning. The backbone is converted once into
$JEWELGUIDE_DATA_DIR/${IMAGE_BACKBONE_CACHE}.`,
  flags: {
    force: { type: "boolean", description: "recompute every product" },
    "batch-size": { type: "string", valueName: "N", description: "images per inference batch (default 16)" },
    quiet: { type: "boolean", description: "no progress output" },
  },
  async run({ flags, env, stdout, stderr }) {
    const batchSize =
      flags["batch-size"] === undefined ? 16 : parsePositiveInteger("--batch-size", flags["batch-size"]);
    const { db } = createDb(env.databaseUrl);
    try {
      const outcome = await featurizeProducts(db, {
        mediaDir: path.join(env.dataDir, "media"),
        loadImageEncoder: () => loadCachedImageEncoder(env.dataDir, (text) => stderr.write(`[featurize] ${text}\n`)),
        force: flags.force,
        batchSize,
        warn: (text) => stderr.write(`[featurize] warning: ${text}\n`),
        progress: createProgressReporter({ out: stderr, enabled: !flags.quiet, tag: "featurize" }),
      });
      const { text, image } = outcome;
      stdout.write(
        `featurized ${outcome.products} products: text ${text.computed} computed, ${text.unchanged} unchanged (${text.seconds.toFixed(1)} s); ` +
          `image ${image.computed} computed from ${image.encodedFiles} files, ${image.unchanged} unchanged, ${image.noImage} without photo, ` +
          `${image.missing} missing, ${image.corrupt} corrupt (${image.seconds.toFixed(1)} s)\n`,
      );
      return 0;
    } finally {
      await db.$disconnect();
    }
  },
});
