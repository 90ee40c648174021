import { pinyin } from 'pinyin-pro';
import type { Divisions } from './regions.js';

/**
 * English names for GB/T 2260 regions, as Chinese postal addresses are written in English:
 * official names for provinces, Hanyu Pinyin for cities and districts with the generic part in
 * English ("Nanshan District", "Yanbian Korean Autonomous Prefecture", "Horqin Left Middle Banner").
 *
 * Only the generator (regions-en.generate.ts) and the tests load this file: pinyin-pro takes about
 * a second to warm up, so the server reads the names from the generated regions-en.json instead.
 */

/** The official English names, by province code (the data has the 31 mainland divisions only). */
export const PROVINCE_EN: Readonly<Record<string, string>> = {
  '11': 'Beijing', '12': 'Tianjin', '13': 'Hebei', '14': 'Shanxi', '15': 'Inner Mongolia',
  '21': 'Liaoning', '22': 'Jilin', '23': 'Heilongjiang',
  '31': 'Shanghai', '32': 'Jiangsu', '33': 'Zhejiang', '34': 'Anhui', '35': 'Fujian', '36': 'Jiangxi', '37': 'Shandong',
  '41': 'Henan', '42': 'Hubei', '43': 'Hunan', '44': 'Guangdong', '45': 'Guangxi', '46': 'Hainan',
  '50': 'Chongqing', '51': 'Sichuan', '52': 'Guizhou', '53': 'Yunnan', '54': 'Tibet',
  '61': 'Shaanxi', '62': 'Gansu', '63': 'Qinghai', '64': 'Ningxia', '65': 'Xinjiang',
};

/**
 * Place names (without their generic part) that pinyin-pro reads wrongly (polyphones: 乐清 is
 * Yuèqīng, not Lèqīng) or that English knows by another spelling (哈尔滨 Harbin, 喀什 Kashgar,
 * Mongolian, Tibetan and Uyghur names). Only names that mean one place wherever they occur.
 */
const PLACE: Readonly<Record<string, string>> = {
  // polyphones
  乐清: 'Yueqing', 乐亭: 'Laoting', 乐陵: 'Laoling', 单: 'Shan', 洪洞: 'Hongtong', 涡阳: 'Guoyang', 蔚: 'Yu',
  尉犁: 'Yuli', 筠连: 'Junlian', 浚: 'Xun', 泌阳: 'Biyang', 歙: 'She', 什邡: 'Shifang', 大城: 'Dacheng',
  郫都: 'Pidu', 黄陂: 'Huangpi', 繁峙: 'Fanshi', 召陵: 'Shaoling', 六合: 'Luhe', 番禺: 'Panyu', 铅山: 'Yanshan',
  闵行: 'Minhang', 民乐: 'Minle', 调兵山: 'Diaobingshan', 大箐山: 'Daqingshan', 珲春: 'Hunchun', 中牟: 'Zhongmou',
  牟定: 'Mouding', 大埔: 'Dabu', 覃塘: 'Tantang', 宕昌: 'Tanchang', 称多: 'Chenduo',
  // conventional English spellings
  哈尔滨: 'Harbin', 齐齐哈尔: 'Qiqihar', 呼和浩特: 'Hohhot', 鄂尔多斯: 'Ordos', 呼伦贝尔: 'Hulunbuir',
  乌兰察布: 'Ulanqab', 巴彦淖尔: 'Bayannur', 锡林郭勒: 'Xilingol', 阿拉善: 'Alxa', 二连浩特: 'Erenhot',
  锡林浩特: 'Xilinhot', 乌兰浩特: 'Ulanhot', 霍林郭勒: 'Holingol', 阿尔山: 'Arxan', 额尔古纳: 'Ergun',
  乌鲁木齐: 'Urumqi', 喀什: 'Kashgar', 和田: 'Hotan', 阿克苏: 'Aksu', 克拉玛依: 'Karamay', 吐鲁番: 'Turpan',
  阿勒泰: 'Altay', 伊犁: 'Ili', 博尔塔拉: 'Bortala', 巴音郭楞: 'Bayingolin', 克孜勒苏: 'Kizilsu',
  阿拉尔: 'Aral', 图木舒克: 'Tumxuk', 库尔勒: 'Korla', 库车: 'Kuqa', 阿图什: 'Artux', 塔什库尔干: 'Taxkorgan',
  察布查尔: 'Qapqal', 和布克赛尔: 'Hoboksar', 阿克塞: 'Aksay', 格尔木: 'Golmud',
  香格里拉: 'Shangri-La', 霍尔果斯: 'Khorgas', 巴里坤: 'Barkol', 和林格尔: 'Horinger', 扎赉诺尔: 'Jalainur', 白云鄂博: 'Bayan Obo',
  拉萨: 'Lhasa', 日喀则: 'Shigatse', 昌都: 'Qamdo', 林芝: 'Nyingchi', 那曲: 'Nagqu', 阿里: 'Ngari',
  果洛: 'Golog', 甘孜: 'Garze', 阿坝: 'Ngawa',
  // Mongolian banner names (qualifiers such as 左翼 / 前 are added in English after them)
  科尔沁: 'Horqin', 阿鲁科尔沁: 'Ar Horqin', 土默特: 'Tumed', 鄂托克: 'Otog', 乌拉特: 'Urad', 苏尼特: 'Sonid',
  东乌珠穆沁: 'East Ujimqin', 西乌珠穆沁: 'West Ujimqin', 新巴尔虎: 'New Barag', 陈巴尔虎: 'Old Barag',
  喀喇沁: 'Harqin', 杭锦: 'Hanggin', 准格尔: 'Jungar', 伊金霍洛: 'Ejin Horo', 达拉特: 'Dalad', 察哈尔: 'Chahar',
  达尔罕茂明安: 'Darhan Muminggan', 翁牛特: 'Ongniud', 克什克腾: 'Hexigten', 扎鲁特: 'Jarud', 扎赉特: 'Jalaid',
  阿巴嘎: 'Abag', 巴林: 'Bairin', 额济纳: 'Ejin', 库伦: 'Hure', 莫力达瓦: 'Morin Dawa', 太仆寺: 'Taibus',
  前郭尔罗斯: 'Qian Gorlos', 杜尔伯特: 'Dorbod',
};

