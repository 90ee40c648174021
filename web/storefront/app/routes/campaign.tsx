import { useEffect, useState } from 'react';
import { data, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { CAMPAIGNS_TAG } from '../../../../src/web-contract';
import { ApiError, apiFor, mutatingApiFor, orNull } from '../lib/api.server';
import { cachePage, catalogTags } from '../lib/cache.server';
import { storeTimeZone } from '../lib/store-zone.server';
import { countdown, date } from '../lib/format';
import { fields } from '../lib/forms';
import { localeOfPath, lp, pick } from '../lib/locale';
import { currentCustomer } from '../lib/session.server';
import { useLocale } from '../lib/hooks';
import { metaT, rootDataOf, seo } from '../lib/seo';
import { dictionaries } from '../i18n/dictionaries.server';
import { Img } from '../components/Img';
import { ProductGrid } from '../components/ProductCard';
import { Notice } from '../components/Notice';
import { CouponCard } from '../components/CouponCard';
import type { Campaign, Coupon } from '../lib/types';

/** Hydrated: the countdown ticks in the browser, and claiming a coupon stays on the page. */
export const handle = { hydrate: true };

/** The banner fills the page up to its 1200 px limit, less the page's padding (as the home banner). */
const BANNER_SIZES = '(min-width: 1200px) 1168px, calc(100vw - 32px)';
/** Coupon counts move with every claim: a cached landing page is at most this old. */
const LANDING_MAX_AGE_MS = 60_000;

/**
 * A campaign's landing page (活动页), server-rendered from its blocks; 404 unless published. The
 * page is the same for everyone (the page cache keeps it for anonymous visitors; the sk_utm cookie
 * from a tagged link is set by the store server around it).
 */
export async function loader({ params, context, url }: LoaderFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  const api = apiFor(context, locale);
  const slug = params.slug ?? '';
  const [campaign, timeZone] = await Promise.all([
    /^[a-z0-9][a-z0-9-]{1,62}$/.test(slug) ? orNull(api.get<Campaign>(`/api/store/campaigns/${slug}`)) : Promise.resolve(null),
    storeTimeZone(context, locale),
  ]);
  if (!campaign) throw data(dictionaries[locale].errors.notFound, { status: 404 });
  cachePage(context, [CAMPAIGNS_TAG, catalogTags.all], LANDING_MAX_AGE_MS);
  return { campaign, timeZone, renderedAt: new Date().toISOString() };
}

/** Claiming needs an account: a guest is sent to sign in and comes back to this page. */
export async function action({ request, context, url }: ActionFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  if (!(await currentCustomer(context, request, locale))) throw redirect(`${lp(locale, '/account/login')}?next=${encodeURIComponent(url.pathname)}`);
  const f = fields(await request.formData(), ['templateId']);
  try {
    const api = await mutatingApiFor(context, request, locale);
    const coupon = await api.post<Coupon>('/api/store/coupons/claim', { templateId: f.templateId });
    return { claimed: coupon.code, error: null };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return data({ claimed: null, error: err.message }, { status: err.status });
  }
}

export const meta: MetaFunction<typeof loader> = (args) => {
  if (!args.data) return [];
  const { campaign } = args.data;
  const t = metaT(args);
  const { locale } = rootDataOf(args);
  const name = pick(campaign.name, locale);
  const banner = campaign.blocks.find((b) => b.kind === 'banner');
  return seo(args, {
    title: name,
    description: campaign.summary ? pick(campaign.summary, locale) : t('meta.campaignDescription', { name }),
    path: `/campaigns/${campaign.slug}`,
    image: banner?.kind === 'banner' ? (banner.imageUrl ?? undefined) : undefined,
  });
};

/** What the countdown counts to: the (next occurrence's) start while upcoming, its end while live. */
function countdownTarget(c: Campaign): { to: string; kind: 'startsIn' | 'endsIn' } | null {
  const span = c.nextOccurrence ?? c;
  if (c.state === 'upcoming') return { to: span.startsAt, kind: 'startsIn' };
  if (c.state === 'live') return { to: span.endsAt, kind: 'endsIn' };
  return null;
}

/**
 * Seconds left: the server's figure at render (so the hydrated markup matches), then, in the
 * browser, counted to the target by the device's clock once a second — a page served from the page
 * cache was rendered up to a minute earlier.
 */
function useSecondsLeft(initial: number, target: string | null): number {
  const [left, setLeft] = useState(initial);
  useEffect(() => {
    if (!target) return;
    const end = Date.parse(target);
    const tick = () => setLeft(Math.max(0, Math.floor((end - Date.now()) / 1000)));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [target]);
  return left;
}

function Countdown({ campaign, renderedAt, title }: { campaign: Campaign; renderedAt: string; title: string | null }) {
  const { t } = useLocale();
  const target = countdownTarget(campaign);
  const initial = target ? Math.max(0, Math.floor((Date.parse(target.to) - Date.parse(renderedAt)) / 1000)) : 0;
  const left = useSecondsLeft(initial, target?.to ?? null);
  if (!target) return <p className="campaign-countdown muted">{t('campaign.ended')}</p>;
  const days = Math.floor(left / 86_400);
  return (
    <section className="campaign-countdown" aria-label={title ?? t(`campaign.${target.kind}`)}>
      {title ? <h2>{title}</h2> : null}
      <p>
        {/* A title of its own ("距活动结束") says what the time is; otherwise the page does. */}
        {title ? null : <span className="muted">{t(`campaign.${target.kind}`)} </span>}
        <time className="countdown" dateTime={target.to} aria-live="off">
          {days > 0 ? `${t('campaign.days', { count: days })} ${Math.floor((left % 86_400) / 3600)}:${countdown(left % 3600)}` : countdown(left)}
        </time>
      </p>
    </section>
  );
}

export default function CampaignPage() {
  const { campaign, timeZone, renderedAt } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { locale, t } = useLocale();
  const name = pick(campaign.name, locale);
  const hasBanner = campaign.blocks[0]?.kind === 'banner';
  const span = campaign.nextOccurrence ?? campaign;
  const when = t('campaign.window', { from: date(campaign.startsAt, locale, timeZone), to: date(new Date(Date.parse(campaign.endsAt) - 1).toISOString(), locale, timeZone) });
  return (
    <article className="campaign-page">
      {hasBanner ? null : <h1>{name}</h1>}
      {result?.error ? <Notice kind="error">{result.error}</Notice> : null}
      {result?.claimed ? (
        <Notice kind="success">
          {t('coupons.claimed', { code: result.claimed })} <Link to={lp(locale, '/account/member')}>{t('coupons.mine')}</Link>
        </Notice>
      ) : null}
      {campaign.blocks.map((b, i) => {
        switch (b.kind) {
          case 'banner':
            return (
              <section key={i} className={b.image ? 'hero hero-image campaign-banner' : 'hero campaign-banner'}>
                {b.image ? <Img src={b.image.url} width={b.image.width} height={b.image.height} alt="" eager={i === 0} sizes={BANNER_SIZES} /> : null}
                <div className="hero-text">
                  {i === 0 ? <h1>{pick(b.title, locale)}</h1> : <h2>{pick(b.title, locale)}</h2>}
                  {b.subtitle ? <p>{pick(b.subtitle, locale)}</p> : null}
                  <p className="campaign-when">
                    <span className={`badge campaign-state-${campaign.state}`}>{t(`campaign.${campaign.state}`)}</span> <span className="campaign-dates">{when}</span>
                  </p>
                </div>
              </section>
            );
          case 'text':
            return (
              <section key={i} className="campaign-text">
                {pick(b.body, locale)
                  .split(/\n{2,}/)
                  .map((para, j) => (
                    <p key={j}>
                      {para.split('\n').map((line, k) => (
                        <span key={k}>
                          {k > 0 ? <br /> : null}
                          {line}
                        </span>
                      ))}
                    </p>
                  ))}
              </section>
            );
          case 'products':
            return (
              <section key={i} className="campaign-products">
                <h2>{b.title ? pick(b.title, locale) : t('campaign.products')}</h2>
                {b.items.length ? <ProductGrid products={b.items} eagerCount={hasBanner ? 0 : 4} /> : <p className="muted">{t('campaign.noProducts')}</p>}
              </section>
            );
          case 'coupons':
            return (
              <section key={i} className="campaign-coupons">
                <h2>{b.title ? pick(b.title, locale) : t('campaign.coupons')}</h2>
                {b.items.length ? (
                  <ul className="coupon-centre">
                    {b.items.map((c) => (
                      <CouponCard key={c.id} coupon={c} timeZone={timeZone} />
                    ))}
                  </ul>
                ) : (
                  <p className="muted">{t('campaign.noCoupons')}</p>
                )}
              </section>
            );
          case 'countdown':
            return <Countdown key={i} campaign={campaign} renderedAt={renderedAt} title={b.title ? pick(b.title, locale) : null} />;
        }
      })}
      {campaign.nextOccurrence && campaign.state === 'upcoming' ? (
        <p className="muted">{t('campaign.nextOccurrence', { from: date(span.startsAt, locale, timeZone), to: date(new Date(Date.parse(span.endsAt) - 1).toISOString(), locale, timeZone) })}</p>
      ) : null}
    </article>
  );
}
