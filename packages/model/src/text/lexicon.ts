import { CATEGORY_NAMES, type Category, GEM_NAMES, type Gender, METAL_NAMES, type Metal } from "../domain/vocabulary";

/**
 * The curated bilingual jewelry lexicon: surface forms (Chinese, English, common typos and variants; traditional
 * characters are folded by normalizeText, so only simplified forms are listed) mapped to shared concepts.
 *
 * A concept id is `kind:value` (`metal:gold`, `gem:diamond`, `category:ring`, `recipient:mother`, `occasion:birthday`,
 * `style:minimalist`, `color:red`, `gender:female`). Values of metal and category are the shared vocabulary's; gem
 * values are GEM_NAMES keys (plus a few the data sets lack, such as moissanite).
 *
 * Terms are written normalised (lower case, simplified, single spaces, no possessive 's). English single words get
 * their plural automatically for categories and gems. Overlaps resolve by longest match, which is how "18k白金" (white
 * gold) beats "白金" (platinum in Chinese retail), "红宝石" (ruby) beats "红" (red) and "结婚周年" beats "结婚".
 */
export const CONCEPT_KINDS = ["category", "metal", "gem", "color", "style", "recipient", "occasion", "gender"] as const;
export type ConceptKind = (typeof CONCEPT_KINDS)[number];

export type Concept = {
  /** `kind:value`, stable: used as a token by the encoder and as a filter key. */
  id: string;
  kind: ConceptKind;
  value: string;
  en: string;
  zh: string;
  terms: readonly string[];
  /** Recipients imply a gender (mother → female). */
  gender?: Gender;
};

/** One surface form and the concepts it stands for ("钻戒" is a ring and a diamond). */
export type LexiconEntry = { term: string; conceptIds: readonly string[] };

type Spec = { value: string; en: string; zh: string; terms: string[]; gender?: Gender };

const CATEGORY_TERMS: Record<Category, string[]> = {
  ring: ["戒指", "指环", "戒子", "戒", "素圈", "尾戒", "食指戒", "ring", "band", "signet", "eternity band"],
  necklace: [
    "项链",
    "链子",
    "链",
    "锁骨链",
    "颈链",
    "项圈",
    "毛衣链",
    "necklace",
    "neckless",
    "necklase",
    "chain",
    "choker",
    "collar necklace",
  ],
  pendant: ["吊坠", "挂坠", "挂件", "坠子", "项坠", "坠", "pendant", "pendent", "locket"],
  earring: [
    "耳钉",
    "耳环",
    "耳坠",
    "耳饰",
    "耳线",
    "耳夹",
    "耳圈",
    "耳扣",
    "耳骨钉",
    "earring",
    "earings",
    "ear ring",
    "stud",
    "hoop",
    "huggie",
    "ear cuff",
    "ear climber",
  ],
  bracelet: [
    "手镯",
    "镯子",
    "镯",
    "手链",
    "手串",
    "手环",
    "手绳",
    "bracelet",
    "braclet",
    "bangle",
    "cuff",
    "wristband",
  ],
  brooch: ["胸针", "胸花", "领针", "brooch", "broach", "pin", "lapel pin"],
  watch: ["手表", "腕表", "钟表", "watch", "wristwatch", "timepiece"],
  other: [
    "脚链",
    "脚镯",
    "袖扣",
    "发夹",
    "发簪",
    "发饰",
    "头饰",
    "领带夹",
    "anklet",
    "cufflink",
    "hairpin",
    "hair clip",
    "tie clip",
    "tiara",
    "body chain",
  ],
};

