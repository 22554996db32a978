import path from "node:path";
import type { Category } from "@jewelguide/model";
import { z } from "zod";
import type { ImportContext } from "../../import-context";
import type { Problem } from "../../problem";
import { quoteValue } from "../../quote-value";
import { openInput } from "../../read/open-input";
import { readTable, type TableRecord } from "../../read/read-table";
import { readRow } from "../../read-row";
import { oneOf, text } from "../../row-columns";
import { tooLongMessage } from "../../text-limits";
import { readImageFile } from "../media/read-image-file";

export const PHOTO_SET_NAME = "jewellery-images-5class";

const CATEGORY_BY_LABEL: Record<string, Category> = {
  earrings: "earring",
  rings: "ring",
  necklace: "necklace",
  bracelet: "bracelet",
  wristwatch: "watch",
};
const LABELS = Object.keys(CATEGORY_BY_LABEL);

/** The most characters each stored column may hold (docs/data-formats.md, "Length limits"). */
export const PHOTO_SET_TEXT_LIMITS = {
  file: 500,
  original_path: 1_000,
  description: 2_000,
  materials: 1_000,
  gemstones: 1_000,
  /** One entry of the comma-separated materials / gemstones (the first gem becomes the product's gem). */
  listEntry: 100,
  gender: 100,
} as const;
const MAX = PHOTO_SET_TEXT_LIMITS;

/** An entry of a comma-separated list longer than MAX.listEntry, as a message. */
function checkListEntries(list: string): string | undefined {
  const long = splitList(list).find((entry) => entry.length > MAX.listEntry);
  return long === undefined ? undefined : `an entry ${tooLongMessage(long.length, MAX.listEntry)}`;
}

/** A row of labels.csv. */
const PhotoLabelRowSchema = z.object({
  file: text({ required: true, max: MAX.file }).describe("the photo, relative to the set's folder"),
  label: oneOf(LABELS, { required: true }).describe("gives the category"),
  original_path: text({ max: MAX.original_path }).describe("where the photo came from"),
});

/** A row of attributes.csv (its header must still carry every column: ATTRIBUTES_HEADER). */
const PhotoAttributesRowSchema = z.object({
  file: text({ required: true, max: MAX.file }).describe("the photo, as in labels.csv"),
  description: text({ max: MAX.description }).describe("the product's description"),
  materials: text({ max: MAX.materials, check: checkListEntries }).describe("comma-separated; the first metal"),
  gemstones: text({ max: MAX.gemstones, check: checkListEntries }).describe("comma-separated; the first is the gem"),
  gender: text({ max: MAX.gender }).describe("`Men` or `Women`"),
});

const ATTRIBUTES_HEADER = {
  required: ["file", "label", "description", "materials", "gemstones", "gender"],
  optional: [],
  allowUnknown: true,
};

/** A photo's file name becomes part of its /media URL: plain characters only, no leading dot. */
const SAFE_NAME = /^[A-Za-z0-9_-][\w.-]{0,199}$/;

/** One photo of the set, with the attributes attributes.csv gives for 399 of them. */
export type Photo = {
  /** Path inside the set folder, e.g. images/rings_0001.jpg. */
  file: string;
  /** Where the photo really is (symlinks resolved): inside the set folder, checked to be a JPEG, PNG or WebP. */
  realPath: string;
  name: string;
  stem: string;
  label: string;
  category: Category;
  description?: string;
  materials: string[];
  gemstones: string[];
  gender?: "female" | "male";
  metal: string | null;
  gem: string | null;
  originalPath: string;
};

/**
 * Reads labels.csv and attributes.csv of the photo set, validating each row (bad rows go to the problem log). A
 * photo must lie inside the set folder (symlinks resolved), be a JPEG, PNG or WebP by its bytes of at most 10 MB, and
 * have a plain file name that no other photo of the set has.
 */
