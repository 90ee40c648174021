import { defineErrors } from '../../platform/errors.js';

export const CatalogErrors = defineErrors({
  PRODUCT_NOT_FOUND: { status: 404, en: 'Product {id} was not found.', zh: '商品 {id} 不存在。' },
  VARIANT_NOT_FOUND: { status: 404, en: 'Variant {id} was not found.', zh: '规格 {id} 不存在。' },
  CATEGORY_NOT_FOUND: { status: 404, en: 'Category {id} was not found.', zh: '类目 {id} 不存在。' },
  BRAND_NOT_FOUND: { status: 404, en: 'Brand {id} was not found.', zh: '品牌 {id} 不存在。' },
  SLUG_TAKEN: { status: 409, en: 'The slug {slug} is already used.', zh: '标识 {slug} 已被使用。' },
  SKU_TAKEN: { status: 409, en: 'The SKU code {sku} is already used.', zh: 'SKU 编码 {sku} 已被使用。' },
  CATEGORY_CYCLE: { status: 422, en: 'A category cannot be moved under itself.', zh: '类目不能移动到自身之下。' },
  PRODUCT_NOT_PUBLISHABLE: {
    status: 422,
    en: 'A product needs at least one active variant with a price before it can be published.',
    zh: '商品至少需要一个有价格的启用规格才能上架。',
  },
  VARIANT_OPTIONS_INVALID: {
    status: 422,
    en: 'Variant {sku} must pick one value for each product option ({detail}).',
    zh: '规格 {sku} 必须为每个商品选项选择一个值（{detail}）。',
  },
});
