import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cityNameEn, districtNameEn, romanize } from './regions-en.js';
import { englishNamesFile } from './regions-en.generate.js';
import { ENGLISH_NAMES_FILE, readDivisions, regionFullName, regionName, regionText, regionsUnder } from './regions.js';

const en = (code: string) => regionName(code, 'en');

describe('English region names', () => {
  it('names the provinces officially', () => {
    const names = Object.fromEntries((regionsUnder() ?? []).map((p) => [p.code, p.names.en]));
    expect(Object.keys(names)).toHaveLength(31);
    expect(names).toMatchObject({
      '11': 'Beijing', '14': 'Shanxi', '15': 'Inner Mongolia', '44': 'Guangdong', '45': 'Guangxi',
      '50': 'Chongqing', '54': 'Tibet', '61': 'Shaanxi', '64': 'Ningxia', '65': 'Xinjiang',
    });
  });

  it('romanizes cities without 市 and keeps the generic part of other prefecture-level names', () => {
    expect([en('4403'), en('4301'), en('3502'), en('3403'), en('3415'), en('5001')]).toEqual(['Shenzhen', 'Changsha', 'Xiamen', 'Bengbu', "Lu'an", 'Chongqing']);
    expect(en('2224')).toBe('Yanbian Korean Autonomous Prefecture');
    expect(en('4228')).toBe('Enshi Tujia and Miao Autonomous Prefecture');
    expect(en('6529')).toBe('Aksu Prefecture');
    expect(en('1525')).toBe('Xilingol League');
    expect(en('2301')).toBe('Harbin');
    expect(en('5002')).toBe('Chongqing Counties');
    expect(en('4290')).toBe('Province-administered areas');
  });

  it('writes districts, counties, county-level cities and banners as postal addresses do', () => {
    expect(en('440305')).toBe('Nanshan District');
    expect(en('310115')).toBe('Pudong New Area');
    expect(en('110114')).toBe('Changping District');
    expect(en('110119')).toBe('Yanqing District');
    expect(en('320583')).toBe('Kunshan City');
    expect(en('441900')).toBe('Dongguan'); // the city listed as its own only district
    expect(en('500229')).toBe('Chengkou County');
    expect(en('150521')).toBe('Horqin Left Middle Banner');
    expect(en('152530')).toBe('Plain Blue Banner');
    expect(en('469029')).toBe('Baoting Li and Miao Autonomous County');
    expect(en('622927')).toBe('Jishishan Bonan, Dongxiang and Salar Autonomous County');
    expect(en('150724')).toBe('Evenki Autonomous Banner');
    expect(en('410104')).toBe('Guancheng Hui District');
    expect(en('429021')).toBe('Shennongjia Forestry District');
    expect(en('130274')).toBe('Tangshan Haigang Economic Development Zone');
  });

  it('reads polyphones as place names are read', () => {
    expect(en('330382')).toBe('Yueqing City'); // 乐清, not Leqing
    expect(en('130225')).toBe('Laoting County'); // 乐亭
    expect(en('371722')).toBe('Shan County'); // 单县
    expect(en('141024')).toBe('Hongtong County'); // 洪洞
    expect(en('341621')).toBe('Guoyang County'); // 涡阳
    expect(en('130726')).toBe('Yu County'); // 蔚县
    expect(en('500230')).toBe('Fengdu County'); // 都 is du in place names
    expect(en('310112')).toBe('Minhang District'); // 闵行
    expect(en('441422')).toBe('Dabu County'); // 大埔
    expect(en('420116')).toBe('Huangpi District'); // 黄陂
    expect(en('361124')).toBe('Yanshan County'); // 铅山
    expect(en('340722')).toBe('Zongyang County'); // 枞阳 (pinyin-pro is right here)
  });

  it('romanizes with the apostrophe before a, o and e syllables', () => {
    expect(romanize('西安')).toBe("Xi'an");
    expect(romanize('东阿')).toBe("Dong'e");
    expect(romanize('吕梁')).toBe('Lüliang');
    expect(cityNameEn('大兴安岭地区', { provinceCode: '23' })).toBe("Daxing'anling Prefecture");
    expect(districtNameEn('兴安县', { provinceCode: '45', provinceName: '广西壮族自治区', cityName: '桂林市', cityNameEn: 'Guilin' })).toBe("Xing'an County");
  });

  it('writes whole regions smallest first in English and as on a parcel in Chinese', () => {
    expect(regionText('44', '4403', '440305', 'en')).toBe('Nanshan District, Shenzhen, Guangdong');
    expect(regionText('11', '1101', '110105', 'en')).toBe('Chaoyang District, Beijing');
    expect(regionText('44', '4419', '441900', 'en')).toBe('Dongguan, Guangdong');
    expect(regionText('11', '1101', '110105')).toBe('北京市朝阳区');
    expect(regionFullName('4403')).toEqual({ 'zh-CN': '广东省深圳市', en: 'Shenzhen, Guangdong' });
    expect(regionFullName('99')).toBeNull();
  });

  it('has a distinct, plain English name for every region', () => {
    const d = readDivisions();
    const all = [...d.provinces, ...d.cities, ...d.areas];
    for (const r of all) expect(en(r.code), r.name).toMatch(/^[A-Z][A-Za-zü' ,-]*$/);
    const siblings = new Map<string, string>();
    for (const r of [...d.cities.map((c) => ({ ...c, parent: c.provinceCode })), ...d.areas.map((a) => ({ ...a, parent: a.cityCode }))]) {
      const key = `${r.parent} ${en(r.code)}`;
      expect(siblings.get(key), `${r.name} and ${siblings.get(key)} read the same`).toBeUndefined();
      siblings.set(key, r.name);
    }
  });

  it('ships regions-en.json as the generator writes it (run regions-en.generate.ts when this fails)', () => {
    expect(readFileSync(ENGLISH_NAMES_FILE, 'utf8')).toBe(englishNamesFile());
  });
});