const METAL_TERMS: Record<Metal, string[]> = {
  gold: [
    "黄金",
    "金",
    "足金",
    "千足金",
    "万足金",
    "纯金",
    "k金",
    "古法金",
    "硬金",
    "3d硬金",
    "5g金",
    "黄k金",
    "18k",
    "18k金",
    "14k",
    "14k金",
    "9k",
    "9k金",
    "10k",
    "22k",
    "24k",
    "24k金",
    "au750",
    "au999",
    "au9999",
    "gold",
    "golden",
    "yellow gold",
    "solid gold",
    "18k gold",
    "14k gold",
    "18ct gold",
    "9ct gold",
  ],
  "white-gold": [
    "18k白金",
    "14k白金",
    "9k白金",
    "k白金",
    "白k金",
    "白色k金",
    "18k白",
    "白18k",
    "white gold",
    "whitegold",
    "18k white gold",
    "14k white gold",
  ],
  "rose-gold": [
    "玫瑰金",
    "18k玫瑰金",
    "14k玫瑰金",
    "k红",
    "红k金",
    "玫瑰k金",
    "18k红",
    "rose gold",
    "rosegold",
    "pink gold",
    "red gold",
  ],
  silver: [
    "银",
    "纯银",
    "足银",
    "925银",
    "s925",
    "s925银",
    "925",
    "990银",
    "999银",
    "银饰",
    "silver",
    "sterling",
    "sterling silver",
    "925 silver",
  ],
  platinum: ["铂金", "白金", "铂", "pt950", "pt900", "pt999", "platinum", "platinium", "platnium"],
};

const GEM_TERMS: Record<string, string[]> = {
  diamond: ["钻石", "钻", "碎钻", "裸钻", "一克拉钻", "diamond", "diamant", "diamnod"],
  "cubic-zirconia": ["锆石", "锆", "合成锆石", "cubic zirconia", "zirconia", "cz", "zircon"],
  moissanite: ["莫桑石", "莫桑钻", "moissanite"],
  topaz: ["托帕石", "黄玉", "topaz"],
  pearl: ["珍珠", "淡水珍珠", "海水珍珠", "akoya", "pearl"],
  garnet: ["石榴石", "garnet"],
  sapphire: ["蓝宝石", "sapphire", "saphire"],
  amethyst: ["紫水晶", "amethyst"],
  emerald: ["祖母绿", "emerald"],
  ruby: ["红宝石", "ruby", "rubies"],
  quartz: ["水晶", "白水晶", "粉晶", "crystal", "quartz", "rose quartz"],
  amber: ["琥珀", "蜜蜡", "amber"],
  spinel: ["尖晶石", "spinel"],
  jade: ["翡翠", "和田玉", "玉", "玉石", "白玉", "碧玉", "jade", "jadeite", "nephrite"],
  onyx: ["缟玛瑙", "黑玛瑙", "onyx"],
  turquoise: ["绿松石", "松石", "turquoise"],
  citrine: ["黄水晶", "citrine"],
  aquamarine: ["海蓝宝", "海蓝宝石", "aquamarine"],
  opal: ["欧泊", "蛋白石", "opal"],
  agate: ["玛瑙", "南红", "agate"],
  enamel: ["珐琅", "enamel"],
  mix: [],
};

const GEM_EXTRA_NAMES: Record<string, { en: string; zh: string }> = {
  moissanite: { en: "Moissanite", zh: "莫桑石" },
};

const COLORS: Spec[] = [
  { value: "gold", en: "Gold", zh: "金色", terms: ["金色", "金黄色", "gold color", "gold tone", "gold colored"] },
  { value: "silver", en: "Silver", zh: "银色", terms: ["银色", "银白色", "silver color", "silver tone"] },
  { value: "white", en: "White", zh: "白色", terms: ["白色", "白", "white"] },
  { value: "rose", en: "Rose", zh: "玫瑰色", terms: ["玫瑰色", "rose color", "rose tone"] },
  { value: "red", en: "Red", zh: "红色", terms: ["红色", "红", "大红", "酒红", "red", "burgundy"] },
  { value: "blue", en: "Blue", zh: "蓝色", terms: ["蓝色", "蓝", "天蓝", "blue", "navy"] },
  { value: "green", en: "Green", zh: "绿色", terms: ["绿色", "绿", "green"] },
  { value: "black", en: "Black", zh: "黑色", terms: ["黑色", "黑", "black"] },
  { value: "pink", en: "Pink", zh: "粉色", terms: ["粉色", "粉红", "粉红色", "粉", "pink"] },
  { value: "purple", en: "Purple", zh: "紫色", terms: ["紫色", "紫", "purple", "violet"] },
  { value: "yellow", en: "Yellow", zh: "黄色", terms: ["黄色", "yellow"] },
];

