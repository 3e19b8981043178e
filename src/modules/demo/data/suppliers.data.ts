import type { Specialty } from './catalogue.data.ts';

/**
 * The demo company's factories and trading suppliers: fictional names in real manufacturing clusters
 * (Shenzhen electronics, Shantou toys, Zhongshan lighting, Jinjiang shoes, Yiwu small goods, Nantong
 * home textiles…). One is in Xinjiang so forced-labour (UFLPA) checks have something to find, and a few
 * are outside China (Vietnam, Bangladesh) for origin demos. The MID is derived from name and address by
 * CBP's rules (see `manufacturerId`).
 */
export interface SupplierSeed {
  code: string;
  name: string;
  /** Street line with a single house number (CBP takes the largest number on the street line). */
  line1: string;
  line2?: string;
  city: string;
  region: string;
  postalCode: string;
  country: 'CN' | 'VN' | 'BD';
  specialties: Specialty[];
  /** Share of its specialty's products it makes (default 1). */
  share?: number;
  /** Flags for later features (e.g. 'uflpa-region'). */
  risk?: string;
}

export const SUPPLIERS: SupplierSeed[] = [
  {
    code: 'SZ-VOLT',
    name: 'Shenzhen Voltmax Electronics Technology Co., Ltd.',
    line1: '1688 Bantian Wuhe Avenue',
    line2: 'Longgang District',
    city: 'Shenzhen',
    region: 'Guangdong',
    postalCode: '518129',
    country: 'CN',
    specialties: ['electronics'],
    share: 3,
  },
  {
    code: 'SZ-SOUND',
    name: 'Shenzhen Soundwave Acoustic Co., Ltd.',
    line1: '2203 Shahe West Road',
    line2: 'Nanshan District',
    city: 'Shenzhen',
    region: 'Guangdong',
    postalCode: '518055',
    country: 'CN',
    specialties: ['electronics'],
    share: 2,
  },
  {
    code: 'SZ-ARMOR',
    name: 'Shenzhen Armorshell Industrial Co., Ltd.',
    line1: '45 Fuyong Fenghuang Road',
    line2: "Bao'an District",
    city: 'Shenzhen',
    region: 'Guangdong',
    postalCode: '518103',
    country: 'CN',
    specialties: ['electronics'],
  },
  {
    code: 'DG-KINGRUN',
    name: 'Dongguan Kingrun Power Technology Co., Ltd.',
    line1: '318 Chang An Xiaobian Road',
    city: 'Dongguan',
    region: 'Guangdong',
    postalCode: '523850',
    country: 'CN',
    specialties: ['electronics', 'tools'],
  },
  {
    code: 'GZ-HUAMEI',
    name: 'Guangzhou Huamei Cosmetics Co., Ltd.',
    line1: '88 Huadu Xinhua Road',
    city: 'Guangzhou',
    region: 'Guangdong',
    postalCode: '510800',
    country: 'CN',
    specialties: ['beauty'],
    share: 2,
  },
  {
    code: 'GZ-BAIYUN',
    name: 'Guangzhou Baiyun Leather Goods Factory',
    line1: '1206 Shijing Avenue',
    city: 'Guangzhou',
    region: 'Guangdong',
    postalCode: '510430',
    country: 'CN',
    specialties: ['bags'],
    share: 2,
  },
  {
    code: 'ST-CHENGHAI',
    name: 'Shantou Chenghai Happykid Toys Co., Ltd.',
    line1: '26 Fengxiang Road',
    city: 'Shantou',
    region: 'Guangdong',
    postalCode: '515800',
    country: 'CN',
    specialties: ['toys'],
    share: 3,
  },
  {
    code: 'ZS-GUZHEN',
    name: 'Zhongshan Guzhen Brightlux Lighting Co., Ltd.',
    line1: '139 Donghu Road',
    city: 'Zhongshan',
    region: 'Guangdong',
    postalCode: '528421',
    country: 'CN',
    specialties: ['lighting'],
    share: 3,
  },
  {
    code: 'FS-LONGJIANG',
    name: 'Foshan Longjiang Comfort Furniture Co., Ltd.',
    line1: '2888 Longjiang Avenue',
    city: 'Foshan',
    region: 'Guangdong',
    postalCode: '528318',
    country: 'CN',
    specialties: ['furniture'],
    share: 3,
  },
  {
    code: 'YW-HONGDA',
    name: 'Yiwu Hongda Import & Export Co., Ltd.',
    line1: '1599 Chouzhou North Road',
    city: 'Yiwu',
    region: 'Zhejiang',
    postalCode: '322000',
    country: 'CN',
    specialties: ['jewellery', 'home', 'toys', 'beauty'],
    share: 2,
  },
  {
    code: 'YW-STARLIGHT',
    name: 'Yiwu Starlight Jewelry Co., Ltd.',
    line1: '566 Futian Road',
    city: 'Yiwu',
    region: 'Zhejiang',
    postalCode: '322000',
    country: 'CN',
    specialties: ['jewellery'],
    share: 2,
  },
  {
    code: 'NB-OCEANWAY',
    name: 'Ningbo Oceanway Household Products Co., Ltd.',
    line1: '777 Yinxian Avenue',
    city: 'Ningbo',
    region: 'Zhejiang',
    postalCode: '315100',
    country: 'CN',
    specialties: ['kitchen', 'home'],
    share: 2,
  },
  {
    code: 'YK-STEELCRAFT',
    name: 'Yongkang Steelcraft Vacuum Cup Co., Ltd.',
    line1: '1018 Huanggang Road',
    city: 'Yongkang',
    region: 'Zhejiang',
    postalCode: '321300',
    country: 'CN',
    specialties: ['kitchen', 'tools'],
    share: 2,
  },
  {
    code: 'WZ-LUCKSTEP',
    name: 'Wenzhou Luckstep Shoes Co., Ltd.',
    line1: '228 Shuangyu Industrial Road',
    city: 'Wenzhou',
    region: 'Zhejiang',
    postalCode: '325007',
    country: 'CN',
    specialties: ['footwear'],
  },
  {
    code: 'HZ-SILKROAD',
    name: 'Hangzhou Silkroad Garment Co., Ltd.',
    line1: '3 Linping Xinggong Road',
    city: 'Hangzhou',
    region: 'Zhejiang',
    postalCode: '311100',
    country: 'CN',
    specialties: ['apparel'],
    share: 2,
  },
  {
    code: 'SU-GRACE',
    name: 'Suzhou Grace Fashion Apparel Co., Ltd.',
    line1: '1355 Wuzhong Avenue',
    city: 'Suzhou',
    region: 'Jiangsu',
    postalCode: '215104',
    country: 'CN',
    specialties: ['apparel'],
    share: 3,
  },
  {
    code: 'NT-HOMEFAB',
    name: 'Nantong Homefab Textile Co., Ltd.',
    line1: '58 Zhihao Road',
    city: 'Nantong',
    region: 'Jiangsu',
    postalCode: '226300',
    country: 'CN',
    specialties: ['cotton', 'home'],
    share: 2,
  },
  {
    code: 'CZ-ACTIVE',
    name: 'Changzhou Activefit Sporting Goods Co., Ltd.',
    line1: '901 Huayuan Road',
    city: 'Changzhou',
    region: 'Jiangsu',
    postalCode: '213022',
    country: 'CN',
    specialties: ['sports'],
    share: 3,
  },
  {
    code: 'JJ-SWIFTRUN',
    name: 'Jinjiang Swiftrun Footwear Co., Ltd.',
    line1: '1201 Chendai Road',
    city: 'Jinjiang',
    region: 'Fujian',
    postalCode: '362211',
    country: 'CN',
    specialties: ['footwear'],
    share: 3,
  },
  {
    code: 'PT-FUXING',
    name: 'Putian Fuxing Shoes Material Co., Ltd.',
    line1: '66 Licheng Road',
    city: 'Putian',
    region: 'Fujian',
    postalCode: '351100',
    country: 'CN',
    specialties: ['footwear'],
  },
  {
    code: 'XM-BLUEBAY',
    name: 'Xiamen Bluebay Outdoor Products Co., Ltd.',
    line1: '399 Haicang Xinyang Road',
    city: 'Xiamen',
    region: 'Fujian',
    postalCode: '361026',
    country: 'CN',
    specialties: ['sports', 'bags'],
  },
  {
    code: 'QD-LASHES',
    name: 'Qingdao Lashbeauty Hair Products Co., Ltd.',
    line1: '180 Pingdu Qingdao Road',
    city: 'Qingdao',
    region: 'Shandong',
    postalCode: '266700',
    country: 'CN',
    specialties: ['beauty'],
  },
  {
    code: 'QD-HAIHUA',
    name: 'Qingdao Haihua Hardware Tools Co., Ltd.',
    line1: '2777 Huangdao Jiangshan Road',
    city: 'Qingdao',
    region: 'Shandong',
    postalCode: '266555',
    country: 'CN',
    specialties: ['tools', 'kitchen'],
    share: 2,
  },
  {
    code: 'ZB-CERAMIC',
    name: 'Zibo Huaguang Ceramics Co., Ltd.',
    line1: '5 Zhangdian Renmin Road',
    city: 'Zibo',
    region: 'Shandong',
    postalCode: '255000',
    country: 'CN',
    specialties: ['kitchen'],
  },
  {
    code: 'XJ-TIANSHAN',
    name: 'Aksu Tianshan Cotton Textile Co., Ltd.',
    line1: '16 Xinhua West Road',
    city: 'Aksu',
    region: 'Xinjiang',
    postalCode: '843000',
    country: 'CN',
    specialties: ['cotton'],
    risk: 'uflpa-region',
  },
  {
    code: 'VN-SAIGONSHOE',
    name: 'Saigon Stepwell Footwear Company Limited',
    line1: '12 Tan Dong Hiep Road',
    line2: 'Di An',
    city: 'Binh Duong',
    region: 'Binh Duong',
    postalCode: '820000',
    country: 'VN',
    specialties: ['footwear'],
  },
  {
    code: 'BD-GAZIPUR',
    name: 'Gazipur Knitwear Garments Ltd.',
    line1: '214 Dhaka-Mymensingh Highway',
    city: 'Gazipur',
    region: 'Dhaka Division',
    postalCode: '1702',
    country: 'BD',
    specialties: ['cotton', 'apparel'],
  },
];