/** Characters with one reading in place names whatever pinyin-pro guesses: 丰都 Fengdu, 穆棱 Muling. */
const CHAR_READING: Readonly<Record<string, string>> = { 都: 'du', 柏: 'bai', 什: 'shi', 曾: 'zeng', 蚌: 'beng', 棱: 'ling' };

/** Whole names that no rule produces. */
const WHOLE: Readonly<Record<string, string>> = {
  兴安盟: 'Hinggan League', // not 兴安县 in Guangxi (Xing'an County)
  正镶白旗: 'Plain and Bordered White Banner',
  镶黄旗: 'Bordered Yellow Banner',
  正蓝旗: 'Plain Blue Banner',
  清新区: 'Qingxin District', // a district named 清新, not a 新区
  神农架林区: 'Shennongjia Forestry District',
  乌拉盖管理区管委会: 'Ulgai Administrative Area',
  大柴旦行政委员会: 'Da Qaidam Administrative Area',
  西沙群岛: 'Xisha Islands',
  南沙群岛: 'Nansha Islands',
  中沙群岛的岛礁及其海域: 'Zhongsha Islands',
  吉林中国新加坡食品区: 'China-Singapore Jilin Food Zone',
  中新苏滁高新技术产业开发区: 'China-Singapore Suchu High-tech Industrial Development Zone',
  郑州航空港经济综合实验区: 'Zhengzhou Airport Economy Zone',
  东营港经济开发区: 'Dongying Port Economic Development Zone',
  长春汽车经济技术开发区: 'Changchun Automotive Economic and Technological Development Zone',
  包头稀土高新技术产业开发区: 'Baotou Rare Earth High-tech Industrial Development Zone',
  威海火炬高技术产业开发区: 'Weihai Torch High-tech Industrial Development Zone',
  格尔木藏青工业园区: 'Golmud Tibet-Qinghai Industrial Park',
};

/** Peoples named in autonomous prefectures, counties and banners, longest first when matched. */
const PEOPLE: Readonly<Record<string, string>> = {
  朝鲜: 'Korean', 土家: 'Tujia', 苗: 'Miao', 藏: 'Tibetan', 羌: 'Qiang', 彝: 'Yi', 布依: 'Bouyei', 侗: 'Dong',
  哈尼: 'Hani', 壮: 'Zhuang', 傣: 'Dai', 白: 'Bai', 景颇: 'Jingpo', 傈僳: 'Lisu', 回: 'Hui', 蒙古: 'Mongol',
  柯尔克孜: 'Kirghiz', 哈萨克: 'Kazakh', 满: 'Manchu', 达斡尔: 'Daur', 鄂伦春: 'Oroqen', 鄂温克: 'Evenki',
  畲: 'She', 瑶: 'Yao', 仫佬: 'Mulao', 毛南: 'Maonan', 黎: 'Li', 仡佬: 'Gelao', 水: 'Sui', 纳西: 'Naxi',
  拉祜: 'Lahu', 佤: 'Va', 布朗: 'Blang', 独龙: 'Derung', 怒: 'Nu', 普米: 'Pumi', 裕固: 'Yugur', 保安: 'Bonan',
  东乡: 'Dongxiang', 撒拉: 'Salar', 土: 'Tu', 塔吉克: 'Tajik', 锡伯: 'Xibe', 维吾尔: 'Uyghur', 各: 'Multi-ethnic',
};
/** Peoples that GB/T 2260 names without 族 (伊犁哈萨克自治州, 鄂伦春自治旗). */
const PEOPLE_WITHOUT_ZU = ['柯尔克孜', '哈萨克', '蒙古', '鄂伦春', '塔吉克', '锡伯', '维吾尔'];
const PEOPLE_BY_LENGTH = Object.keys(PEOPLE).sort((a, b) => b.length - a.length);

