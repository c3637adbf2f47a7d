import { addressZip } from './address-zip.ts';

// The 47 prefectures, as an address writes them first.
const PREFECTURES = new Set(
  (
    '北海道 青森県 岩手県 宮城県 秋田県 山形県 福島県 茨城県 栃木県 群馬県 埼玉県 千葉県 東京都 ' +
    '神奈川県 新潟県 富山県 石川県 福井県 山梨県 長野県 岐阜県 静岡県 愛知県 三重県 滋賀県 京都府 ' +
    '大阪府 兵庫県 奈良県 和歌山県 鳥取県 島根県 岡山県 広島県 山口県 徳島県 香川県 愛媛県 高知県 ' +
    '福岡県 佐賀県 長崎県 熊本県 大分県 宮崎県 鹿児島県 沖縄県'
  ).split(' '),
);

const LEADING_POSTAL_CODE = /^\s*(?:〒\s*)?\d{3}-?\d{4}\s*/u;
const MUNICIPALITY_END = /[市区町村郡]/u;

/** A registered address as the platforms' location fields: zip, country, prefecture, city. */
export interface AddressPlace {
  readonly zip: string;
  readonly country: 'JP';
  /** The prefecture ('東京都'), when the address names one of the 47 right after the postal code. */
  readonly prefecture?: string;
  /** The municipality ('千代田区', '横浜市'; a county's town without the county), when it reads plainly. */
  readonly municipality?: string;
}

/**
 * The location fields of a Japanese address written as the post writes it (〒100-0001
 * 東京都千代田区…): undefined without a leading postal code; the prefecture only when it is one
 * of the 47; the municipality only where the address reads one way — the first 市, 区, 町 or 村
 * after the prefecture (a 町/村 or 市 followed by 市 belongs to the city's name, as in 十日町市
 * or 四日市市; a county's 郡 is skipped to its town or village). Nothing is guessed beyond that.
 */
export function addressPlace(address: string): AddressPlace | undefined {
  const zip = addressZip(address);
  if (zip === undefined) return undefined;
  const rest = address.replace(LEADING_POSTAL_CODE, '').trim();
  const prefecture = [3, 4].map((n) => rest.slice(0, n)).find((p) => PREFECTURES.has(p));
  if (prefecture === undefined) return zip;
  const municipality = municipalityOf(rest.slice(prefecture.length));
  return municipality === undefined
    ? { zip: zip.zip, country: zip.country, prefecture }
    : { zip: zip.zip, country: zip.country, prefecture, municipality };
}

function municipalityOf(text: string): string | undefined {
  const end = firstEnd(text, 1);
  if (end < 0) return undefined;
  if (text[end] === '郡') {
    // A county holds towns and villages; a city whose name has 郡 in it (大和郡山市) ends in 市.
    const next = firstEnd(text, end + 2);
    if (next < 0) return undefined;
    if (text[next] === '市') return text.slice(0, extend(text, next) + 1);
    return text.slice(end + 1, extend(text, next) + 1);
  }
  return text.slice(0, extend(text, end) + 1);
}

/** The index of the first municipality ending at or after `from`, or -1. */
function firstEnd(text: string, from: number): number {
  const m = MUNICIPALITY_END.exec(text.slice(from));
  return m === null ? -1 : from + m.index;
}

/**
 * 四日市市, 十日町市, 大町市: a 市, 町 or 村 followed by 市 is part of the city's name; a ward
 * (区) is not, the 市 after it starting the town (新宿区市谷).
 */
function extend(text: string, end: number): number {
  return text[end] !== '区' && text[end + 1] === '市' ? end + 1 : end;
}
