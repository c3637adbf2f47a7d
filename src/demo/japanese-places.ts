/**
 * A municipality: prefecture, city or ward, some town names, the first three digits of its 〒
 * postal codes and its landline area code with the digits a subscriber number has after it.
 */
export interface Place {
  readonly prefecture: string;
  readonly municipality: string;
  readonly towns: readonly string[];
  readonly postalPrefix: string;
  readonly areaCode: string;
  readonly localDigits: 4 | 3 | 2;
}

/** Municipalities across Japan, from Hokkaido to Okinawa. */
export const PLACES: readonly Place[] = [
  {
    prefecture: '東京都',
    municipality: '千代田区',
    towns: ['丸の内', '大手町', '神田錦町', '麹町'],
    postalPrefix: '100',
    areaCode: '03',
    localDigits: 4,
  },
  {
    prefecture: '東京都',
    municipality: '新宿区',
    towns: ['西新宿', '高田馬場', '神楽坂', '四谷'],
    postalPrefix: '160',
    areaCode: '03',
    localDigits: 4,
  },
  {
    prefecture: '東京都',
    municipality: '世田谷区',
    towns: ['三軒茶屋', '成城', '用賀', '下北沢'],
    postalPrefix: '154',
    areaCode: '03',
    localDigits: 4,
  },
  {
    prefecture: '東京都',
    municipality: '八王子市',
    towns: ['旭町', '元本郷町', '南大沢'],
    postalPrefix: '192',
    areaCode: '042',
    localDigits: 3,
  },
  {
    prefecture: '神奈川県',
    municipality: '横浜市中区',
    towns: ['山下町', '本町', '元町'],
    postalPrefix: '231',
    areaCode: '045',
    localDigits: 3,
  },
  {
    prefecture: '神奈川県',
    municipality: '川崎市幸区',
    towns: ['大宮町', '堀川町', '鹿島田'],
    postalPrefix: '212',
    areaCode: '044',
    localDigits: 3,
  },
  {
    prefecture: '埼玉県',
    municipality: 'さいたま市大宮区',
    towns: ['桜木町', '大門町', '宮町'],
    postalPrefix: '330',
    areaCode: '048',
    localDigits: 3,
  },
  {
    prefecture: '千葉県',
    municipality: '千葉市中央区',
    towns: ['富士見', '中央', '新町'],
    postalPrefix: '260',
    areaCode: '043',
    localDigits: 3,
  },
  {
    prefecture: '大阪府',
    municipality: '大阪市北区',
    towns: ['梅田', '中之島', '天満'],
    postalPrefix: '530',
    areaCode: '06',
    localDigits: 4,
  },
  {
    prefecture: '大阪府',
    municipality: '堺市堺区',
    towns: ['南瓦町', '北瓦町', '熊野町'],
    postalPrefix: '590',
    areaCode: '072',
    localDigits: 3,
  },
  {
    prefecture: '京都府',
    municipality: '京都市中京区',
    towns: ['烏丸通', '河原町', '寺町'],
    postalPrefix: '604',
    areaCode: '075',
    localDigits: 3,
  },
  {
    prefecture: '兵庫県',
    municipality: '神戸市中央区',
    towns: ['三宮町', '元町通', '北野町'],
    postalPrefix: '650',
    areaCode: '078',
    localDigits: 3,
  },
  {
    prefecture: '愛知県',
    municipality: '名古屋市中区',
    towns: ['栄', '丸の内', '大須'],
    postalPrefix: '460',
    areaCode: '052',
    localDigits: 3,
  },
  {
    prefecture: '静岡県',
    municipality: '静岡市葵区',
    towns: ['紺屋町', '呉服町', '鷹匠'],
    postalPrefix: '420',
    areaCode: '054',
    localDigits: 3,
  },
  {
    prefecture: '北海道',
    municipality: '札幌市中央区',
    towns: ['北一条西', '大通西', '南三条西'],
    postalPrefix: '060',
    areaCode: '011',
    localDigits: 3,
  },
  {
    prefecture: '宮城県',
    municipality: '仙台市青葉区',
    towns: ['一番町', '国分町', '中央'],
    postalPrefix: '980',
    areaCode: '022',
    localDigits: 3,
  },
  {
    prefecture: '広島県',
    municipality: '広島市中区',
    towns: ['紙屋町', '八丁堀', '本通'],
    postalPrefix: '730',
    areaCode: '082',
    localDigits: 3,
  },
  {
    prefecture: '福岡県',
    municipality: '福岡市博多区',
    towns: ['博多駅前', '中洲', '祇園町'],
    postalPrefix: '812',
    areaCode: '092',
    localDigits: 3,
  },
  {
    prefecture: '新潟県',
    municipality: '新潟市中央区',
    towns: ['古町通', '万代', '東大通'],
    postalPrefix: '951',
    areaCode: '025',
    localDigits: 3,
  },
  {
    prefecture: '沖縄県',
    municipality: '那覇市',
    towns: ['久茂地', '松山', '牧志'],
    postalPrefix: '900',
    areaCode: '098',
    localDigits: 3,
  },
];