const STYLES: Spec[] = [
  {
    value: "minimalist",
    en: "Minimalist",
    zh: "简约",
    terms: [
      "简约",
      "极简",
      "简单",
      "简洁",
      "素净",
      "ins风",
      "minimalist",
      "minimal",
      "minimalistic",
      "simple",
      "dainty",
    ],
  },
  { value: "vintage", en: "Vintage", zh: "复古", terms: ["复古", "怀旧", "vintage", "retro", "antique"] },
  {
    value: "affordable-luxury",
    en: "Affordable luxury",
    zh: "轻奢",
    terms: ["轻奢", "affordable luxury", "light luxury"],
  },
  { value: "cute", en: "Cute", zh: "可爱", terms: ["可爱", "少女心", "萌", "cute", "adorable", "kawaii"] },
  {
    value: "statement",
    en: "Statement",
    zh: "大气",
    terms: ["大气", "夸张", "霸气", "有气场", "statement", "bold"],
  },
  { value: "classic", en: "Classic", zh: "经典", terms: ["经典", "百搭", "classic", "timeless"] },
  {
    value: "fashion",
    en: "Fashion",
    zh: "时尚",
    terms: ["时尚", "潮", "潮流", "时髦", "fashion", "fashionable", "trendy"],
  },
  { value: "elegant", en: "Elegant", zh: "优雅", terms: ["优雅", "气质", "高贵", "elegant", "graceful"] },
  {
    value: "chinese-style",
    en: "Chinese style",
    zh: "国风",
    terms: ["国风", "古风", "中国风", "新中式", "chinoiserie"],
  },
];

