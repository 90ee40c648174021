import { defineErrors } from '../../platform/errors.js';

export const InventoryErrors = defineErrors({
  OUT_OF_STOCK: { status: 409, en: '{itemEn}: not enough in stock for that quantity.', zh: '{itemZh} 库存不足，请减少购买数量。' },
  FEW_LEFT: { status: 409, en: '{itemEn}: only {left} left.', zh: '{itemZh} 库存不足：仅剩 {left} 件。' },
  WAREHOUSE_NOT_FOUND: { status: 404, en: 'Warehouse {id} was not found.', zh: '仓库 {id} 不存在。' },
  STOCK_BELOW_RESERVED: {
    status: 422,
    en: 'On-hand cannot go below the {reserved} units reserved by open orders and flash sales.',
    zh: '现有库存不能低于未支付订单与秒杀活动预占的 {reserved} 件。',
  },
  WAREHOUSE_CODE_TAKEN: { status: 409, en: 'Warehouse code {code} is already used.', zh: '仓库编码 {code} 已被使用。' },
});
