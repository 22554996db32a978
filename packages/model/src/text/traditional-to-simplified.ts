/**
 * Traditional → simplified for the characters that show up in jewelry shopping text (products, metals, gems, people,
 * occasions, prices, shop chat). Not a general converter: characters missing here pass through unchanged.
 */
const PAIRS =
  "鑽钻項项鍊链鏈链錬链環环鐲镯黃黄銀银鉑铂寶宝墜坠飾饰紅红藍蓝綠绿錶表腳脚針针禮礼媽妈婦妇兒儿們们閨闺節节誕诞業业" +
  "畢毕紀纪週周華华麗丽簡简約约復复輕轻愛爱時时經经給给買买預预塊块萬万兩两內内還还個个條条對对種种這这麼么嗎吗" +
  "錢钱價价適适質质貨货發发鑲镶釘钉夾夹線线鋯锆結结訂订戀恋龍龙鳳凤壽寿與与歲岁為为點点幾几從从號号親亲師师長长學学" +
  "歡欢優优氣气貴贵純纯樣样鑄铸開开門门瑪玛貓猫鑰钥絲丝綢绸玫玫爺爷親亲奶奶婆婆岳岳闆板誼谊閃闪韓韩風风極极現现" +
  "燈灯織织雙双嬰婴滿满體体禮礼讓让應应該该熱热顏颜藝艺術术處处戶户鐘钟錯错歷历傳传統统細细縷缕顆颗粒粒圓圆滿满";

const MAP: ReadonlyMap<string, string> = buildMap(PAIRS);

function buildMap(pairs: string): Map<string, string> {
  const chars = [...pairs];
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const from = chars[i];
    const to = chars[i + 1];
    if (from !== undefined && to !== undefined && from !== to) map.set(from, to);
  }
  return map;
}

/** Replaces the known traditional characters by their simplified forms; keeps the length in code points. */
export function toSimplified(text: string): string {
  let out = "";
  for (const char of text) out += MAP.get(char) ?? char;
  return out;
}