const RECIPIENTS: Spec[] = [
  {
    value: "mother",
    en: "Mother",
    zh: "妈妈",
    gender: "female",
    terms: ["妈妈", "妈", "母亲", "老妈", "妈咪", "老母亲", "mom", "mother", "mum", "mommy", "mama", "mummy"],
  },
  {
    value: "mother-in-law",
    en: "Mother-in-law",
    zh: "婆婆",
    gender: "female",
    terms: ["婆婆", "岳母", "丈母娘", "mother in law"],
  },
  {
    value: "father",
    en: "Father",
    zh: "爸爸",
    gender: "male",
    terms: ["爸爸", "爸", "父亲", "老爸", "老爹", "dad", "father", "daddy", "papa"],
  },
  {
    value: "father-in-law",
    en: "Father-in-law",
    zh: "公公",
    gender: "male",
    terms: ["公公", "岳父", "老丈人", "father in law"],
  },
  {
    value: "girlfriend",
    en: "Girlfriend",
    zh: "女朋友",
    gender: "female",
    terms: ["女朋友", "女友", "女票", "女盆友", "girlfriend", "gf", "girl friend"],
  },
  {
    value: "boyfriend",
    en: "Boyfriend",
    zh: "男朋友",
    gender: "male",
    terms: ["男朋友", "男友", "男票", "男盆友", "boyfriend", "bf", "boy friend"],
  },
  {
    value: "wife",
    en: "Wife",
    zh: "老婆",
    gender: "female",
    terms: ["老婆", "妻子", "太太", "媳妇", "媳妇儿", "夫人", "wife", "wifey"],
  },
  {
    value: "husband",
    en: "Husband",
    zh: "老公",
    gender: "male",
    terms: ["老公", "丈夫", "husband", "hubby"],
  },
  { value: "daughter", en: "Daughter", zh: "女儿", gender: "female", terms: ["女儿", "闺女", "daughter"] },
  { value: "son", en: "Son", zh: "儿子", gender: "male", terms: ["儿子", "son"] },
  {
    value: "sister",
    en: "Sister",
    zh: "姐妹",
    gender: "female",
    terms: ["姐姐", "妹妹", "姐妹", "姐", "妹", "sister", "sis"],
  },
  { value: "niece", en: "Niece", zh: "侄女", gender: "female", terms: ["侄女", "外甥女", "niece"] },
  { value: "nephew", en: "Nephew", zh: "侄子", gender: "male", terms: ["侄子", "外甥", "nephew"] },
  {
    value: "aunt",
    en: "Aunt",
    zh: "阿姨",
    gender: "female",
    terms: ["阿姨", "姑姑", "姨妈", "舅妈", "婶婶", "aunt", "auntie"],
  },
  { value: "brother", en: "Brother", zh: "兄弟", gender: "male", terms: ["哥哥", "弟弟", "兄弟", "brother"] },
  {
    value: "grandmother",
    en: "Grandmother",
    zh: "奶奶",
    gender: "female",
    terms: ["奶奶", "外婆", "姥姥", "祖母", "grandma", "grandmother", "granny", "nana", "grandmom"],
  },
  {
    value: "grandfather",
    en: "Grandfather",
    zh: "爷爷",
    gender: "male",
    terms: ["爷爷", "外公", "姥爷", "祖父", "grandpa", "grandfather", "granddad"],
  },
  {
    value: "friend",
    en: "Friend",
    zh: "朋友",
    terms: ["朋友", "好友", "好朋友", "friend", "best friend", "bestie", "bff"],
  },
  { value: "colleague", en: "Colleague", zh: "同事", terms: ["同事", "colleague", "coworker", "co worker"] },
  { value: "boss", en: "Boss", zh: "领导", terms: ["领导", "上司", "boss"] },
  { value: "teacher", en: "Teacher", zh: "老师", terms: ["老师", "teacher"] },
  { value: "baby", en: "Baby", zh: "宝宝", terms: ["宝宝", "婴儿", "新生儿", "baby", "newborn"] },
  { value: "child", en: "Child", zh: "孩子", terms: ["孩子", "小孩", "儿童", "kid", "child", "children"] },
  { value: "partner", en: "Partner", zh: "对象", terms: ["对象", "爱人", "partner"] },
  {
    value: "self",
    en: "Myself",
    zh: "自己",
    terms: ["自己", "我自己", "自用", "自戴", "myself", "for me", "treat myself"],
  },
];

const OCCASIONS: Spec[] = [
  { value: "birthday", en: "Birthday", zh: "生日", terms: ["生日", "生辰", "birthday", "bday", "b day"] },
  {
    value: "wedding",
    en: "Wedding",
    zh: "婚礼",
    terms: ["婚礼", "结婚", "婚嫁", "出嫁", "wedding", "marriage", "bridal"],
  },
  {
    value: "engagement",
    en: "Engagement",
    zh: "订婚",
    terms: ["订婚", "求婚", "engagement", "engaged", "proposal", "propose", "proposing"],
  },
  {
    value: "anniversary",
    en: "Anniversary",
    zh: "纪念日",
    terms: [
      "周年",
      "纪念日",
      "周年纪念",
      "结婚周年",
      "结婚纪念日",
      "结婚周年纪念",
      "恋爱纪念日",
      "anniversary",
      "wedding anniversary",
    ],
  },
  {
    value: "valentine",
    en: "Valentine's Day",
    zh: "情人节",
    terms: ["情人节", "七夕", "七夕节", "520", "valentine", "valentines", "valentine day", "valentines day"],
  },
  {
    value: "mothers-day",
    en: "Mother's Day",
    zh: "母亲节",
    terms: ["母亲节", "mother day", "mothers day"],
  },
  {
    value: "fathers-day",
    en: "Father's Day",
    zh: "父亲节",
    terms: ["父亲节", "father day", "fathers day"],
  },
  {
    value: "christmas",
    en: "Christmas",
    zh: "圣诞节",
    terms: ["圣诞", "圣诞节", "christmas", "xmas", "x mas"],
  },
  {
    value: "new-year",
    en: "New Year",
    zh: "新年",
    terms: ["新年", "春节", "过年", "元旦", "new year", "chinese new year"],
  },
  {
    value: "graduation",
    en: "Graduation",
    zh: "毕业",
    terms: ["毕业", "毕业季", "graduation", "graduate", "grad"],
  },
  {
    value: "daily",
    en: "Everyday",
    zh: "日常",
    terms: ["日常", "平时", "平常", "上班", "通勤", "daily", "everyday", "every day", "office", "work"],
  },
];

