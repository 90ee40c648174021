import { describe, expect, it } from 'vitest';
import { maskMobile } from './privacy.js';

describe('maskMobile', () => {
  it('keeps the first three and last four digits of a mainland mobile', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile(' 13912345678 ')).toBe('139****5678');
  });
  it('masks other lengths without showing the middle', () => {
    expect(maskMobile('+8613812345678')).toBe('+86****5678');
    expect(maskMobile('12345')).toBe('***45');
    expect(maskMobile('12')).toBe('12');
    expect(maskMobile(null)).toBeNull();
  });
});
