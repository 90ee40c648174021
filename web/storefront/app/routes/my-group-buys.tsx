import { data, Form, Link, useActionData, useLoaderData, useNavigation, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { ApiError, apiFor, mutatingApiFor } from '../lib/api.server';
import { flashProducts } from '../lib/flash.server';
import { fields } from '../lib/forms';
import { clockCountdown, dateTime, money } from '../lib/format';
import { canLeave, MY_GROUP_BUYS_PATH, teamPath, type MyGroupBuyTeam, type SeatState, type TeamState } from '../lib/group-buy';
import { isUuid } from '../lib/ids';
import { localeOfPath, lp, pick } from '../lib/locale';
import { requireCustomer } from '../lib/session.server';
import { storeTimeZone } from '../lib/store-zone.server';
import { useLocale } from '../lib/hooks';
import { metaT, seo } from '../lib/seo';
import { useFlashNow } from '../lib/use-flash';
import { IMAGE_SIZES, Img } from '../components/Img';
import { Empty, Notice } from '../components/Notice';

/** Hydrated: the teams' countdowns tick. */
export const handle = { hydrate: true };

/** A team of mine as this page shows it. */
interface Row {
  teamId: string;
  name: string;
  product: { title: string; image: { url: string; width: number; height: number } | null } | null;
  state: TeamState;
  size: number;
  seatsLeft: number;
  deadline: string;
  role: 'leader' | 'member';
  seat: SeatState;
  orderId: string;
  paidAmount: number;
  refundedAmount: number;
}

/**
 * 我的拼团: the teams the shopper opened or joined, newest first — state, seats left and the countdown,
 * their seat and their order's money, the way to the team and the order; 退团 for a paid member of a
 * team still forming, confirmed first (`?leave=<team id>` shows the question: no script needed).
 * Personal: never cached.
 */
export async function loader({ request, context, url }: LoaderFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  await requireCustomer(context, request, url, locale);
  const api = apiFor(context, locale);
  const [{ items }, timeZone] = await Promise.all([api.get<{ items: MyGroupBuyTeam[] }>('/api/store/me/group-buys'), storeTimeZone(context, locale)]);
  // Public product reads the bridge keeps under the catalog's tags: one per product, no query when cached.
  const products = await flashProducts(api, items.map((m) => m.productId));
  const rows: Row[] = items.map((m) => {
    const p = products.get(m.productId);
    return {
      teamId: m.team.id,
      name: pick(m.activityName, locale),
      product: p ? { title: pick(p.title, locale), image: p.image } : null,
      state: m.team.state,
      size: m.team.size,
      seatsLeft: m.team.seatsLeft,
      deadline: m.team.deadline,
      role: m.role,
      seat: m.seat,
      orderId: m.orderId,
      paidAmount: m.paidAmount,
      refundedAmount: m.refundedAmount,
    };
  });
  const leave = url.searchParams.get('leave');
  return { serverNow: context.now().toISOString(), rows, timeZone, confirming: leave && isUuid(leave) ? leave : null };
}

/** 退团: the API refunds the paid order in full; the answer tells the refund as the order now stands. */
export async function action({ request, context, url }: ActionFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  await requireCustomer(context, request, url, locale);
  const f = fields(await request.formData(), ['intent', 'teamId']);
  if (f.intent !== 'leave' || !isUuid(f.teamId)) return data({ left: null, error: null }, { status: 400 });
  try {
    const api = await mutatingApiFor(context, request, locale);
    await api.post(`/api/store/group-buys/teams/${f.teamId}/leave`, {});
    const mine = (await api.get<{ items: MyGroupBuyTeam[] }>('/api/store/me/group-buys')).items.find((m) => m.team.id === f.teamId && m.seat === 'refunded');
    return { left: { teamId: f.teamId, amount: mine?.paidAmount ?? 0, done: mine ? mine.refundedAmount >= mine.paidAmount : false }, error: null };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return data({ left: null, error: err.message }, { status: err.status >= 500 ? 502 : 200 });
  }
}

export const meta: MetaFunction = (args) => {
  const t = metaT(args);
  return seo(args, { title: t('meta.myGroupBuysTitle'), description: t('meta.privateDescription'), noindex: true });
};

export default function MyGroupBuysPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { locale, t } = useLocale();
  const now = useFlashNow(page.serverNow);
  const here = lp(locale, MY_GROUP_BUYS_PATH);
  const left = result?.left ?? null;

  return (
    <div className="narrow my-group-buys">
      <h1>{t('myGroupBuys.heading')}</h1>
      {result?.error ? <Notice kind="error">{result.error}</Notice> : null}
      {left ? (
        <Notice kind="success">{t(left.done ? 'myGroupBuys.leftRefunded' : 'myGroupBuys.leftRefunding', { amount: money(left.amount, locale) })}</Notice>
      ) : null}
      {page.rows.length === 0 ? (
        <Empty title={t('myGroupBuys.empty')} hint={t('myGroupBuys.emptyHint')}>
          <p>
            <a className="button" href={lp(locale, '/')}>
              {t('errors.backHome')}
            </a>
          </p>
        </Empty>
      ) : (
        <ul className="my-teams">
          {page.rows.map((r) => {
            const msLeft = Date.parse(r.deadline) - now;
            // Out of a team still forming (left it, or the order cancelled before paying): over for me.
            const out = r.state === 'open' && (r.seat === 'refunded' || r.seat === 'released');
            const open = r.state === 'open' && msLeft > 0 && !out;
            const state = out ? 'left' : r.state === 'open' && !open ? 'closing' : r.state;
            const leavable = canLeave({ role: r.role, seat: r.seat, team: { state: r.state } }, msLeft);
            const confirming = leavable && page.confirming === r.teamId && !left;
            return (
              <li key={`${r.teamId}.${r.orderId}`} id={`seat-${r.orderId}`} className="panel my-team">
                <div className="group-product">
                  <span className="group-product-img" aria-hidden="true">
                    {r.product?.image ? <Img src={r.product.image.url} width={r.product.image.width} height={r.product.image.height} alt="" sizes={IMAGE_SIZES.thumb} /> : <span className="img-placeholder" />}
                  </span>
                  <div className="my-team-main">
                    <p className="my-team-head">
                      <span className={`team-state team-${state}`}>{t(`myGroupBuys.state.${state}`)}</span>
                      {r.role === 'leader' ? <span className="group-leader-badge inline">{t('groupBuy.leader')}</span> : null}
                      <span className="muted small">{t('groupBuy.teamSize', { count: r.size })}</span>
                    </p>
                    <h2 className="my-team-title">
                      <Link to={lp(locale, teamPath(r.teamId))}>{r.product?.title ?? r.name}</Link>
                    </h2>
                    {r.product ? <p className="muted small">{r.name}</p> : null}
                    {open ? (
                      <p className="my-team-clock">
                        <strong>{t('groupBuy.short', { count: r.seatsLeft })}</strong> · <span>{t('groupBuy.endsIn')}</span>{' '}
                        <time className="countdown" dateTime={r.deadline} aria-live="off">
                          {clockCountdown(msLeft / 1000)}
                        </time>
                      </p>
                    ) : out ? null : (
                      <p className="muted small">{t('myGroupBuys.closedAt', { time: dateTime(r.deadline, locale, page.timeZone) })}</p>
                    )}
                    <p className={`my-team-seat seat-${r.seat}`}>{seatWords(r, t, locale)}</p>
                  </div>
                </div>
                <div className="my-team-actions">
                  <Link to={lp(locale, teamPath(r.teamId))} className="button secondary">
                    {t('myGroupBuys.viewTeam')}
                  </Link>
                  <Link to={lp(locale, `/orders/${r.orderId}`)} className="button secondary">
                    {t('myGroupBuys.viewOrder')}
                  </Link>
                  {leavable && !confirming ? (
                    <Link to={`${here}?leave=${r.teamId}#seat-${r.orderId}`} className="button secondary" preventScrollReset>
                      {t('myGroupBuys.leave')}
                    </Link>
                  ) : null}
                </div>
                {r.role === 'leader' && open ? <p className="muted small">{t('myGroupBuys.leaderStays')}</p> : null}
                {confirming ? (
                  <Form method="post" action={here} className="my-team-confirm" aria-labelledby={`leave-q-${r.teamId}`} preventScrollReset>
                    <p id={`leave-q-${r.teamId}`} role="alert">
                      {t('myGroupBuys.leaveConfirm', { amount: money(r.paidAmount, locale) })}
                    </p>
                    <input type="hidden" name="teamId" value={r.teamId} />
                    <div className="my-team-actions">
                      <button type="submit" name="intent" value="leave" className="primary" disabled={navigation.state !== 'idle'}>
                        {t('myGroupBuys.leaveYes')}
                      </button>
                      <Link to={here} className="button secondary" preventScrollReset>
                        {t('myGroupBuys.leaveNo')}
                      </Link>
                    </div>
                  </Form>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <p>
        <Link to={lp(locale, '/account')}>{t('myGroupBuys.backToAccount')}</Link>
      </p>
    </div>
  );
}

/** My seat in words: 待付款, 已付款 ¥x, released, refunding or refunded (what the order says). */
function seatWords(r: Row, t: ReturnType<typeof useLocale>['t'], locale: ReturnType<typeof useLocale>['locale']): string {
  if (r.seat === 'refunded') {
    const done = r.refundedAmount >= r.paidAmount;
    return t(done ? 'myGroupBuys.seat.refunded' : 'myGroupBuys.seat.refunding', { amount: money(done ? r.refundedAmount : r.paidAmount, locale) });
  }
  if (r.seat === 'paid') return t('myGroupBuys.seat.paid', { amount: money(r.paidAmount, locale) });
  return t(`myGroupBuys.seat.${r.seat}`);
}
