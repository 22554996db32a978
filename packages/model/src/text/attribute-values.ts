/** The `@jewelguide/model/attribute-values` subpath: catalog cells read through the guide's lexicon (pure, light). */
export { type AttributeAssignment, assignAttributeValues } from "./assign-attribute-values";
export { PURITY_MARK_RULES, type PurityMarkRule } from "./purity-marks";
export {
  ATTRIBUTE_KINDS,
  type AttributeKind,
  type AttributeReading,
  COLOR_OF_METAL,
  QUALIFIER_WORDS,
  readAttributeValue,
} from "./read-attribute-value";