export async function readPhotoSet(context: ImportContext, dir: string): Promise<Photo[]> {
  const labels = openInput(path.join(dir, "labels.csv"));
  const attributesInput = openInput(path.join(dir, "attributes.csv"));
  const extra = new Map<string, PhotoAttributes>();
  for await (const record of readTable(attributesInput, ATTRIBUTES_HEADER)) {
    const parsed =
      record.problems.length > 0 ? { problems: record.problems } : parseAttributes(record, attributesInput.name);
    if ("problems" in parsed) context.problems.reject(parsed.problems, record.raw);
    else extra.set(parsed.file, parsed);
  }
  const photos: Photo[] = [];
  const lineByName = new Map<string, number>();
  for await (const record of readTable(labels, {
    required: ["file", "label"],
    optional: [],
    allowUnknown: true,
  })) {
    context.stats.rowsRead += 1;
    if (record.problems.length > 0) {
      context.problems.reject(record.problems, record.raw);
      continue;
    }
    const parsed = readRow(PhotoLabelRowSchema, record, labels.name);
    if (!parsed.ok) {
      context.problems.reject(parsed.problems, record.raw);
      continue;
    }
    const { file, label, original_path: originalPath = "" } = parsed.value;
    const problems: Problem[] = [];
    const report = (message: string) =>
      problems.push({ file: labels.name, line: record.line, column: "file", message });
    const name = path.basename(file);
    const image = readImageFile(file, dir);
    if (!image.ok) report(image.message);
    if (!SAFE_NAME.test(name))
      report(`${quoteValue(name)}: a photo's name may hold only letters, digits, "_", "-" and "."`);
    const first = lineByName.get(name);
    if (first !== undefined) report(`${quoteValue(name)}: line ${first} already has a photo of that name`);
    if (problems.length > 0) {
      context.problems.reject(problems, record.raw);
      continue;
    }
    const realPath = image.ok ? image.realPath : "";
    lineByName.set(path.basename(file), record.line);
    photos.push(toPhoto(file, realPath, label, originalPath, extra.get(file)));
  }
  context.stats.fileHash = labels.fileHash();
  return photos;
}

type PhotoAttributes = { file: string; description: string; materials: string; gemstones: string; gender: string };

function parseAttributes(record: TableRecord, file: string): PhotoAttributes | { problems: Problem[] } {
  const parsed = readRow(PhotoAttributesRowSchema, record, file);
  if (!parsed.ok) return { problems: parsed.problems };
  const row = parsed.value;
  return {
    file: row.file,
    description: row.description ?? "",
    materials: row.materials ?? "",
    gemstones: row.gemstones ?? "",
    gender: row.gender ?? "",
  };
}

function toPhoto(file: string, realPath: string, label: string, originalPath: string, extra?: PhotoAttributes): Photo {
  const name = path.basename(file);
  const materials = splitList(extra?.materials);
  const gemstones = splitList(extra?.gemstones);
  const gender = (extra?.gender ?? "").toLowerCase();
  const metal = pickMetal(materials);
  const gemSource = gemstones.length > 0 ? gemstones : materials.filter((m) => metalOf(m) === undefined);
  const photo: Photo = {
    file,
    realPath,
    name,
    stem: name.replace(/\.[^.]+$/, ""),
    label,
    category: CATEGORY_BY_LABEL[label] ?? "other",
    materials,
    gemstones,
    metal,
    gem: gemSource[0]?.toLowerCase().replace(/\s+/g, "-") ?? null,
    originalPath,
  };
  const description = (extra?.description ?? "").trim();
  if (description) photo.description = description;
  if (gender === "men") photo.gender = "male";
  if (gender === "women") photo.gender = "female";
  return photo;
}

function splitList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

function metalOf(material: string): string | undefined {
  const key = material.toLowerCase();
  return {
    gold: "gold",
    "yellow gold": "gold",
    "white gold": "white-gold",
    "rose gold": "rose-gold",
    silver: "silver",
    platinum: "platinum",
  }[key];
}

/** The first metal listed ("Gold,White Gold,Diamond" → gold); null when no metal is listed. */
function pickMetal(materials: string[]): string | null {
  for (const material of materials) {
    const metal = metalOf(material);
    if (metal) return metal;
  }
  return null;
}
