import { type RouteConfig, index, route } from '@react-router/dev/routes';

/**
 * Every page exists twice: zh-CN at `/…` and English at `/en/…`. Both trees use the same files;
 * route ids carry the language (`zh/product`, `en/product`), and the language layouts are `zh` and `en`.
 */
const pages = (lang: 'zh' | 'en') => {
  const id = (name: string) => ({ id: `${lang}/${name}` });
  return [
    index('routes/home.tsx', id('home')),
    route('c/:slug', 'routes/category.tsx', id('category')),
    route('search', 'routes/search.tsx', id('search')),
    route('p/:slug', 'routes/product.tsx', id('product')),
    route('cart', 'routes/cart.tsx', id('cart')),
    route('coupons', 'routes/coupons.tsx', id('coupons')),
    route('campaigns/:slug', 'routes/campaign.tsx', id('campaign')),
    route('flash', 'routes/flash.tsx', id('flash')),
    route('group-buys/teams/:id', 'routes/group-buy-team.tsx', id('group-buy-team')),
    route('group-buys/:id', 'routes/group-buy.tsx', id('group-buy')),
    route('checkout', 'routes/checkout.tsx', id('checkout')),
    route('orders', 'routes/orders.tsx', id('orders')),
    route('orders/:number', 'routes/order.tsx', id('order')),
    route('orders/:number/pay', 'routes/pay.tsx', id('pay')),
    route('account', 'routes/account.tsx', id('account')),
    route('account/login', 'routes/login.tsx', id('login')),
    route('account/register', 'routes/register.tsx', id('register')),
    route('account/reset', 'routes/reset.tsx', id('reset')),
    route('account/addresses', 'routes/addresses.tsx', id('addresses')),
    route('account/member', 'routes/member.tsx', id('member')),
    route('account/invite', 'routes/invite.tsx', id('invite')),
    route('account/group-buys', 'routes/my-group-buys.tsx', id('my-group-buys')),
    route('account/logout', 'routes/logout.tsx', id('logout')),
    route('*', 'routes/not-found.tsx', id('not-found')),
  ];
};

export default [
  route('sitemap.xml', 'routes/sitemap.ts'),
  route('robots.txt', 'routes/robots.ts'),
  route('', 'routes/shell.tsx', { id: 'zh' }, pages('zh')),
  route('en', 'routes/shell.tsx', { id: 'en' }, pages('en')),
] satisfies RouteConfig;
