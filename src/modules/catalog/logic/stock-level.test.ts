import { describe, expect, it } from 'vitest';
import { LOW_STOCK_SHOWN, stockLevel } from './stock-level.js';

describe('stockLevel', () => {
  it('names no figure when there is plenty or none', () => {
    expect(stockLevel(11)).toEqual({ stock: 'inStock', left: null });
    expect(stockLevel(5000)).toEqual({ stock: 'inStock', left: null });
    expect(stockLevel(0)).toEqual({ stock: 'out', left: null });
    expect(stockLevel(-2)).toEqual({ stock: 'out', left: null });
  });

  it('tells the units left at and below the threshold', () => {
    expect(stockLevel(LOW_STOCK_SHOWN)).toEqual({ stock: 'low', left: LOW_STOCK_SHOWN });
    expect(stockLevel(1)).toEqual({ stock: 'low', left: 1 });
    expect(stockLevel(3, 2)).toEqual({ stock: 'inStock', left: null });
  });
});
