import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@jewelguide/db";
import {
  DEFAULT_TEXT_DIMENSION,
  decodeJpeg,
  describeImageEncoder,
  encodeText,
  type ImageEncoder,
  type RgbaImage,
} from "@jewelguide/model";
import type { ProgressReporter } from "../cli/progress-reporter";
import { buildProductText } from "./build-product-text";
import { encodeFeatureVector } from "./feature-vector-bytes";

export const TEXT_ENCODER = "text-hashed-lexicon";
export const TEXT_ENCODER_VERSION = `dim${DEFAULT_TEXT_DIMENSION}-v1`;

export type FeaturizeOptions = {
  /** Folder that `/media/<path>` image URLs point into ($JEWELGUIDE_DATA_DIR/media). */
  mediaDir: string;
  /** Called only when some image needs encoding; must give an encoder that `imageEncoder` describes. */
  loadImageEncoder: () => Promise<ImageEncoder>;
  /** Name and version of the image encoder (default: describeImageEncoder()). */
  imageEncoder?: { name: string; version: string };
  /** Recompute everything, changed or not. */
  force?: boolean;
  batchSize?: number;
  warn: (text: string) => void;
  /** Reports the "text" and "images" stages (products, then distinct photo files). */
  progress: ProgressReporter;
};

export type FeaturizeOutcome = {
  products: number;
  text: { computed: number; unchanged: number; seconds: number };
  image: {
    computed: number;
    unchanged: number;
    /** Distinct photo files encoded (products sharing a photo share one inference). */
    encodedFiles: number;
    noImage: number;
    missing: number;
    corrupt: number;
    seconds: number;
  };
};

type FeatureRow = { productId: number; encoder: string; version: string; vector: Float32Array; sourceHash: string };
type PendingImage = { productIds: number[]; labels: string[]; sourceHashes: string[]; file: string; bytes: Uint8Array };

/**
 * Computes and stores the text + attribute feature and the image feature of every product, skipping products whose
 * sourceHash (text: the encoded text; image: titles + photo file bytes) and encoder version are unchanged. A product
 * whose photo is missing or unreadable keeps its text feature, loses any stale image feature and is warned about.
 */
