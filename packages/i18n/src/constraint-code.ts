/** A budget as the shopper stated it, and the same range in the catalog's currency (USD) that the guide filters by. */
export type BudgetRange = {
  min: number | null;
  max: number | null;
  currency: string;
  minCatalog: number | null;
  maxCatalog: number | null;
};

/** One constraint the guide understood, as a code with its value (describeConstraint writes its chip in a language). */
export type ConstraintCode =
  | { field: "category" | "metal" | "gem" | "recipient" | "occasion" | "style"; value: string }
  | { field: "gender"; value: "female" | "male" | "unisex" }
  | { field: "price"; value: BudgetRange }
  /** Concept ids the shopper said no to ("gem:diamond", "gender:male"). */
  | { field: "excluded"; value: string[] };
