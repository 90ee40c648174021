import { defineErrors } from '../../platform/errors.js';

export const FulfilmentErrors = defineErrors({
  CARRIER_UNKNOWN: { status: 422, en: 'There is no carrier "{carrier}".', zh: '不支持的快递公司「{carrier}」。' },
  CARRIER_SANDBOX_DISABLED: {
    status: 422,
    en: 'The sandbox carrier is off in production: it would mark orders delivered with no parcel behind them.',
    zh: '生产环境未启用沙箱快递：它会在没有真实包裹的情况下把订单标记为已签收。',
  },
  TRACKING_NUMBER_INVALID: {
    status: 422,
    en: 'Tracking number "{trackingNumber}" is not valid: 6–40 letters, digits or dashes.',
    zh: '快递单号「{trackingNumber}」无效：应为 6–40 位字母、数字或短横线。',
  },
  TRACKING_NUMBER_TAKEN: {
    status: 409,
    en: 'Tracking number {trackingNumber} ({carrier}) is already used by order {number}.',
    zh: '快递单号 {trackingNumber}（{carrier}）已用于订单 {number}。',
  },
  ORDER_NOT_SHIPPABLE: {
    status: 409,
    en: 'Order {number} is {status}; only paid orders can be shipped.',
    zh: '订单 {number} 当前状态为 {status}，只有已支付的订单可以发货。',
  },
  ORDER_ALREADY_SHIPPED: { status: 409, en: 'Order {number} was already shipped.', zh: '订单 {number} 已发货。' },
  WAREHOUSE_UNKNOWN: { status: 422, en: 'There is no active warehouse {warehouse}.', zh: '不存在启用中的仓库 {warehouse}。' },
  SHIPMENT_NOT_FOUND: { status: 404, en: 'Shipment {id} was not found.', zh: '发货单 {id} 不存在。' },
  SHIP_CSV_MALFORMED: { status: 422, en: 'The file is not valid CSV: {reason}', zh: '文件不是有效的 CSV：{reason}' },
  SHIP_CSV_EMPTY: { status: 422, en: 'The file has no data rows.', zh: '文件中没有数据行。' },
  SHIP_CSV_TOO_MANY_ROWS: { status: 422, en: 'The file has {count} rows; at most {max} at a time.', zh: '文件有 {count} 行，每次最多 {max} 行。' },
  SHIP_CSV_HEADER_MISSING: {
    status: 422,
    en: 'The header row lacks the columns {columns} (order_number, carrier, tracking_number — or 订单号, 快递公司, 快递单号).',
    zh: '表头缺少列：{columns}（order_number, carrier, tracking_number，或 订单号、快递公司、快递单号）。',
  },
  SHIP_CSV_CELL_MISSING: { status: 422, en: '{column} is empty.', zh: '{column} 为空。' },
  SHIP_CSV_NUMBER_MANGLED: {
    status: 422,
    en: 'The order number reads "{value}": the spreadsheet turned it into a number. Format the column as text and export again.',
    zh: '订单号为「{value}」：表格软件把它转成了数字。请将该列设为文本格式后重新导出。',
  },
  SHIP_CSV_ROW_REPEATED: { status: 422, en: 'Order {number} is already on row {other}.', zh: '订单 {number} 已出现在第 {other} 行。' },
});
