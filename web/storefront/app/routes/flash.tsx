import { useMemo } from 'react';
import { data, Link, redirect, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type ShouldRevalidateFunction } from 'react-router';
import { ApiError, apiFor, mutatingApiFor } from '../lib/api.server';
import { flashProducts, flashRounds } from '../lib/flash.server';
import { phaseOf, roundPath, roundTime, type FlashBuyResult, type FlashClaim, type FlashPageRound } from '../lib/flash';
import { storeTimeZone } from '../lib/store-zone.server';
import { clockCountdown } from '../lib/format';
import { fields } from '../lib/forms';
import { localeOfPath, lp, pick } from '../lib/locale';
import { currentCustomer, requireCustomer } from '../lib/session.server';
import { tFor } from '../i18n';
import { useLocale } from '../lib/hooks';
import { metaT, seo } from '../lib/seo';
import { useFlashNow, useUnitsLeft } from '../lib/use-flash';
import { variantLabel } from '../lib/variants';
import { addressLine } from '../components/AddressFields';
import { FlashItemCard } from '../components/FlashItemCard';
import { Empty } from '../components/Notice';
import type { Address } from '../lib/types';
import { isUuid } from '../lib/ids';

/** Hydrated: the countdowns tick, units left are polled, and buying stays on the page. */
export const handle = { hydrate: true };


/**
 * The round page (秒杀会场): every published round not yet over as a tab, the chosen one's items
 * with flash price, units taken and per-customer limit, and the buy button. Rounds come from the
 * API's one shared answer a second; products from the bridge's cached reads. Personal (who is
 * signed in, their address): never cached.
 */
export async function loader({ request, context, url }: LoaderFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  const api = apiFor(context, locale);
  const [rounds, timeZone, customer] = await Promise.all([flashRounds(api, context), storeTimeZone(context, locale), currentCustomer(context, request, locale)]);
  const [products, addresses] = await Promise.all([
    flashProducts(api, rounds.flatMap((r) => r.items.map((i) => i.productId))),
    customer ? api.get<{ items: Address[] }>('/api/store/me/addresses').then((r) => r.items) : Promise.resolve([] as Address[]),
  ]);
  const now = context.now();
  const t = tFor(locale);
  const pageRounds: FlashPageRound[] = rounds
    .map((r) => ({
      id: r.id,
      name: pick(r.name, locale),
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      label: roundTime(r.startsAt, now, locale, timeZone, t),
      endsLabel: roundTime(r.endsAt, now, locale, timeZone, t),
      items: r.items.flatMap((i) => {
        const p = products.get(i.productId);
        const v = p?.variants.find((x) => x.id === i.variantId);
        if (!p || !v) return [];
        return [{ ...i, slug: p.slug, title: pick(p.title, locale), variantLabel: variantLabel(p, v, locale), image: p.image, price: v.price }];
      }),
    }))
    .filter((r) => r.items.length > 0);
  const wanted = url.searchParams.get('round');
  const selected = pageRounds.find((r) => r.id === wanted) ?? pageRounds.find((r) => phaseOf(r, now.getTime()) === 'live') ?? pageRounds[0] ?? null;
  const address = addresses.find((a) => a.isDefault) ?? addresses[0] ?? null;
  const here = selected ? lp(locale, roundPath(selected.id)) : lp(locale, '/flash');
  return {
    serverNow: now.toISOString(),
    rounds: pageRounds,
    selectedId: selected?.id ?? null,
    signedIn: customer !== null,
    address: address ? { id: address.id, who: `${address.recipientName} ${address.mobile}`, line: addressLine(pick(address.region, locale), address.detail, locale) } : null,
    loginHref: `${lp(locale, '/account/login')}?next=${encodeURIComponent(here)}`,
    addressesHref: `${lp(locale, '/account/addresses')}?next=${encodeURIComponent(here)}`,
  };
}

/**
 * 立即抢: a buy token, then the attempt with it, in one round trip from the page — the shopper's
 * default address goes with it, for the order made from a win. A refusal comes back with its code
 * (the page words it); a guest is sent to sign in and back.
 */
export async function action({ request, context, url }: ActionFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  await requireCustomer(context, request, url, locale);
  const f = fields(await request.formData(), ['itemId', 'quantity', 'addressId']);
  const itemId = isUuid(f.itemId) ? f.itemId : '';
  const quantity = Math.min(99, Math.max(1, Number.parseInt(f.quantity, 10) || 1));
  const addressId = isUuid(f.addressId) ? f.addressId : undefined;
  if (!itemId) return data({ itemId: f.itemId.slice(0, 64), claim: null, error: { code: 'NOT_FOUND', message: tFor(locale)('flash.refusals.other') } } satisfies FlashBuyResult, { status: 400 });
  try {
    const api = await mutatingApiFor(context, request, locale);
    const { token } = await api.get<{ token: string }>(`/api/store/flash-sales/items/${itemId}/token`);
    const claim = await api.post<FlashClaim>(`/api/store/flash-sales/items/${itemId}/buy`, { quantity, token, ...(addressId ? { addressId } : {}) });
    return { itemId, claim, error: null } satisfies FlashBuyResult;
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (err.status === 401) throw redirect(`${lp(locale, '/account/login')}?next=${encodeURIComponent(url.pathname + url.search)}`);
    // A refusal is an answer the page words, not a failed request (a 4xx would be logged as one in the browser).
    return data({ itemId, claim: null, error: { code: err.code, message: err.message } } satisfies FlashBuyResult, { status: err.status >= 500 ? 502 : 200 });
  }
}