/** Banner qualifiers, matched at the end of the name: 科尔沁左翼中旗 → Horqin Left Middle Banner. */
const QUALIFIERS: ReadonlyArray<[string, string]> = [
  ['左翼', 'Left'], ['右翼', 'Right'], ['联合', 'United'], ['左', 'Left'], ['右', 'Right'], ['前', 'Front'], ['中', 'Middle'], ['后', 'Rear'],
];

/**
 * Development zones, new areas and the like that GB/T 2260 lists among districts, longest first.
 * Their names often start with the province and the city (河北唐山海港经济开发区): the province is
 * left out, the city kept as its own word (Tangshan Haigang Economic Development Zone).
 */
const ZONE_GENERICS: ReadonlyArray<[string, string]> = [
  ['高新技术产业开发区', 'High-tech Industrial Development Zone'], ['高新技术产业园区', 'High-tech Industrial Park'],
  ['高新技术开发区', 'High-tech Development Zone'], ['经济技术开发区', 'Economic and Technological Development Zone'],
  ['经济开发区', 'Economic Development Zone'], ['开发区', 'Development Zone'],
  ['现代产业园区', 'Modern Industrial Park'], ['循环化工园区', 'Circular Chemical Industry Park'],
  ['文化旅游创意园区', 'Cultural Tourism and Creative Park'], ['工业园区', 'Industrial Park'],
  ['转型综合改革示范区', 'Transformation and Comprehensive Reform Demonstration Zone'],
  ['城乡一体化示范区', 'Urban-Rural Integration Demonstration Zone'], ['示范区', 'Demonstration Zone'],
  ['综合物流产业聚集区', 'Integrated Logistics Industry Cluster'], ['风景名胜区', 'Scenic Area'],
  ['管理区', 'Administrative Area'], ['新区', 'New Area'], ['新城', 'New Town'],
];

/** Generic parts of other county-level names. */
const DISTRICT_GENERICS: ReadonlyArray<[string, string]> = [
  ['矿区', 'Mining District'], ['特区', 'Special District'], ['区', 'District'], ['县', 'County'], ['市', 'City'], ['旗', 'Banner'],
];