const MID_IGNORED_WORDS = new Set(['A', 'AN', 'AND', 'OF', 'THE']);

/**
 * CBP Manufacturer Identification Code: ISO country, the first three letters of the first two words of
 * the manufacturer's name (the first six letters of a one-word name; "A", "An", "And", "Of", "The" and
 * punctuation ignored, hyphenated words read as one), up to the first four digits of the largest number
 * on the street address line, and the first three letters of the city. E.g. Shenzhen Brightway …,
 * 1234 … Road, Shenzhen → CNSHEBRI1234SHE.
 */
export function manufacturerId(input: {
  country: string;
  name: string;
  line1: string;
  city: string;
}): string {
  const words = input.name
    .toUpperCase()
    .replace(/-/g, '')
    .replace(/[^A-Z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !MID_IGNORED_WORDS.has(w));
  const namePart = words.length === 1 ? words[0]!.slice(0, 6) : words[0]!.slice(0, 3) + words[1]!.slice(0, 3);
  const numbers = (input.line1.match(/\d+/g) ?? []).map((n) => n.replace(/^0+/, '') || '0');
  const largest = numbers.sort((a, b) => b.length - a.length || (a < b ? 1 : a > b ? -1 : 0))[0] ?? '';
  const city = input.city
    .toUpperCase()
    .replace(/[^A-Z]/g, '')
    .slice(0, 3);
  return `${input.country.toUpperCase()}${namePart}${largest.slice(0, 4)}${city}`.slice(0, 15);
}
