import type { ConstraintCode } from "@jewelguide/i18n";
import type { ConstraintField, GuideConstraints } from "./guide-constraints";

/** One set constraint as a chip's code (describeConstraint writes it in a language); null when the field is not set. */
export function constraintCode(constraints: GuideConstraints, field: ConstraintField): ConstraintCode | null {
  if (field === "price") return constraints.price && { field, value: constraints.price };
  if (field === "gender") return constraints.gender && { field, value: constraints.gender };
  if (field === "excluded") return constraints.excluded.length > 0 ? { field, value: [...constraints.excluded] } : null;
  const value = constraints[field];
  return value === null ? null : { field, value };
}
