import { useState } from 'react';
import { Link, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import QRCode from 'qrcode';
import { ApiError, apiFor } from '../lib/api.server';
import { activityProduct, mySeatIn, shippingAddress, takeSeat } from '../lib/group-buy.server';
import { activityPath, canLeave, initialOf, MY_GROUP_BUYS_PATH, teamPath, type GroupBuyActivity, type GroupBuyTeam } from '../lib/group-buy';
import { clockCountdown, money } from '../lib/format';
import { localeOfPath, lp, pick } from '../lib/locale';
import { currentCustomer } from '../lib/session.server';
import { useLocale } from '../lib/hooks';
import { metaT, seo } from '../lib/seo';
import { useFlashNow } from '../lib/use-flash';
import { useHydrated } from '../lib/use-hydrated';
import { GroupShipping, SeatForm } from '../components/GroupBuy';
import { IMAGE_SIZES, Img } from '../components/Img';
import { Notice } from '../components/Notice';
import { isUuid } from '../lib/ids';

/** Hydrated: the countdown ticks. */
export const handle = { hydrate: true };


/**
 * The team page (拼团详情), the link a leader shares: members as avatars, empty seats, seats left and
 * the countdown, the state, 参团, and the share card (link and QR code). Personal: never cached.
 */
export async function loader({ request, context, url, params }: LoaderFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  const api = apiFor(context, locale);
  const id = params.id ?? '';
  const notFound = () => new Response('Not Found', { status: 404 });
  if (!isUuid(id)) throw notFound();
  let team: GroupBuyTeam;
  try {
    team = await api.get<GroupBuyTeam>(`/api/store/group-buys/teams/${id}`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) throw notFound();
    throw err;
  }
  const [{ activity }, customer] = await Promise.all([api.get<{ activity: GroupBuyActivity }>(`/api/store/group-buys/${team.activityId}`), currentCustomer(context, request, locale)]);
  const [product, address, seat] = await Promise.all([activityProduct(api, activity, locale), shippingAddress(api, customer !== null, locale), mySeatIn(api, customer !== null, team.id)]);
  const here = lp(locale, teamPath(id));
  // The API gives a path; friends need the whole address (as the invite page does).
  const link = new URL(lp(locale, team.sharePath), url.origin).href;
  // Server-rendered SVG: no script, no image request, no inline style (the CSP forbids them).
  const qr = await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return {
    serverNow: context.now().toISOString(),
    team,
    activity: { id: activity.id, name: pick(activity.name, locale), teamSize: activity.teamSize, paused: activity.status !== 'active' },
    product,
    signedIn: customer !== null,
    mine: seat !== null,
    // 退团 is asked on 我的拼团 (the question, then the refund told there).
    leaveHref: seat && canLeave(seat, team.msLeft) ? `${lp(locale, MY_GROUP_BUYS_PATH)}?leave=${team.id}#seat-${seat.orderId}` : null,
    address,
    link,
    qr,
    loginHref: `${lp(locale, '/account/login')}?next=${encodeURIComponent(here)}`,
    addressesHref: `${lp(locale, '/account/addresses')}?next=${encodeURIComponent(here)}`,
  };
}

export async function action({ request, context, url, params }: ActionFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  const id = isUuid(params.id ?? '') ? params.id : '00000000-0000-4000-8000-000000000000';
  return takeSeat(context, request, url, locale, `/api/store/group-buys/teams/${id}/join`);
}

export const meta: MetaFunction = (args) => {
  const t = metaT(args);
  return seo(args, { title: t('meta.groupTeamTitle'), description: t('meta.groupDescription'), noindex: true });
};

export default function TeamPage() {
  const page = useLoaderData<typeof loader>();
  const { locale, t } = useLocale();
  const now = useFlashNow(page.serverNow);
  const { team, product } = page;
  const msLeft = Date.parse(team.deadline) - now;
  const open = team.state === 'open' && msLeft > 0;
  const option = product?.options[0] ?? null;
  const seats = Array.from({ length: team.size }, (_, i) => team.members[i] ?? null);

  return (
    <div className="narrow group-team">
      <h1>{t('groupBuy.teamHeading')}</h1>
      {team.state === 'filled' ? <Notice kind="success">{t('groupBuy.filled')}</Notice> : null}
      {team.state === 'failed' ? <Notice kind="error">{t('groupBuy.failed')}</Notice> : null}

      {product ? (
        <section className="panel group-product" aria-label={product.title}>
          <a href={lp(locale, `/p/${product.slug}`)} className="group-product-img" tabIndex={-1} aria-hidden="true">
            {product.image ? <Img src={product.image.url} width={product.image.width} height={product.image.height} alt="" sizes={IMAGE_SIZES.thumb} /> : <span className="img-placeholder" />}
          </a>
          <div>
            <a href={lp(locale, activityPath(page.activity.id))} className="group-product-title">
              {product.title}
            </a>
            {option ? (
              <p className="flash-item-price">
                <span className="group-size">{t('groupBuy.teamSize', { count: page.activity.teamSize })}</span> <strong>{money(option.groupPrice, locale)}</strong>{' '}
                <s className="muted">
                  <span className="sr-only">{t('product.listPrice')} </span>
                  {money(option.price, locale)}
                </s>
              </p>
            ) : null}
          </div>
        </section>
      ) : null}

      <section className="panel group-seats-panel" aria-labelledby="group-seats">
        <h2 id="group-seats" className="sr-only">
          {t('groupBuy.members')}
        </h2>
        {/* A failed team has no one left in it (every seat refunded): no circles to draw. */}
        {team.state === 'failed' ? null : (
          <ul className="group-seats">
            {seats.map((m, i) =>
              m ? (
                <li key={i} className={`group-avatar${m.paid ? '' : ' unpaid'}`}>
                  <span className="group-avatar-circle" aria-hidden="true">
                    {initialOf(m.name)}
                  </span>
                  {m.role === 'leader' ? <span className="group-leader-badge">{t('groupBuy.leader')}</span> : null}
                  <span className="small">{m.name}</span>
                  {m.paid ? null : <span className="muted small">{t('groupBuy.unpaid')}</span>}
                </li>
              ) : (
                <li key={i} className="group-avatar vacant">
                  <span className="group-avatar-circle" aria-hidden="true">
                    ?
                  </span>
                  <span className="sr-only">{t('groupBuy.emptySeat')}</span>
                </li>
              ),
            )}
          </ul>
        )}
        {open ? (
          <p className="group-clock">
            <strong>{t('groupBuy.seatsLeft', { count: team.seatsLeft })}</strong>{' '}
            <span>{t('groupBuy.endsIn')}</span>{' '}
            <time className="countdown" dateTime={team.deadline} aria-live="off">
              {clockCountdown(msLeft / 1000)}
            </time>
          </p>
        ) : team.state === 'open' ? (
          <p className="group-clock muted">{t('groupBuy.closing')}</p>
        ) : null}
        {open && page.mine ? <p className="group-mine">{t('groupBuy.youAreIn')}</p> : null}
        {open && page.leaveHref ? (
          <p className="group-own">
            <Link to={page.leaveHref} className="button secondary">
              {t('myGroupBuys.leave')}
            </Link>
          </p>
        ) : null}
        {open && team.seatsLeft > 0 && product && !page.activity.paused && !page.mine ? (
          <>
            <GroupShipping signedIn={page.signedIn} address={page.address} loginHref={page.loginHref} addressesHref={page.addressesHref} />
            <SeatForm
              words={t('groupBuy.join')}
              options={product.options}
              leader={false}
              signedIn={page.signedIn}
              address={page.address}
              loginHref={page.loginHref}
              addressesHref={page.addressesHref}
              activityHref={activityPath(page.activity.id)}
            />
          </>
        ) : null}
        {!open ? (
          <p className="group-own">
            <a className="button secondary" href={lp(locale, activityPath(page.activity.id))}>
              {t('groupBuy.openOwn')}
            </a>
          </p>
        ) : null}
      </section>

      {open ? (
        <section className="panel invite-card group-share" aria-labelledby="group-share">
          <h2 id="group-share">{t('groupBuy.shareHeading')}</h2>
          <p className="muted small">{t('groupBuy.shareHint')}</p>
          <div className="inline-field">
            <label htmlFor="group-link" className="sr-only">
              {t('groupBuy.shareLink')}
            </label>
            <input id="group-link" readOnly value={page.link} onFocus={(e) => e.currentTarget.select()} />
            <CopyButton link={page.link} />
          </div>
          <figure className="invite-qr">
            <div className="qr" role="img" aria-label={t('groupBuy.qrAlt')} dangerouslySetInnerHTML={{ __html: page.qr }} />
            <figcaption className="muted small">{t('invite.qrHint')}</figcaption>
          </figure>
        </section>
      ) : null}

      {page.signedIn ? (
        <p className="group-links">
          <Link to={lp(locale, MY_GROUP_BUYS_PATH)}>{t('myGroupBuys.link')}</Link>
          <Link to={lp(locale, '/orders')}>{t('groupBuy.myOrders')}</Link>
        </p>
      ) : null}
    </div>
  );
}


/** Once the page runs: a button that copies the team link (as the invite page's). */
function CopyButton({ link }: { link: string }) {
  const { t } = useLocale();
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);
  if (!hydrated) return null;
  return (
    <>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          void navigator.clipboard?.writeText(link).then(() => setCopied(true), () => setCopied(false));
        }}
      >
        {copied ? t('invite.copied') : t('invite.copy')}
      </button>
      <span className="sr-only" role="status">
        {copied ? t('invite.copied') : ''}
      </span>
    </>
  );
}
