import {
  ATTRIBUTE_KINDS,
  type AttributeKind,
  PURITY_MARK_RULES,
  QUALIFIER_WORDS,
} from "@jewelguide/model/attribute-values";
import { CONCEPTS } from "@jewelguide/model/lexicon";

const HEADINGS: Record<AttributeKind, string> = {
  category: "`category`",
  metal: "`metal`",
  gem: "`gem`",
  color: "`color`",
  gender: "`gender`",
};

/**
 * The vocabulary the catalog importer reads, written from the lexicon itself: per column, each stored value with its
 * names and every spelling the lexicon knows for it; then the purity marks and the qualifier words.
 */
export function renderAttributeVocabulary(): string {
  const sections = ATTRIBUTE_KINDS.map((kind) => {
    const rows = CONCEPTS.filter((concept) => concept.kind === kind).map(
      (concept) =>
        `| \`${concept.value}\` | ${concept.en} | ${concept.zh} | ${concept.terms.map((term) => `\`${term}\``).join(" ")} |`,
    );
    return [
      `#### ${HEADINGS[kind]}`,
      "",
      "| stored | English | 中文 | spellings read |",
      "|---|---|---|---|",
      ...rows,
    ].join("\n");
  });
  const marks = PURITY_MARK_RULES.map(
    (rule) => `| ${rule.rule} | \`${rule.metal}\` | ${rule.examples.map((example) => `\`${example}\``).join(" ")} |`,
  );
  return [
    ...sections,
    "#### Purity marks",
    "",
    "| mark | metal when the value names none | examples |",
    "|---|---|---|",
    ...marks,
    "",
    "#### Qualifier words (read, stored nowhere)",
    "",
    QUALIFIER_WORDS.map((word) => `\`${word}\``).join(" "),
  ].join("\n\n");
}

const SECTION = /(<!-- vocabulary: attribute-values[^>]*-->\n)[\s\S]*?(\n<!-- \/vocabulary -->)/g;

/** `markdown` with its `<!-- vocabulary: attribute-values … -->` section holding the current vocabulary. */
export function updateAttributeVocabulary(markdown: string): string {
  return markdown.replace(
    SECTION,
    (_section, open: string, close: string) => `${open}${renderAttributeVocabulary()}${close}`,
  );
}
