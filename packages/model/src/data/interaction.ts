import type { EventType } from "../domain/events";
import type { Category, Gender, Metal } from "../domain/vocabulary";

/** One shopper event. `weight` overrides the event-type weight when given. `timestamp` is epoch milliseconds. */
export type Interaction = {
  userId: string;
  itemId: string;
  type: EventType;
  timestamp: number;
  weight?: number;
};

/** A catalog item in the shared vocabulary; unknown attributes are null. */
export type CatalogItem = {
  itemId: string;
  category: Category;
  metal: Metal | null;
  gem: string | null;
  color: string | null;
  gender: Gender | null;
  price: number | null;
  brand: string | null;
  /** Source-specific extras (e.g. a raw category id), kept for content features. */
  extra?: Readonly<Record<string, string | number | null>>;
};

export type AgeBand = "under-25" | "25-34" | "35-44" | "45-54" | "55-plus";

export type UserAttributes = {
  userId: string;
  gender?: Gender;
  ageBand?: AgeBand;
  city?: string;
};
