import { defineErrors } from '../../platform/errors.js';

export const CartErrors = defineErrors({
  CART_NOT_FOUND: { status: 404, en: 'Cart {id} was not found.', zh: '购物车 {id} 不存在。' },
  CART_ITEM_NOT_FOUND: { status: 404, en: 'Cart item {id} was not found.', zh: '购物车商品 {id} 不存在。' },
  CART_CLOSED: { status: 409, en: 'This cart has already been checked out.', zh: '该购物车已结算。' },
  VARIANT_NOT_SELLABLE: { status: 422, en: 'Variant {id} is not on sale.', zh: '规格 {id} 未在售。' },
  QUANTITY_TOO_LARGE: { status: 422, en: 'At most {max} units of one item per cart.', zh: '每件商品最多购买 {max} 件。' },
  CART_TOO_LARGE: { status: 422, en: 'A cart holds at most {max} different items.', zh: '购物车最多容纳 {max} 种商品。' },
});

export const MAX_QUANTITY = 999;
export const MAX_LINES = 100;
