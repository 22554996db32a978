import path from "node:path";
import { defineCommand } from "../cli/command";
import { IMPORT_FLAGS } from "../ingest/import-options";
import { openInput } from "../ingest/read/open-input";
import { runImportCommand } from "../ingest/run-import-command";
import { importNewchic } from "../ingest/sources/newchic/import-newchic";

export const importNewchicCommand = defineCommand({
  name: "import newchic",
  summary: "Import the Newchic jewelry catalog (French names, USD prices, likes as a popularity prior).",
  help: `One product per Newchic id (sku newchic-<id>; an id listed under several subcategories becomes one product
with attributes.subcategories). Category from the French subcategory (Bagues→ring, Colliers→necklace, Montres…→watch,
hair accessories, sets, DIY… → other), gender from "pour homme/femme/de couple", price = current_price (USD),
imageUrl = image_url, attributes: nameFr, likesCount, rawPrice, discountPercent, isNew, url, model. The French
name is also the description; titleEn/titleZh are derived from category, metal and gem words found in the name.`,
  flags: {
    file: {
      type: "string",
      valueName: "PATH",
      description: "Default: $JEWELGUIDE_SHARED_DIR/data/newchic-jewelry-catalog/newchic_jewelry.csv.xz",
    },
    ...IMPORT_FLAGS,
  },
  async run(context) {
    const file =
      context.flags.file ??
      path.join(context.env.sharedDir, "data", "newchic-jewelry-catalog", "newchic_jewelry.csv.xz");
    const input = openInput(file);
    return runImportCommand(context, {
      source: "newchic",
      file: input.path,
      body: (importContext) => importNewchic(importContext, input),
    });
  },
});
