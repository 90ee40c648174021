import { useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { ApiError, apiFor } from '../lib/api.server';
import { activityProduct, shippingAddress, takeSeat } from '../lib/group-buy.server';
import { activityPath, initialOf, teamPath, type GroupBuyActivity, type GroupBuyTeam } from '../lib/group-buy';
import { clockCountdown, money } from '../lib/format';
import { localeOfPath, lp, pick } from '../lib/locale';
import { currentCustomer } from '../lib/session.server';
import { useLocale } from '../lib/hooks';
import { metaT, rootDataOf, seo } from '../lib/seo';
import { useFlashNow } from '../lib/use-flash';
import { GroupShipping, SeatForm } from '../components/GroupBuy';
import { IMAGE_SIZES, Img } from '../components/Img';
import { Empty, Notice } from '../components/Notice';
import { isUuid } from '../lib/ids';

/** Hydrated: the teams' countdowns tick. */
export const handle = { hydrate: true };


/**
 * The group buy page (拼团): the product at the group price against its own, the team size, the
 * leader's price, 开团, and the open teams one can join. Personal (address): never cached.
 */
export async function loader({ request, context, url, params }: LoaderFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  const api = apiFor(context, locale);
  const id = params.id ?? '';
  const notFound = () => new Response('Not Found', { status: 404 });
  if (!isUuid(id)) throw notFound();
  let found: { activity: GroupBuyActivity; openTeams: GroupBuyTeam[] };
  try {
    found = await api.get(`/api/store/group-buys/${id}`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) throw notFound();
    throw err;
  }
  const customer = await currentCustomer(context, request, locale);
  const [product, address] = await Promise.all([activityProduct(api, found.activity, locale), shippingAddress(api, customer !== null, locale)]);
  const here = lp(locale, activityPath(id));
  const a = found.activity;
  return {
    serverNow: context.now().toISOString(),
    activity: { id: a.id, name: pick(a.name, locale), teamSize: a.teamSize, leaderDiscount: a.leaderDiscount, hours: Math.round(a.timeLimitMinutes / 60), paused: a.status !== 'active' },
    teams: found.openTeams,
    product,
    signedIn: customer !== null,
    address,
    loginHref: `${lp(locale, '/account/login')}?next=${encodeURIComponent(here)}`,
    addressesHref: `${lp(locale, '/account/addresses')}?next=${encodeURIComponent(here)}`,
  };
}

export async function action({ request, context, url, params }: ActionFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  const id = isUuid(params.id ?? '') ? params.id : '00000000-0000-4000-8000-000000000000';
  return takeSeat(context, request, url, locale, `/api/store/group-buys/${id}/teams`);
}

/** An offer on sale is a page for search engines too (the sitemap lists it); a paused one or one of a product gone is not. */
export const meta: MetaFunction<typeof loader> = (args) => {
  const t = metaT(args);
  const page = args.data;
  const option = page?.product?.options[0];
  if (!page?.product || !option || page.activity.paused) return seo(args, { title: t('meta.groupTitle'), description: t('meta.groupDescription'), noindex: true });
  const { locale } = rootDataOf(args);
  return seo(args, {
    title: t('meta.groupOfferTitle', { product: page.product.title, count: page.activity.teamSize }),
    description: t('meta.groupOfferDescription', { product: page.product.title, count: page.activity.teamSize, price: money(option.groupPrice, locale) }),
    path: activityPath(page.activity.id),
    image: page.product.image?.url,
  });
};

export default function GroupBuyPage() {
  const page = useLoaderData<typeof loader>();
  const { locale, t } = useLocale();
  const now = useFlashNow(page.serverNow);
  const { product, activity } = page;
  if (!product || product.options.length === 0) {
    return (
      <>
        <h1>{activity.name}</h1>
        <Empty title={t('groupBuy.none')}>
          <p>
            <a className="button" href={lp(locale, '/')}>
              {t('errors.backHome')}
            </a>
          </p>
        </Empty>
      </>
    );
  }
  const option = product.options[0]!;
  const teams = page.teams.filter((team) => Date.parse(team.deadline) > now);
  return (
    <div className="narrow group-buy">
      <section className="panel group-product group-hero" aria-labelledby="group-title">
        <a href={lp(locale, `/p/${product.slug}`)} className="group-product-img" tabIndex={-1} aria-hidden="true">
          {product.image ? <Img src={product.image.url} width={product.image.width} height={product.image.height} alt="" sizes={IMAGE_SIZES.card} eager /> : <span className="img-placeholder" />}
        </a>
        <div className="group-hero-main">
          <p className="muted small">{activity.name}</p>
          <h1 id="group-title">{product.title}</h1>
          <p className="flash-item-price">
            <span className="group-size">{t('groupBuy.teamSize', { count: activity.teamSize })}</span> <strong>{money(option.groupPrice, locale)}</strong>{' '}
            <s className="muted">
              <span className="sr-only">{t('product.listPrice')} </span>
              {money(option.price, locale)}
            </s>
          </p>
          {activity.leaderDiscount > 0 ? <p className="group-leader-price">{t('groupBuy.leaderPrice', { price: money(option.leaderPrice, locale) })}</p> : null}
          <p className="muted small">{t('groupBuy.rule', { count: activity.teamSize, hours: activity.hours })}</p>
          {activity.paused ? (
            <Notice>{t('groupBuy.refusals.GROUP_ACTIVITY_PAUSED')}</Notice>
          ) : (
            <>
              <GroupShipping signedIn={page.signedIn} address={page.address} loginHref={page.loginHref} addressesHref={page.addressesHref} />
              <SeatForm
                words={t('groupBuy.open')}
                options={product.options}
                leader
                signedIn={page.signedIn}
                address={page.address}
                loginHref={page.loginHref}
                addressesHref={page.addressesHref}
                activityHref={activityPath(activity.id)}
              />
            </>
          )}
        </div>
      </section>

      <section className="panel" aria-labelledby="group-teams">
        <h2 id="group-teams">{t('groupBuy.openTeams')}</h2>
        {teams.length === 0 ? (
          <p className="muted">{t('groupBuy.noTeams')}</p>
        ) : (
          <ul className="group-team-list">
            {teams.map((team) => {
              const leader = team.members.find((m) => m.role === 'leader') ?? team.members[0];
              return (
                <li key={team.id}>
                  <span className="group-avatar-circle" aria-hidden="true">
                    {initialOf(leader?.name ?? '?')}
                  </span>
                  <span className="group-team-who">
                    <strong>{leader?.name}</strong>
                    <span className="small">
                      {t('groupBuy.short', { count: team.seatsLeft })} ·{' '}
                      <time className="countdown" dateTime={team.deadline}>
                        {clockCountdown((Date.parse(team.deadline) - now) / 1000)}
                      </time>
                    </span>
                  </span>
                  <a className="button" href={lp(locale, teamPath(team.id))}>
                    {t('groupBuy.goJoin')}
                  </a>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
