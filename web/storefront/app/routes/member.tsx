import { data, Form, Link, useActionData, useLoaderData, useNavigation, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { ApiError, apiFor, mutatingApiFor } from '../lib/api.server';
import { storeTimeZone } from '../lib/store-zone.server';
import { date, money } from '../lib/format';
import { fields } from '../lib/forms';
import { localeOfPath, lp, pick } from '../lib/locale';
import { requireCustomer } from '../lib/session.server';
import { useLocale } from '../lib/hooks';
import { metaT, seo } from '../lib/seo';
import { Empty, Notice } from '../components/Notice';
import type { Coupon, Membership, PointsEntry, PointsSummary } from '../lib/types';

export const handle = { hydrate: true };

/** The member centre (会员中心): tier and the way to the next, benefits, points with their history and the daily check-in, coupons. */
export async function loader({ request, context, url }: LoaderFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  await requireCustomer(context, request, url, locale);
  const api = apiFor(context, locale);
  const [membership, points, history, coupons, timeZone] = await Promise.all([
    api.get<Membership>('/api/store/me/membership'),
    api.get<PointsSummary>('/api/store/me/points'),
    api.get<{ items: PointsEntry[] }>('/api/store/me/points/history', { limit: 10 }),
    api.get<{ items: Coupon[] }>('/api/store/me/coupons'),
    storeTimeZone(context, locale),
  ]);
  return { membership, points, history: history.items, coupons: coupons.items, timeZone };
}

export async function action({ request, context, url }: ActionFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  await requireCustomer(context, request, url, locale);
  const f = fields(await request.formData(), ['intent', 'birthday']);
  const api = await mutatingApiFor(context, request, locale);
  try {
    if (f.intent === 'checkIn') {
      const done = await api.post<{ points: number }>('/api/store/me/points/check-in');
      return { checkedIn: done.points, error: null };
    }
    if (f.intent === 'birthday') {
      await api.put('/api/store/me/membership/birthday', { birthday: f.birthday });
      return { birthdaySaved: true, error: null };
    }
    return data({ error: 'unknown intent' }, { status: 400 });
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return data({ error: err.message }, { status: err.status });
  }
}

export const meta: MetaFunction = (args) => {
  const t = metaT(args);
  return seo(args, { title: t('meta.memberTitle'), description: t('meta.privateDescription'), noindex: true });
};

export default function MemberCentre() {
  const { membership: m, points, history, coupons, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { locale, t } = useLocale();
  const b = m.tier.benefits;
  const reached = m.next ? Math.min(100, Math.round((m.growth / m.next.threshold) * 100)) : 100;
  const usable = coupons.filter((c) => c.status === 'available');
  return (
    <div className="narrow member">
      <h1>{t('member.heading')}</h1>
      {result?.error ? <Notice kind="error">{result.error}</Notice> : null}
      {result && 'checkedIn' in result && result.checkedIn ? <Notice kind="success">{t('member.checkedIn', { points: result.checkedIn })}</Notice> : null}
      {result && 'birthdaySaved' in result ? <Notice kind="success">{t('member.birthdaySaved')}</Notice> : null}

      <section className={`panel tier-card tier-${m.tier.code}`} aria-labelledby="tier-name">
        <p className="tier-label">{t('member.tier')}</p>
        <h2 id="tier-name">{pick(m.tier.name, locale)}</h2>
        <p>{t('member.growth', { growth: m.growth })}</p>
        {m.next ? (
          <>
            <progress className="progress" value={reached} max={100} aria-label={t('member.toNext', { needed: m.next.needed, tier: pick(m.next.name, locale) })} />
            <p className="muted">{t('member.toNext', { needed: m.next.needed, tier: pick(m.next.name, locale) })}</p>
          </>
        ) : (
          <p className="muted">{t('member.top')}</p>
        )}
        {m.tier.keep > 0 ? <p className="muted small">{t('member.keep', { keep: m.tier.keep })}</p> : null}
      </section>

      <section className="panel">
        <h2>{t('member.benefits')}</h2>
        <ul className="benefits">
          {b.pointsMultiplierBps > 10_000 ? <li>{t('member.multiplier', { times: b.pointsMultiplierBps / 10_000 })}</li> : null}
          {b.freeShipping ? <li>{t('member.freeShipping')}</li> : null}
          {b.memberDayPercentOff > 0 && m.memberDay ? <li>{t('member.memberDay', { day: m.memberDay, percent: b.memberDayPercentOff })}</li> : null}
          {b.birthdayPoints > 0 ? <li>{t('member.birthdayPoints', { points: b.birthdayPoints })}</li> : null}
          {b.birthdayCouponTemplateId ? <li>{t('member.birthdayCoupon')}</li> : null}
          {b.pointsMultiplierBps <= 10_000 && !b.freeShipping && !b.memberDayPercentOff && !b.birthdayPoints && !b.birthdayCouponTemplateId ? <li>{t('member.noBenefits')}</li> : null}
        </ul>
        {m.isMemberDay ? <p className="badge">{t('member.todayMemberDay')}</p> : null}
      </section>

      <section className="panel" aria-labelledby="points-heading">
        <h2 id="points-heading">{t('member.points')}</h2>
        <dl className="summary">
          <div>
            <dt>{t('member.balance')}</dt>
            <dd className="big">{points.balance}</dd>
          </div>
          <div>
            <dt>{t('member.worth')}</dt>
            <dd>{money(points.worth, locale)}</dd>
          </div>
          <div>
            <dt>{t('member.pending')}</dt>
            <dd>{points.pending}</dd>
          </div>
        </dl>
        {points.expiring[0] ? <p className="muted small">{t('member.expiring', { points: points.expiring[0].points, date: lastDay(points.expiring[0].at, locale, timeZone) })}</p> : null}
        <p className="muted small">{t('member.rate', { points: points.policy.pointsPerUnit, value: money(points.policy.unitValue, locale) })}</p>
        {points.policy.enabled && points.policy.checkIn > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="checkIn" />
            <button type="submit" className="secondary" disabled={points.checkedInToday || navigation.state !== 'idle'}>
              {points.checkedInToday ? t('member.checkedInToday') : t('member.checkIn', { points: points.policy.checkIn })}
            </button>
          </Form>
        ) : null}
        {history.length ? (
          <ul className="ledger">
            {history.map((e) => (
              <li key={e.id}>
                <span>{t(`member.kind.${e.kind}`)}</span>
                <time className="muted small">{date(e.at, locale, timeZone)}</time>
                <b className={e.delta > 0 || (e.delta === 0 && e.pendingDelta > 0) ? 'plus' : 'minus'}>
                  {e.delta !== 0 ? signed(e.delta) : `${signed(e.pendingDelta)} ${t('member.pendingShort')}`}
                </b>
              </li>
            ))}
          </ul>
        ) : (
          <Empty title={t('member.noPoints')} />
        )}
      </section>

      <section className="panel" aria-labelledby="coupons-heading">
        <h2 id="coupons-heading">{t('member.coupons', { count: usable.length })}</h2>
        {usable.length ? (
          <ul className="coupons">
            {usable.map((c) => (
              <li key={c.id} className="coupon">
                <b>{pick(c.description, locale)}</b>
                <span>{pick(c.name, locale)}</span>
                <code>{c.code}</code>
                <span className="muted small">{t('member.validUntil', { date: lastDay(c.validUntil, locale, timeZone) })}</span>
              </li>
            ))}
          </ul>
        ) : (
          <Empty title={t('member.noCoupons')} />
        )}
        <p>
          <Link to={lp(locale, '/coupons')}>{t('coupons.heading')}</Link>
        </p>
      </section>

      {!m.birthday ? (
        <Form method="post" className="panel stack">
          <h2>{t('member.birthdayHeading')}</h2>
          <p className="muted small">{t('member.birthdayOnce')}</p>
          <input type="hidden" name="intent" value="birthday" />
          <div className="field">
            <label htmlFor="birthday">{t('member.birthday')}</label>
            <input id="birthday" name="birthday" type="date" required />
          </div>
          <button type="submit" className="secondary" disabled={navigation.state !== 'idle'}>
            {t('member.saveBirthday')}
          </button>
        </Form>
      ) : null}

      <p>
        <Link to={lp(locale, '/account')}>{t('member.back')}</Link>
      </p>
    </div>
  );
}

/** Points expire at an instant (the start of a day, store time): the shopper is told the last day they can spend them. */
function lastDay(expiresAt: string, locale: Parameters<typeof date>[1], timeZone: string): string {
  return date(new Date(Date.parse(expiresAt) - 1).toISOString(), locale, timeZone);
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