const GENDERS: Spec[] = [
  {
    value: "female",
    en: "Women",
    zh: "女士",
    terms: [
      "女",
      "女士",
      "女生",
      "女款",
      "女性",
      "女式",
      "女孩",
      "女孩子",
      "女人",
      "women",
      "woman",
      "womens",
      "ladies",
      "lady",
      "female",
      "her",
      "girl",
      "girls",
    ],
  },
  {
    value: "male",
    en: "Men",
    zh: "男士",
    terms: [
      "男",
      "男士",
      "男生",
      "男款",
      "男性",
      "男式",
      "男孩",
      "男孩子",
      "男人",
      "men",
      "man",
      "mens",
      "male",
      "him",
      "guy",
      "guys",
      "gentleman",
      "gentlemen",
    ],
  },
  {
    value: "unisex",
    en: "Unisex",
    zh: "中性",
    terms: ["中性", "情侣", "情侣款", "男女同款", "unisex", "couple", "couples", "his and hers"],
  },
];

/** Surface forms that stand for more than one concept. */
const COMPOUNDS: LexiconEntry[] = [
  { term: "钻戒", conceptIds: ["category:ring", "gem:diamond"] },
  { term: "对戒", conceptIds: ["category:ring", "gender:unisex"] },
  { term: "情侣戒", conceptIds: ["category:ring", "gender:unisex"] },
  { term: "婚戒", conceptIds: ["category:ring", "occasion:wedding"] },
  { term: "结婚戒指", conceptIds: ["category:ring", "occasion:wedding"] },
  { term: "订婚戒指", conceptIds: ["category:ring", "occasion:engagement"] },
  { term: "求婚戒指", conceptIds: ["category:ring", "occasion:engagement"] },
  { term: "wedding band", conceptIds: ["category:ring", "occasion:wedding"] },
  { term: "wedding ring", conceptIds: ["category:ring", "occasion:wedding"] },
  { term: "engagement ring", conceptIds: ["category:ring", "occasion:engagement"] },
  { term: "couple ring", conceptIds: ["category:ring", "gender:unisex"] },
  { term: "promise ring", conceptIds: ["category:ring"] },
  { term: "金项链", conceptIds: ["metal:gold", "category:necklace"] },
  { term: "金链", conceptIds: ["metal:gold", "category:necklace"] },
  { term: "银链", conceptIds: ["metal:silver", "category:necklace"] },
  { term: "玉镯", conceptIds: ["gem:jade", "category:bracelet"] },
  { term: "玉镯子", conceptIds: ["gem:jade", "category:bracelet"] },
  { term: "闺蜜", conceptIds: ["recipient:friend", "gender:female"] },
  { term: "姐妹淘", conceptIds: ["recipient:friend", "gender:female"] },
  { term: "哥们", conceptIds: ["recipient:friend", "gender:male"] },
  { term: "兄弟们", conceptIds: ["recipient:friend", "gender:male"] },
  { term: "for her", conceptIds: ["gender:female"] },
  { term: "for him", conceptIds: ["gender:male"] },
  { term: "红绳", conceptIds: ["color:red", "category:bracelet"] },
  { term: "黑玛瑙", conceptIds: ["gem:onyx", "color:black"] },
  { term: "粉晶", conceptIds: ["gem:quartz", "color:pink"] },
  { term: "白珍珠", conceptIds: ["gem:pearl", "color:white"] },
  { term: "黑珍珠", conceptIds: ["gem:pearl", "color:black"] },
  { term: "black onyx", conceptIds: ["gem:onyx", "color:black"] },
  { term: "圣诞节礼物", conceptIds: ["occasion:christmas"] },
];

