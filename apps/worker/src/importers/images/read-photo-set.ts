import path from "node:path";
import type { Category } from "@jewelguide/model";
import type { ImportContext } from "../../import/import-context";
import type { Problem } from "../../import/problem";
import { quoteValue } from "../../import/quote-value";
import { RowReader } from "../../import/row-reader";
import { tooLongMessage } from "../../import/text-limits";
import { openInput } from "../../io/open-input";
import { readTable, type TableRecord } from "../../io/read-table";
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
  for await (const record of readTable(attributesInput, {
    required: ["file", "label", "description", "materials", "gemstones", "gender"],
    optional: [],
    allowUnknown: true,
  })) {
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
    const r = new RowReader(labels.name, record.line, record.values);
    const file = r.string("file", { required: true, max: MAX.file });
    const label = r.oneOf("label", LABELS, { required: true });
    const originalPath = r.string("original_path", { max: MAX.original_path }) ?? "";
    let realPath = "";
    if (file && r.problems.length === 0) {
      const name = path.basename(file);
      const image = readImageFile(file, dir);
      if (!image.ok) r.report("file", image.message);
      else realPath = image.realPath;
      if (!SAFE_NAME.test(name)) {
        r.report("file", `${quoteValue(name)}: a photo's name may hold only letters, digits, "_", "-" and "."`);
      }
      const first = lineByName.get(name);
      if (first !== undefined) r.report("file", `${quoteValue(name)}: line ${first} already has a photo of that name`);
    }
    if (r.problems.length > 0 || label === undefined) {
      context.problems.reject(r.problems, record.raw);
      continue;
    }
    lineByName.set(path.basename(file), record.line);
    photos.push(toPhoto(file, realPath, label, originalPath, extra.get(file)));
  }
  context.stats.fileHash = labels.fileHash();
  return photos;
}

type PhotoAttributes = { file: string; description: string; materials: string; gemstones: string; gender: string };

function parseAttributes(record: TableRecord, file: string): PhotoAttributes | { problems: Problem[] } {
  const r = new RowReader(file, record.line, record.values);
  const attributes: PhotoAttributes = {
    file: r.string("file", { required: true, max: MAX.file }),
    description: r.string("description", { max: MAX.description }) ?? "",
    materials: r.string("materials", { max: MAX.materials }) ?? "",
    gemstones: r.string("gemstones", { max: MAX.gemstones }) ?? "",
    gender: r.string("gender", { max: MAX.gender }) ?? "",
  };
  for (const column of ["materials", "gemstones"] as const) {
    const long = splitList(attributes[column]).find((entry) => entry.length > MAX.listEntry);
    if (long !== undefined) r.report(column, `an entry ${tooLongMessage(long.length, MAX.listEntry)}`);
  }
  return r.problems.length > 0 ? { problems: r.problems } : attributes;
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
