import { describe, expect, it } from 'vitest';
import { lineOptions, type NamedOption } from './line-options.js';

const zh = (s: string, en = s) => ({ 'zh-CN': s, en });
const options: NamedOption[] = [
  { code: 'color', name: zh('颜色', 'Colour'), values: [{ code: 'mint', name: zh('薄荷绿', 'Mint') }, { code: 'black', name: zh('黑色', 'Black') }] },
  { code: 'storage', name: zh('容量', 'Storage'), values: [{ code: '256gb', name: zh('256GB') }] },
];

describe('lineOptions', () => {
  it('names each chosen value in the product option order', () => {
    expect(lineOptions({ storage: '256gb', color: 'mint' }, options)).toEqual([
      { code: 'color', value: 'mint', name: zh('颜色', 'Colour'), valueName: zh('薄荷绿', 'Mint') },
      { code: 'storage', value: '256gb', name: zh('容量', 'Storage'), valueName: zh('256GB') },
    ]);
  });

  it('keeps codes the product no longer knows, unnamed, after the known ones', () => {
    expect(lineOptions({ size: 'xl', color: 'red' }, options)).toEqual([
      { code: 'color', value: 'red', name: zh('颜色', 'Colour'), valueName: null },
      { code: 'size', value: 'xl', name: null, valueName: null },
    ]);
    expect(lineOptions({ color: 'mint' })).toEqual([{ code: 'color', value: 'mint', name: null, valueName: null }]);
  });
});
