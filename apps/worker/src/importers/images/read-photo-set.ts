import fs from "node:fs";
import path from "node:path";
import type { Category } from "@jewelguide/model";
import type { ImportContext } from "../../import/import-context";
import { RowReader } from "../../import/row-reader";
import { openInput } from "../../io/open-input";
import { readTable } from "../../io/read-table";

export const PHOTO_SET_NAME = "jewellery-images-5class";

const CATEGORY_BY_LABEL: Record<string, Category> = {
  earrings: "earring",
  rings: "ring",
  necklace: "necklace",
  bracelet: "bracelet",
  wristwatch: "watch",
};
const LABELS = Object.keys(CATEGORY_BY_LABEL);

/** One photo of the set, with the attributes attributes.csv gives for 399 of them. */
export type Photo = {
  /** Path inside the set folder, e.g. images/rings_0001.jpg. */
  file: string;
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

/** Reads labels.csv and attributes.csv of the photo set, validating each row (bad rows go to the problem log). */
export async function readPhotoSet(context: ImportContext, dir: string): Promise<Photo[]> {
  const labels = openInput(path.join(dir, "labels.csv"));
  const attributesInput = openInput(path.join(dir, "attributes.csv"));
  const extra = new Map<string, Record<string, unknown>>();
  for await (const record of readTable(attributesInput, {
    required: ["file", "label", "description", "materials", "gemstones", "gender"],
    optional: [],
    allowUnknown: true,
  })) {
    if (record.problems.length > 0) context.problems.reject(record.problems, record.raw);
    else extra.set(String(record.values.file), record.values);
  }
  const photos: Photo[] = [];
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
    const file = r.string("file", { required: true });
    const label = r.oneOf("label", LABELS, { required: true });
    if (file && !fs.existsSync(path.join(dir, file))) r.report("file", `photo not found: ${path.join(dir, file)}`);
    if (r.problems.length > 0 || label === undefined) {
      context.problems.reject(r.problems, record.raw);
      continue;
    }
    photos.push(toPhoto(file, label, record.values, extra.get(file)));
  }
  context.stats.fileHash = labels.fileHash();
  return photos;
}

function toPhoto(file: string, label: string, values: Record<string, unknown>, extra?: Record<string, unknown>): Photo {
  const name = path.basename(file);
  const materials = splitList(extra?.materials);
  const gemstones = splitList(extra?.gemstones);
  const gender = String(extra?.gender ?? "").toLowerCase();
  const metal = pickMetal(materials);
  const gemSource = gemstones.length > 0 ? gemstones : materials.filter((m) => metalOf(m) === undefined);
  const photo: Photo = {
    file,
    name,
    stem: name.replace(/\.[^.]+$/, ""),
    label,
    category: CATEGORY_BY_LABEL[label] ?? "other",
    materials,
    gemstones,
    metal,
    gem: gemSource[0]?.toLowerCase().replace(/\s+/g, "-") ?? null,
    originalPath: String(values.original_path ?? ""),
  };
  const description = String(extra?.description ?? "").trim();
  if (description) photo.description = description;
  if (gender === "men") photo.gender = "male";
  if (gender === "women") photo.gender = "female";
  return photo;
}

function splitList(value: unknown): string[] {
  return String(value ?? "")
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