function toConcepts(kind: ConceptKind, specs: Spec[]): Concept[] {
  return specs.map((spec) => ({
    id: `${kind}:${spec.value}`,
    kind,
    value: spec.value,
    en: spec.en,
    zh: spec.zh,
    terms: spec.terms,
    ...(spec.gender ? { gender: spec.gender } : {}),
  }));
}

function buildConcepts(): Concept[] {
  const categories: Spec[] = Object.entries(CATEGORY_NAMES).map(([value, names]) => ({
    value,
    ...names,
    terms: CATEGORY_TERMS[value as Category],
  }));
  const metals: Spec[] = Object.entries(METAL_NAMES).map(([value, names]) => ({
    value,
    ...names,
    terms: METAL_TERMS[value as Metal],
  }));
  const gemNames = { ...GEM_NAMES, ...GEM_EXTRA_NAMES };
  const gems: Spec[] = Object.entries(gemNames).map(([value, names]) => ({
    value,
    ...names,
    terms: GEM_TERMS[value] ?? [names.en.toLowerCase(), names.zh],
  }));
  return [
    ...toConcepts("category", withPlurals(categories)),
    ...toConcepts("metal", metals),
    ...toConcepts("gem", withPlurals(gems)),
    ...toConcepts("color", COLORS),
    ...toConcepts("style", STYLES),
    ...toConcepts("recipient", withPlurals(RECIPIENTS)),
    ...toConcepts("occasion", OCCASIONS),
    ...toConcepts("gender", GENDERS),
  ];
}

/** Adds English plurals ("earrings", "diamonds", "studs", "wedding bands") next to the singular terms. */
function withPlurals(specs: Spec[]): Spec[] {
  return specs.map((spec) => ({ ...spec, terms: [...spec.terms, ...spec.terms.flatMap(pluralOf)] }));
}

function pluralOf(term: string): string[] {
  if (!/^[a-z][a-z ]*[a-z]$/.test(term) || term.length < 3) return [];
  if (/(s|x|z|ch|sh)$/.test(term)) return [`${term}es`];
  if (/[^aeiou]y$/.test(term)) return [`${term.slice(0, -1)}ies`];
  if (term === "child") return [];
  return [`${term}s`];
}

/** Every concept of the lexicon, in a stable order. */
export const CONCEPTS: readonly Concept[] = buildConcepts();

const CONCEPTS_BY_ID: ReadonlyMap<string, Concept> = new Map(CONCEPTS.map((concept) => [concept.id, concept]));

/** The concept with this id, or undefined. */
export function findConcept(id: string): Concept | undefined {
  return CONCEPTS_BY_ID.get(id);
}

/** Every surface form with its concepts; a term listed under two concepts maps to both. Sorted by term. */
export function listLexiconEntries(): LexiconEntry[] {
  const byTerm = new Map<string, string[]>();
  const add = (term: string, ids: readonly string[]) => {
    const list = byTerm.get(term) ?? [];
    for (const id of ids) if (!list.includes(id)) list.push(id);
    byTerm.set(term, list);
  };
  for (const concept of CONCEPTS) for (const term of concept.terms) add(term, [concept.id]);
  for (const entry of COMPOUNDS) for (const term of [entry.term, ...pluralOf(entry.term)]) add(term, entry.conceptIds);
  return [...byTerm.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([term, conceptIds]) => ({ term, conceptIds }));
}
