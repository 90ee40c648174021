import { useEffect, useState } from 'react';
import { Link, useActionData, useFetcher, useNavigate } from 'react-router';
import type { TFunction } from 'i18next';
import { buyState, failureKey, isRefusal, releaseKey, takenPercent, unitsLeft, type FlashBuyResult, type FlashPageItem, type FlashPageRound } from '../lib/flash';
import { money } from '../lib/format';
import { lp } from '../lib/locale';
import { useLocale } from '../lib/hooks';
import { orderNumberOf, useClaimWatch, type ClaimWatch } from '../lib/use-flash';
import { IMAGE_SIZES, Img } from './Img';

interface Props {
  item: FlashPageItem;
  round: FlashPageRound;
  now: number;
  signedIn: boolean;
  addressId: string | null;
  loginHref: string;
  addressesHref: string;
}

/**
 * One flash item: picture, title, flash price against the SKU's price, units taken, the limit, and
 * the button — 10:00 开抢 (waiting), 立即抢, 已抢光, 已结束. 立即抢 posts to the page (token, then the
 * attempt), then follows the won claim until its order is made and goes on to pay it.
 */
export function FlashItemCard({ item, round, now, signedIn, addressId, loginHref, addressesHref }: Props) {
  const { locale, t } = useLocale();
  const fetcher = useFetcher<FlashBuyResult>({ key: `flash-${item.id}` });
  // Without JavaScript the form posts as a document: the answer is then the page's action data.
  const posted = useActionData<FlashBuyResult>();
  const result = [fetcher.data, posted].find((r) => r?.itemId === item.id);
  const watch = useClaimWatch(result?.claim ?? null);
  const navigate = useNavigate();
  const [quantity, setQuantity] = useState(1);

  useEffect(() => {
    if (watch?.kind !== 'ordered') return;
    let gone = false;
    void orderNumberOf(watch.orderId).then((number) => {
      if (!gone) navigate(lp(locale, `/orders/${encodeURIComponent(number)}/pay`));
    });
    return () => {
      gone = true;
    };
  }, [watch, navigate, locale]);

  const state = buyState(round, item, now);
  const left = unitsLeft(item);
  const percent = takenPercent(item);
  const waiting = fetcher.state !== 'idle' || watch?.kind === 'waiting' || watch?.kind === 'slow' || watch?.kind === 'ordered';
  const most = Math.max(1, Math.min(item.perCustomerLimit, left));
  const product = lp(locale, `/p/${item.slug}?variant=${item.variantId}`);

  return (
    <li className="flash-item">
      <a href={product} className="flash-item-img" tabIndex={-1} aria-hidden="true">
        {item.image ? <Img src={item.image.url} width={item.image.width} height={item.image.height} alt="" sizes={IMAGE_SIZES.card} /> : <span className="img-placeholder" />}
      </a>
      <div className="flash-item-main">
        <a href={product} className="flash-item-title">
          {item.title}
        </a>
        {item.variantLabel ? <span className="muted small">{item.variantLabel}</span> : null}
        <p className="flash-item-price">
          <strong>{money(item.flashPrice, locale)}</strong>{' '}
          <s className="muted">
            <span className="sr-only">{t('product.listPrice')} </span>
            {money(item.price, locale)}
          </s>
        </p>
        <div className="flash-progress">
          <progress value={state === 'upcoming' ? 0 : percent} max={100} aria-hidden="true" />
          <span className="small">
            {state === 'upcoming' ? t('flash.stock', { count: item.stock }) : `${t('flash.taken', { percent })} · ${left > 0 ? t('flash.left', { count: left }) : t('flash.soldOut')}`}
          </span>
        </div>
        <p className="muted small flash-limit">{t('flash.limit', { count: item.perCustomerLimit })}</p>
        <fetcher.Form method="post" className="flash-buy">
          <input type="hidden" name="itemId" value={item.id} />
          {addressId ? <input type="hidden" name="addressId" value={addressId} /> : null}
          {state === 'live' && signedIn && addressId && item.perCustomerLimit > 1 && most > 1 ? (
            <label className="flash-qty">
              <span>{t('product.quantity')}</span>
              <select name="quantity" value={Math.min(quantity, most)} onChange={(e) => setQuantity(Number(e.target.value))}>
                {Array.from({ length: most }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <input type="hidden" name="quantity" value="1" />
          )}
          <BuyButton state={state} waiting={waiting} signedIn={signedIn} hasAddress={addressId !== null} title={item.title} startsAt={round.label} loginHref={loginHref} addressesHref={addressesHref} />
        </fetcher.Form>
        <Outcome result={result} watch={watch} item={item} round={round} t={t} ordersHref={lp(locale, '/orders')} addressesHref={addressesHref} />
      </div>
    </li>
  );
}

function BuyButton(props: { state: ReturnType<typeof buyState>; waiting: boolean; signedIn: boolean; hasAddress: boolean; title: string; startsAt: string; loginHref: string; addressesHref: string }) {
  const { t } = useLocale();
  const named = (words: string) => `${words} · ${props.title}`;
  if (props.state === 'upcoming') {
    const words = t('flash.startsAtButton', { time: props.startsAt });
    return (
      <button type="button" disabled aria-label={named(words)}>
        {words}
      </button>
    );
  }
  if (props.state === 'soldOut' || props.state === 'ended') {
    const words = t(props.state === 'soldOut' ? 'flash.soldOut' : 'flash.ended');
    return (
      <button type="button" disabled aria-label={named(words)}>
        {words}
      </button>
    );
  }
  if (!props.signedIn) {
    return (
      <Link to={props.loginHref} className="button">
        {t('flash.signInToBuy')}
      </Link>
    );
  }
  if (!props.hasAddress) {
    return (
      <Link to={props.addressesHref} className="button secondary">
        {t('flash.addAddressToBuy')}
      </Link>
    );
  }
  const words = props.waiting ? t('flash.buying') : t('flash.buy');
  return (
    <button type="submit" disabled={props.waiting} aria-busy={props.waiting || undefined} aria-label={named(words)}>
      {words}
    </button>
  );
}

/** What came of 立即抢: a refusal in the page's words, the claim on its way to an order, or a unit that went back. */
function Outcome({ result, watch, item, round, t, ordersHref, addressesHref }: { result: FlashBuyResult | undefined; watch: ClaimWatch | null; item: FlashPageItem; round: FlashPageRound; t: TFunction; ordersHref: string; addressesHref: string }) {
  if (result?.error) {
    const { code, message } = result.error;
    return (
      <p className="flash-outcome notice notice-error" role="alert">
        {isRefusal(code) ? t(`flash.refusals.${code}`, { limit: item.perCustomerLimit, time: round.label }) : message || t('flash.refusals.other')}
        {code === 'FLASH_ADDRESS_NEEDED' ? (
          <>
            {' '}
            <Link to={addressesHref}>{t('flash.addAddress')}</Link>
          </>
        ) : null}
      </p>
    );
  }
  if (!watch) return null;
  if (watch.kind === 'released') {
    const why = watch.reason === 'orderFailed' ? failureKey(watch.failure) : null;
    return (
      <p className="flash-outcome notice notice-error" role="alert">
        {t(releaseKey(watch.reason))}
        {why ? ` ${t(why.key)}` : null}
        {why?.address ? (
          <>
            {' '}
            <Link to={addressesHref}>{t('flash.addAddress')}</Link>
          </>
        ) : null}
      </p>
    );
  }
  if (watch.kind === 'unknown') {
    return (
      <p className="flash-outcome notice notice-success" role="status">
        {t('flash.wonLater')} <Link to={ordersHref}>{t('flash.myOrders')}</Link>
      </p>
    );
  }
  return (
    <p className="flash-outcome notice notice-success" role="status">
      {watch.kind === 'ordered' ? t('flash.toPay') : watch.kind === 'slow' ? t('flash.wonSlow') : t('flash.won')}
      {watch.kind === 'slow' ? (
        <>
          {' '}
          <Link to={ordersHref}>{t('flash.myOrders')}</Link>
        </>
      ) : null}
    </p>
  );
}