/** A buy attempt changes nothing the page loaded (units left come from polling): no reload of the page after it. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) => (formMethod === 'POST' ? false : defaultShouldRevalidate);

export const meta: MetaFunction = (args) => {
  const t = metaT(args);
  return seo(args, { title: t('meta.flashTitle'), description: t('meta.flashDescription'), path: '/flash' });
};

export default function FlashPage() {
  const page = useLoaderData<typeof loader>();
  const { locale, t } = useLocale();
  const now = useFlashNow(page.serverNow);
  const round = page.rounds.find((r) => r.id === page.selectedId) ?? null;
  const initialLeft = useMemo(() => Object.fromEntries(page.rounds.flatMap((r) => r.items.map((i) => [i.id, i.left] as const))), [page.rounds]);
  const left = useUnitsLeft(initialLeft, round !== null && phaseOf(round, now) !== 'ended');

  if (!round) {
    return (
      <>
        <h1>{t('flash.heading')}</h1>
        <Empty title={t('flash.none')} hint={t('flash.noneHint')}>
          <p>
            <a className="button" href={lp(locale, '/')}>
              {t('errors.backHome')}
            </a>
          </p>
        </Empty>
      </>
    );
  }

  const phase = phaseOf(round, now);
  const target = phase === 'upcoming' ? round.startsAt : round.endsAt;
  return (
    <div className="flash-page">
      <h1>{t('flash.heading')}</h1>
      <nav aria-label={t('flash.rounds')} className="flash-tabs">
        <ul>
          {page.rounds.map((r) => {
            const p = phaseOf(r, now);
            const current = r.id === round.id;
            return (
              <li key={r.id}>
                <Link to={lp(locale, roundPath(r.id))} className={`flash-tab${current ? ' selected' : ''}`} aria-current={current ? 'true' : undefined} preventScrollReset replace>
                  <strong>{r.label}</strong>{' '}
                  <span>{t(`flash.state.${p}`)}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <section aria-labelledby="flash-round" className="flash-round">
        <div className="flash-round-head">
          <h2 id="flash-round">{round.name}</h2>
          {phase === 'ended' ? (
            <p className="flash-clock">{t('flash.roundEnded')}</p>
          ) : (
            <p className="flash-clock">
              <span>{phase === 'upcoming' ? t('flash.startsIn') : t('flash.endsIn')}</span>{' '}
              <time className="countdown" dateTime={target} aria-live="off">
                {clockCountdown((Date.parse(target) - now) / 1000)}
              </time>
              <span className="muted small"> · {phase === 'upcoming' ? t('flash.startsAt', { time: round.label }) : t('flash.endsAt', { time: round.endsLabel })}</span>
            </p>
          )}
        </div>

        <Shipping signedIn={page.signedIn} address={page.address} loginHref={page.loginHref} addressesHref={page.addressesHref} />

        <ul className="flash-items">
          {round.items.map((item) => (
            <FlashItemCard
              key={item.id}
              item={{ ...item, left: left[item.id] ?? item.left }}
              round={round}
              now={now}
              signedIn={page.signedIn}
              addressId={page.address?.id ?? null}
              loginHref={page.loginHref}
              addressesHref={page.addressesHref}
            />
          ))}
        </ul>
      </section>
    </div>
  );
}

/** Where a win is sent: the default address (with a link to change it), or what to do first. */
function Shipping({ signedIn, address, loginHref, addressesHref }: { signedIn: boolean; address: { who: string; line: string } | null; loginHref: string; addressesHref: string }) {
  const { t } = useLocale();
  if (!signedIn) {
    return (
      <p className="flash-ship">
        {t('flash.signInFirst')} <Link to={loginHref}>{t('flash.signIn')}</Link>
      </p>
    );
  }
  if (!address) {
    return (
      <p className="flash-ship flash-ship-missing" role="note">
        {t('flash.addressFirst')} <Link to={addressesHref}>{t('flash.addAddress')}</Link>
      </p>
    );
  }
  return (
    <p className="flash-ship">
      <span className="muted">{t('flash.shipTo')}</span> <strong>{address.who}</strong> {address.line}{' '}
      <Link to={addressesHref} aria-label={t('flash.changeAddressLabel')}>
        {t('flash.changeAddress')}
      </Link>
    </p>
  );
}