export async function featurizeProducts(db: Db, options: FeaturizeOptions): Promise<FeaturizeOutcome> {
  const products = await db.product.findMany({
    select: {
      id: true,
      sku: true,
      titleZh: true,
      titleEn: true,
      description: true,
      category: true,
      metal: true,
      gem: true,
      color: true,
      imageUrl: true,
    },
    orderBy: { id: "asc" },
  });
  const stored = await db.productFeature.findMany({
    select: { productId: true, encoder: true, version: true, sourceHash: true },
  });
  const storedKey = new Map(
    stored.map((row) => [`${row.productId}:${row.encoder}`, `${row.version}:${row.sourceHash}`]),
  );
  const isUnchanged = (productId: number, encoder: string, version: string, sourceHash: string) =>
    !options.force && storedKey.get(`${productId}:${encoder}`) === `${version}:${sourceHash}`;
  const outcome: FeaturizeOutcome = {
    products: products.length,
    text: { computed: 0, unchanged: 0, seconds: 0 },
    image: { computed: 0, unchanged: 0, encodedFiles: 0, noImage: 0, missing: 0, corrupt: 0, seconds: 0 },
  };

  // Text + attributes: cheap, done inline.
  let started = Date.now();
  let rows: FeatureRow[] = [];
  const textProgress = options.progress.start("text", products.length);
  for (const [index, product] of products.entries()) {
    const text = buildProductText(product);
    const sourceHash = sha256(text);
    if (isUnchanged(product.id, TEXT_ENCODER, TEXT_ENCODER_VERSION, sourceHash)) {
      outcome.text.unchanged++;
    } else {
      rows.push({
        productId: product.id,
        encoder: TEXT_ENCODER,
        version: TEXT_ENCODER_VERSION,
        vector: encodeText(text),
        sourceHash,
      });
      outcome.text.computed++;
    }
    if (rows.length >= 500) rows = await writeFeatures(db, rows);
    textProgress.tick(index + 1);
  }
  if (products.length > 0) textProgress.done();
  await writeFeatures(db, rows);
  outcome.text.seconds = (Date.now() - started) / 1000;

  // Images: hash the files, group changed products by identical bytes, encode each distinct file once.
  started = Date.now();
  const imageIdentity = options.imageEncoder ?? describeImageEncoder();
  const pending = new Map<string, PendingImage>();
  const staleImage: number[] = [];
  let encoder: ImageEncoder | undefined;
  for (const product of products) {
    const file = resolveMediaFile(options.mediaDir, product.imageUrl);
    if (!file) {
      outcome.image.noImage++;
      if (product.imageUrl)
        options.warn(
          `product ${product.id} (${product.sku}): image ${product.imageUrl} is not a /media path; no image feature`,
        );
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(fs.readFileSync(file));
    } catch (error) {
      outcome.image.missing++;
      staleImage.push(product.id);
      options.warn(
        `product ${product.id} (${product.sku}): image file ${file} unreadable (${describeError(error)}); text features only`,
      );
      continue;
    }
    const bytesHash = sha256(bytes);
    const sourceHash = sha256(`${product.titleZh}\n${product.titleEn}\n${bytesHash}`);
    if (isUnchanged(product.id, imageIdentity.name, imageIdentity.version, sourceHash)) {
      outcome.image.unchanged++;
      continue;
    }
    const group = pending.get(bytesHash) ?? { productIds: [], labels: [], sourceHashes: [], file, bytes };
    group.productIds.push(product.id);
    group.labels.push(`${product.id} (${product.sku})`);
    group.sourceHashes.push(sourceHash);
    pending.set(bytesHash, group);
  }
  if (pending.size > 0) {
    encoder = await options.loadImageEncoder();
    if (encoder.name !== imageIdentity.name || encoder.version !== imageIdentity.version) {
      throw new Error(
        `image encoder ${encoder.name} ${encoder.version} is not the described ${imageIdentity.name} ${imageIdentity.version}`,
      );
    }
    const groups = [...pending.values()];
    const batchSize = Math.max(1, options.batchSize ?? 16);
    let imageRows: FeatureRow[] = [];
    const imageProgress = options.progress.start("images", groups.length);
    for (let start = 0; start < groups.length; start += batchSize) {
      const decoded: { group: PendingImage; image: RgbaImage }[] = [];
      for (const group of groups.slice(start, start + batchSize)) {
        try {
          decoded.push({ group, image: decodeJpeg(group.bytes) });
        } catch (error) {
          outcome.image.corrupt += group.productIds.length;
          staleImage.push(...group.productIds);
          options.warn(
            `product${group.productIds.length > 1 ? "s" : ""} ${group.labels.join(", ")}: image file ${group.file} could not be decoded (${describeError(error)}); text features only`,
          );
        }
      }
      const vectors = await encoder.encode(
        decoded.map((entry) => entry.image),
        { batchSize },
      );
      for (const [i, { group }] of decoded.entries()) {
        const vector = vectors[i];
        if (!vector) continue;
        outcome.image.encodedFiles++;
        for (const [j, productId] of group.productIds.entries()) {
          imageRows.push({
            productId,
            encoder: encoder.name,
            version: encoder.version,
            vector,
            sourceHash: group.sourceHashes[j] ?? "",
          });
          outcome.image.computed++;
        }
      }
      if (imageRows.length >= 500) imageRows = await writeFeatures(db, imageRows);
      imageProgress.tick(Math.min(start + batchSize, groups.length));
    }
    if (groups.length > 0) imageProgress.done();
    await writeFeatures(db, imageRows);
  }
  if (staleImage.length > 0) {
    await db.productFeature.deleteMany({ where: { productId: { in: staleImage }, encoder: { not: TEXT_ENCODER } } });
  }
  encoder?.dispose();
  outcome.image.seconds = (Date.now() - started) / 1000;
  return outcome;
}

/** Upserts feature rows (one transaction) and returns an empty list for the next batch. */
async function writeFeatures(db: Db, rows: FeatureRow[]): Promise<FeatureRow[]> {
  if (rows.length === 0) return [];
  const computedAt = new Date();
  await db.$transaction(
    rows.map((row) => {
      const data = {
        version: row.version,
        dims: row.vector.length,
        vector: encodeFeatureVector(row.vector),
        sourceHash: row.sourceHash,
        computedAt,
      };
      return db.productFeature.upsert({
        where: { productId_encoder: { productId: row.productId, encoder: row.encoder } },
        create: { productId: row.productId, encoder: row.encoder, ...data },
        update: data,
      });
    }),
  );
  return [];
}

/** The file behind a `/media/<path>` image URL, or undefined for none or a remote URL. Refuses paths leaving the folder. */
export function resolveMediaFile(mediaDir: string, imageUrl: string | null): string | undefined {
  if (!imageUrl?.startsWith("/media/")) return undefined;
  const root = path.resolve(mediaDir);
  let relative: string;
  try {
    relative = decodeURIComponent(imageUrl.slice("/media/".length));
  } catch {
    return undefined;
  }
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : undefined;
}

function sha256(data: string | Uint8Array): string {
  return crypto.createHash("sha256").update(data).digest("hex");
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
