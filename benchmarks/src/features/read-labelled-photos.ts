import path from "node:path";
import { openInput, readTable } from "@jewelguide/worker/ingest";

/** A photo of the 5-class set with its class and, for the 399 described ones, probe labels for metal and gem. */
export type LabelledPhoto = { file: string; label: string; metal?: ProbeMetal; gem?: ProbeGem };
export type ProbeMetal = "gold" | "white" | "rose";
export type ProbeGem = "none" | "diamond" | "pearl" | "coloured";

/** Reads labels.csv and attributes.csv of the photo set (folder layout of jewellery-images-5class). */
export async function readLabelledPhotos(dir: string): Promise<LabelledPhoto[]> {
  const attributes = new Map<string, { materials: string; gemstones: string }>();
  for await (const record of readTable(openInput(path.join(dir, "attributes.csv")), {
    required: ["file", "materials", "gemstones"],
    optional: [],
    allowUnknown: true,
  })) {
    if (record.problems.length > 0) continue;
    attributes.set(String(record.values.file), {
      materials: String(record.values.materials ?? ""),
      gemstones: String(record.values.gemstones ?? ""),
    });
  }
  const photos: LabelledPhoto[] = [];
  for await (const record of readTable(openInput(path.join(dir, "labels.csv")), {
    required: ["file", "label"],
    optional: [],
    allowUnknown: true,
  })) {
    if (record.problems.length > 0) continue;
    const file = String(record.values.file);
    const photo: LabelledPhoto = { file, label: String(record.values.label) };
    const described = attributes.get(file);
    if (described) {
      const metal = probeMetalOf(described.materials);
      if (metal) photo.metal = metal;
      photo.gem = probeGemOf(`${described.materials},${described.gemstones}`);
    }
    photos.push(photo);
  }
  return photos;
}

/** Rose gold, else white metal (white gold, silver, platinum), else yellow gold; undefined when no metal is named. */
export function probeMetalOf(materials: string): ProbeMetal | undefined {
  const text = materials.toLowerCase();
  if (text.includes("rose gold")) return "rose";
  if (/white gold|silver|platinum/.test(text)) return "white";
  if (text.includes("gold")) return "gold";
  return undefined;
}

/** Diamond, else pearl, else any coloured gem, else none. */
export function probeGemOf(list: string): ProbeGem {
  const text = list.toLowerCase();
  if (text.includes("diamond")) return "diamond";
  if (text.includes("pearl")) return "pearl";
  if (/ruby|emerald|sapphire|topaz|amethyst|garnet|opal|jade|turquoise/.test(text)) return "coloured";
  return "none";
}
