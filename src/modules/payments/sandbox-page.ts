import { formatMoney } from '../../platform/money.js';
import type { Locale } from '../../platform/i18n.js';
import { pagePolicy, sha256Source } from '../../platform/http/csp.js';

const T = {
  'zh-CN': {
    title: '沙箱收银台',
    order: '订单号',
    amount: '应付金额',
    method: '支付方式',
    left: '剩余支付时间',
    pay: '确认支付',
    fail: '模拟支付失败',
    note: '这是测试用的沙箱支付，不会产生真实扣款。',
    expired: '支付已超时',
    methods: { alipay: '支付宝', wechat: '微信支付', card: '银行卡' } as Record<string, string>,
  },
  en: {
    title: 'Sandbox checkout',
    order: 'Order',
    amount: 'Amount due',
    method: 'Method',
    left: 'Time left to pay',
    pay: 'Pay now',
    fail: 'Simulate a failed payment',
    note: 'This is the sandbox provider: no real money moves.',
    expired: 'Payment time is up',
    methods: { alipay: 'Alipay', wechat: 'WeChat Pay', card: 'Card' } as Record<string, string>,
  },
};

/** The page's inline style and countdown: fixed text, allowed by their hashes in the page's CSP. */
const PAGE_STYLE = `body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f5f5f5;color:#222}
main{max-width:420px;margin:40px auto;background:#fff;border-radius:12px;padding:24px;box-shadow:0 2px 12px #0001}
h1{font-size:20px;margin:0 0 16px}dl{display:grid;grid-template-columns:auto 1fr;gap:8px 16px;margin:0 0 20px}dt{color:#666}
dd{margin:0;font-weight:600}.amount{font-size:28px;color:#c40000}button{display:block;width:100%;min-height:48px;font-size:16px;border-radius:8px;border:0;margin-top:12px;cursor:pointer}
.pay{background:#0958d9;color:#fff}.fail{background:#eee;color:#333}p{color:#666;font-size:13px}`;
const PAGE_SCRIPT = `(function(){var el=document.getElementById('left');var s=+el.dataset.seconds;if(!s)return;var i=setInterval(function(){s--;if(s<=0){clearInterval(i);location.reload();return}el.textContent=Math.floor(s/60)+':'+String(s%60).padStart(2,'0')},1000)})()`;
export const SANDBOX_PAGE_CSP = pagePolicy({ scripts: [sha256Source(PAGE_SCRIPT)], styles: [sha256Source(PAGE_STYLE)] });

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The hosted pay page: a plain, fast HTML form with a countdown; works without JavaScript. */
export function sandboxPayPage(p: {
  locale: Locale;
  paymentId: string;
  orderNumber: string;
  amount: number;
  currency: string;
  method: string;
  expiresAt: Date;
  now: Date;
  status: string;
}): string {
  const t = T[p.locale];
  const secondsLeft = Math.max(0, Math.floor((p.expiresAt.getTime() - p.now.getTime()) / 1000));
  const action = `/pay/sandbox/${esc(p.paymentId)}/complete?lang=${p.locale}`;
  const open = p.status === 'pending' && secondsLeft > 0;
  return `<!doctype html><html lang="${p.locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${t.title}</title>
<style>${PAGE_STYLE}</style></head>
<body><main><h1>${t.title}</h1><dl>
<dt>${t.order}</dt><dd>${esc(p.orderNumber)}</dd>
<dt>${t.amount}</dt><dd class="amount">${esc(formatMoney(p.amount, p.currency, p.locale))}</dd>
<dt>${t.method}</dt><dd>${esc(t.methods[p.method] ?? p.method)}</dd>
<dt>${t.left}</dt><dd id="left" data-seconds="${secondsLeft}">${open ? `${Math.floor(secondsLeft / 60)}:${String(secondsLeft % 60).padStart(2, '0')}` : t.expired}</dd></dl>
${open ? `<form method="post" action="${action}"><input type="hidden" name="outcome" value="succeeded"><button class="pay" type="submit">${t.pay}</button></form>
<form method="post" action="${action}"><input type="hidden" name="outcome" value="failed"><button class="fail" type="submit">${t.fail}</button></form>` : ''}
<p>${t.note}</p></main>
<script>${PAGE_SCRIPT}</script>
</body></html>`;
}
