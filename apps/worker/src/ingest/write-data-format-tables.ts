/**
 * Rewrites the column tables of docs/data-formats.md from the importers' zod row schemas, and its attribute
 * vocabulary from the lexicon
 * (`pnpm --filter @jewelguide/worker docs:formats`); test/data-formats-doc.test.ts fails while they differ.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { updateAttributeVocabulary } from "./sources/catalog/render-attribute-vocabulary";
import { updateColumnTables } from "./sources/render-column-tables";

const docPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../docs/data-formats.md");
const before = fs.readFileSync(docPath, "utf8");
const after = updateAttributeVocabulary(updateColumnTables(before));
if (after === before) console.log(`${docPath}: column tables up to date`);
else {
  fs.writeFileSync(docPath, after);
  console.log(`${docPath}: column tables rewritten`);
}