/** Hanyu Pinyin as one capitalised word, with the apostrophe before a/o/e syllables (Xi'an, Lu'an). */
export function romanize(chinese: string): string {
  const known = PLACE[chinese];
  if (known) return known;
  const syllables = pinyin(chinese, { toneType: 'none', type: 'array' }).map((s, i) => CHAR_READING[chinese[i]] ?? s);
  const word = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "A", "A and B", "A, B and C". */
function listOf(words: string[]): string {
  return words.length <= 2 ? words.join(' and ') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Splits the peoples off the end of an autonomous area's name: 恩施土家族苗族 → 恩施, [Tujia, Miao]. */
function splitPeoples(name: string): { place: string; peoples: string[] } {
  const peoples: string[] = [];
  let rest = name;
  for (;;) {
    const hit = PEOPLE_BY_LENGTH.find((p) => rest.endsWith(`${p}族`) || (PEOPLE_WITHOUT_ZU.includes(p) && rest.endsWith(p)));
    if (!hit) break;
    peoples.unshift(PEOPLE[hit]);
    rest = rest.slice(0, rest.length - hit.length - (rest.endsWith(`${hit}族`) ? 1 : 0));
  }
  return { place: rest, peoples };
}

/** A place name with banner qualifiers in English: 科尔沁左翼中 → Horqin Left Middle. */
function placeWithQualifiers(name: string, allowSingle: boolean): string {
  const after: string[] = [];
  let rest = name;
  for (;;) {
    const hit = QUALIFIERS.find(([zh]) => (allowSingle || zh.length > 1) && rest.length > zh.length && rest.endsWith(zh) && !PLACE[rest]);
    if (!hit) break;
    after.unshift(hit[1]);
    rest = rest.slice(0, -hit[0].length);
  }
  return [romanize(rest), ...after].join(' ');
}

/** 黔东南苗族侗族自治州 → Qiandongnan Miao and Dong Autonomous Prefecture; 鄂伦春自治旗 → Oroqen Autonomous Banner. */
function autonomous(name: string, generic: string, allowSingle: boolean): string {
  const { place, peoples } = splitPeoples(name);
  const head = place ? `${placeWithQualifiers(place, allowSingle)} ` : '';
  return `${head}${peoples.length ? `${listOf(peoples)} ` : ''}Autonomous ${generic}`;
}

export interface CityContext {
  provinceCode: string;
}

/** A prefecture-level name (4-digit code): 深圳市 → Shenzhen, 阿克苏地区 → Aksu Prefecture. */
export function cityNameEn(name: string, ctx: CityContext): string {
  const province = PROVINCE_EN[ctx.provinceCode] ?? '';
  if (WHOLE[name]) return WHOLE[name];
  // Placeholders of GB/T 2260: the districts and the counties of a municipality, and the county-level
  // places a province or autonomous region governs directly (济源, 仙桃, 五指山, 石河子…).
  if (name === '市辖区') return province;
  if (name === '县') return `${province} Counties`;
  if (name === '省直辖县级行政区划') return 'Province-administered areas';
  if (name === '自治区直辖县级行政区划') return 'Region-administered areas';
  if (name.endsWith('自治州')) return autonomous(name.slice(0, -3), 'Prefecture', false);
  if (name.endsWith('地区')) return `${romanize(name.slice(0, -2))} Prefecture`;
  if (name.endsWith('盟')) return `${romanize(name.slice(0, -1))} League`;
  if (name.endsWith('市')) return romanize(name.slice(0, -1));
  return romanize(name);
}

/** Where a district lies: its province (code and Chinese name, 13 河北省) and city (唐山市, Tangshan). */
export interface DistrictContext {
  provinceCode: string;
  provinceName: string;
  cityName: string;
  cityNameEn: string;
}

/** 河北唐山海港 → Tangshan Haigang: without the province, the city as a word of its own. */
function zonePlace(place: string, ctx: DistrictContext): string {
  const province = ctx.provinceName.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, '');
  const city = ctx.cityName.replace(/(市|盟|地区|自治州)$/, '');
  if (place === province) return PROVINCE_EN[ctx.provinceCode] ?? romanize(place); // 山西转型综合改革示范区
  let rest = place.startsWith(province) ? place.slice(province.length) : place;
  const words: string[] = [];
  const cityHere = city ? rest.match(new RegExp(`^${city}市?`)) : null;
  if (cityHere) {
    words.push(romanize(city));
    rest = rest.slice(cityHere[0].length);
  }
  if (rest) words.push(romanize(rest));
  return words.join(' ');
}

/** A county-level name (6-digit code): 南山区 → Nanshan District, 昆山市 → Kunshan City. */
export function districtNameEn(name: string, ctx: DistrictContext): string {
  if (WHOLE[name]) return WHOLE[name];
  // A prefecture-level city without districts lists itself (东莞市 in 东莞市): same name, not "Dongguan City".
  if (name === ctx.cityName) return ctx.cityNameEn;
  if (name.endsWith('自治县')) return autonomous(name.slice(0, -3), 'County', false);
  if (name.endsWith('自治旗')) return autonomous(name.slice(0, -3), 'Banner', true);
  if (name.endsWith('族区')) {
    // 管城回族区 → Guancheng Hui District
    const { place, peoples } = splitPeoples(name.slice(0, -1));
    return `${romanize(place)} ${listOf(peoples)} District`;
  }
  const zone = ZONE_GENERICS.find(([zh]) => name.endsWith(zh) && name !== zh);
  if (zone) return `${zonePlace(name.slice(0, -zone[0].length), ctx)} ${zone[1]}`;
  const generic = DISTRICT_GENERICS.find(([zh]) => name.endsWith(zh));
  if (!generic) return romanize(name);
  const place = name.slice(0, -generic[0].length);
  if (!place) return generic[1]; // 阳泉's 矿区
  return `${placeWithQualifiers(place, generic[0] === '旗')} ${generic[1]}`;
}

/** English names of every region in the data, by code: what regions-en.json holds. */
export function englishNames(data: Divisions): Record<string, string> {
  const en: Record<string, string> = {};
  const zh = new Map<string, string>();
  for (const p of data.provinces) {
    const name = PROVINCE_EN[p.code];
    if (!name) throw new Error(`no English name for province ${p.code} ${p.name}`);
    en[p.code] = name;
  }
  for (const p of data.provinces) zh.set(p.code, p.name);
  for (const c of data.cities) {
    en[c.code] = cityNameEn(c.name, { provinceCode: c.provinceCode });
    zh.set(c.code, c.name);
  }
  for (const a of data.areas) {
    const provinceCode = a.cityCode.slice(0, 2);
    const ctx = { provinceCode, provinceName: zh.get(provinceCode) ?? '', cityName: zh.get(a.cityCode) ?? '', cityNameEn: en[a.cityCode] ?? '' };
    en[a.code] = districtNameEn(a.name, ctx);
  }
  return en;
}
