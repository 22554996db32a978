/**
 * The words that make a guide turn an edit rather than a request: price moves, "any price", "any metal", starting
 * over, negation, "instead". They are about the conversation, not about jewelry — every jewelry word still comes from
 * the one lexicon through parseRequest. All patterns run on normalizeText output (lower case, simplified Chinese).
 */

/** "too cheap" / "太便宜" ask for pricier pieces even though they contain "cheap"; tested before CHEAPER. */
const PRICIER_FIRST = /太便宜|too cheap|not expensive enough/;
const CHEAPER =
  /便宜|实惠|划算|省钱|太贵|贵了|价格低|价位低|低一点的价|预算少|cheaper|less expensive|lower price|more affordable|affordable|budget friendly|too expensive|too pricey|lower budget|spend less|costs? less/;
const PRICIER =
  /贵一点|贵一些|贵点|贵些|更贵|高档|高端|上档次|好一点的|预算多|pricier|more expensive|higher end|high end|fancier|more premium|upscale|spend more|costs? more|luxur/;

/** Which way the shopper wants the prices to move, if they said so. */
export function readPriceDirection(text: string): "down" | "up" | null {
  if (PRICIER_FIRST.test(text)) return "up";
  if (CHEAPER.test(text)) return "down";
  if (PRICIER.test(text)) return "up";
  return null;
}

const CLEAR_VERB_ZH = "(?:去掉|去除|取消|删掉|删除|不限|不限制|不管|不在乎|不考虑|不设|不用管|别管|没有)";
const FIELD_WORDS = {
  price: { zh: "预算|价格|价钱|价位", en: "price|budget|price limit|price range|cost" },
  metal: { zh: "材质|金属|材料", en: "metal|material" },
  category: { zh: "品类|类别|种类|类型", en: "category|type|kind of jewelry|type of jewelry|piece" },
  gem: { zh: "宝石|石头|镶嵌", en: "gem|gemstone|stone" },
  gender: { zh: "性别|男女|男款女款", en: "gender" },
  recipient: { zh: "送谁|对象|收礼人", en: "recipient" },
  occasion: { zh: "场合|节日", en: "occasion" },
  style: { zh: "风格", en: "style" },
} as const;
export type ClearableField = keyof typeof FIELD_WORDS;

const CLEAR_PATTERNS = Object.entries(FIELD_WORDS).map(([field, words]) => ({
  field: field as ClearableField,
  pattern: new RegExp(
    `${CLEAR_VERB_ZH}(?:${words.zh})|(?:${words.zh})(?:不限|无所谓|随意|随便|都行|都可以|没关系|不重要)|` +
      String.raw`\b(?:any|whatever|remove the|drop the|forget the|no|ignore the|without a|either)\s(?:${words.en})s?\b|` +
      String.raw`\b(?:${words.en})s? (?:doesn't|does not|don't|do not) matter\b|\b(?:${words.en})s? is fine\b`,
  ),
}));
const CLEAR_PRICE_EXTRA = /money is no object|no (?:price )?limit|不差钱|钱不是问题|多少钱都行/;

/** The fields the shopper lifted ("去掉预算", "any metal", "风格无所谓"). */
export function readClearedFields(text: string): ClearableField[] {
  const fields = CLEAR_PATTERNS.filter(({ pattern }) => pattern.test(text)).map(({ field }) => field);
  if (CLEAR_PRICE_EXTRA.test(text) && !fields.includes("price")) fields.push("price");
  return fields;
}

const START_OVER =
  /重新(?:开始|找|选|来|搜)|从头(?:开始|来)|换个(?:问题|需求)|另外(?:想|要)(?:找|买)|\bstart over\b|\bstart again\b|\bnew search\b|\bsomething (?:completely )?different\b|\bforget (?:all )?(?:that|this|it|everything)\b|\bnever mind\b/;

/** An explicit "start over" ("重新开始", "new search", "forget that"). */
export function isStartOver(text: string): boolean {
  return START_OVER.test(text);
}

const EDIT_MARKERS =
  /换成|换个|改成|改为|换|改|还是|也|再|那就|那|要不|instead|rather|change|switch|swap|make it|same|also|too\b|but\b|then\b|only\b|just\b/;

/** Words that say the turn refines the last one ("换成", "instead", "also"): such a turn never starts over. */
export function hasEditMarker(text: string): boolean {
  return EDIT_MARKERS.test(text);
}

const NEGATION_BEFORE_ZH =
  /(?:不要|不想要|不需要|不喜欢|别要|别给我|别|不是|不用|除了|非|(?<!有)没有|无|去掉|去除|排除|不带|不含|不能是|不能有)(?:是|要|给|买|选|那种|那些|这种|带|镶|有|用|的)?\s?$/;
const NEGATION_BEFORE_EN =
  /(?:^|\s)(?:no|not|without|except|excluding|exclude|avoid|never|minus|nothing|none|don't want|do not want|don't show me|do not show me|skip|hate|dislike|isn't|not a fan of)(?:\s(?:a|an|the|any|for|in|with|made of|of|more|from|my))*\s$/;
const NEGATION_AFTER_ZH = /^\s?(?:的)?\s?(?:就)?(?:不要|不用|免了|不行|算了|不考虑|不喜欢|排除|除外|就算了)/;
const NEGATION_AFTER_EN = /^\s(?:is|are)? ?(?:out|excluded|not wanted|please no)\b/;

/** Whether the words right before or after a recognised span negate it ("不要钻石", "not for men", "钻石的不要"). */
export function isNegatedSpan(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  const after = text.slice(end, end + 12);
  return (
    NEGATION_BEFORE_ZH.test(before) ||
    NEGATION_BEFORE_EN.test(before.length === start ? ` ${before}` : before) ||
    NEGATION_AFTER_ZH.test(after) ||
    NEGATION_AFTER_EN.test(after)
  );
}

const ALLOW_AFTER_ZH = /^\s?(?:的)?\s?(?:也可以|也行|也可|也没关系)/;
const ALLOW_AFTER_EN = /^\s(?:is|are) (?:fine|ok|okay|allowed) too\b|^\s(?:is|are) allowed\b/;

/** "钻石也可以", "diamonds are fine too": the concept is allowed again (no longer excluded), not asked for. */
export function isAllowedSpan(text: string, end: number): boolean {
  const after = text.slice(end, end + 20);
  return ALLOW_AFTER_ZH.test(after) || ALLOW_AFTER_EN.test(after);
}

const SET_MAX_BEFORE =
  /(?:提高到|提到|提升到|加到|涨到|升到|放宽到|增加到|调到|调整到|改到|改成|降到|降低到|减到|减少到|压到|压缩到|缩到|(?:raise|increase|bump|lower|drop|reduce|cut|move|change|set|push|take|up|down)(?:\s(?:it|the budget|my budget|budget))?\sto)\s?$/;

/** "预算提高到5000", "raise the budget to 800": a bare amount after such words is the new ceiling, not "about". */
export function isSetMaximumBefore(text: string, start: number): boolean {
  return SET_MAX_BEFORE.test(text.slice(Math.max(0, start - 20), start));
}
