import type { Category } from "@jewelguide/model";

/** Newchic's French subcategories → our categories. Anything not listed (hair accessories, DIY, boxes…) is other. */
const CATEGORY_BY_SUBCATEGORY: Record<string, Category> = {
  "Boucles d'oreilles": "earring",
  "Boucles d'oreilles pour homme": "earring",
  Colliers: "necklace",
  "Colliers pour homme": "necklace",
  "Colliers de couple": "necklace",
  Pendentifs: "pendant",
  Bracelets: "bracelet",
  "Bracelets pour homme": "bracelet",
  "Bracelets de couple": "bracelet",
  "Bracelets de cheville": "bracelet",
  Bagues: "ring",
  "Bagues pour homme": "ring",
  "Bagues de couple": "ring",
  "Montres pour homme": "watch",
  "Montres pour femme": "watch",
  "Montres connectées": "watch",
  "Montres de poche": "watch",
  "Montres couple": "watch",
  "Montres en bague": "watch",
  "Broches et épingles": "brooch",
};

export function mapSubcategory(subcategory: string): Category {
  return CATEGORY_BY_SUBCATEGORY[subcategory] ?? "other";
}

/** "… pour homme" → male, "… pour femme" → female, "… de couple"/"couple" → unisex, else unknown (null). */
export function genderOfSubcategory(subcategory: string): string | null {
  if (/pour homme/i.test(subcategory)) return "male";
  if (/pour femme/i.test(subcategory)) return "female";
  if (/couple/i.test(subcategory)) return "unisex";
  return null;
}

/** Metal and gem words in the French product name ("Collier en argent 925 avec perle"). */
export function readFrenchName(name: string): { metal: string | null; gem: string | null } {
  const text = name.toLowerCase();
  const metal = /or rose/.test(text)
    ? "rose-gold"
    : /\bargent\b/.test(text)
      ? "silver"
      : /\bplaqué or\b|\ben or\b/.test(text)
        ? "gold"
        : null;
  const gems: Array<[RegExp, string]> = [
    [/\bperles?\b/, "pearl"],
    [/\bdiamants?\b/, "diamond"],
    [/\bzircon/, "cubic-zirconia"],
    [/\bopale/, "opal"],
    [/\bturquoise/, "turquoise"],
    [/\bjade\b/, "jade"],
    [/\bambre\b/, "amber"],
    [/\bagate/, "agate"],
    [/\bonyx\b/, "onyx"],
  ];
  const gem = gems.find(([pattern]) => pattern.test(text))?.[1] ?? null;
  return { metal, gem };
}
