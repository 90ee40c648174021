import { useState } from 'react';
import { Link, useLoaderData, useSearchParams, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import QRCode from 'qrcode';
import { apiFor } from '../lib/api.server';
import { storeTimeZone } from '../lib/store-zone.server';
import { date, money } from '../lib/format';
import { localeOfPath, lp } from '../lib/locale';
import { requireCustomer } from '../lib/session.server';
import { useHydrated } from '../lib/use-hydrated';
import { useLocale } from '../lib/hooks';
import { metaT, seo } from '../lib/seo';
import { Empty, Notice } from '../components/Notice';
import { rewardText, type InviteReward as Reward } from '../lib/referral';

export const handle = { hydrate: true };

type ReferralState = 'pending' | 'qualified' | 'rewarded' | 'rejected';
interface MyReferral {
  code: string;
  link: string;
  invited: Record<ReferralState, number>;
  rewards: { points: number; coupons: number };
  recent: Array<{ who: string; state: ReferralState; reason: string | null; boundAt: string; settledAt: string | null }>;
  rules: { enabled: boolean; inviter: Reward; invitee: Reward; refundWindowDays: number; minFirstOrder: number; monthlyLimit: number };
}

/** The invite page (邀请有礼): my code, my link to copy and as a QR code, the rules, and the friends who came. */
export async function loader({ request, context, url }: LoaderFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  await requireCustomer(context, request, url, locale);
  const [mine, timeZone] = await Promise.all([apiFor(context, locale).get<MyReferral>('/api/store/me/referral'), storeTimeZone(context, locale)]);
  // The API gives a path when the store has no PUBLIC_URL: made absolute from this request's address.
  const link = new URL(mine.link, url.origin).href;
  // Server-rendered SVG: no script, no image request, and no inline style (the CSP forbids them).
  const qr = await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { ...mine, link, qr, timeZone };
}

export const meta: MetaFunction = (args) => {
  const t = metaT(args);
  return seo(args, { title: t('meta.inviteTitle'), description: t('meta.privateDescription'), noindex: true });
};

export default function InvitePage() {
  const r = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { locale, t } = useLocale();
  const rules = r.rules;
  return (
    <div className="narrow invite">
      <h1>{t('invite.heading')}</h1>
      {params.get('welcome') ? <Notice kind="success">{t('invite.welcome', { reward: rewardText(rules.invitee, locale, t), days: rules.refundWindowDays })}</Notice> : null}
      {!rules.enabled ? <Notice>{t('invite.off')}</Notice> : null}

      <section className="panel invite-card" aria-labelledby="invite-code">
        <p className="muted small">{t('invite.codeLabel')}</p>
        <p id="invite-code" className="invite-code">
          {r.code}
        </p>
        <CopyLink link={r.link} />
        <figure className="invite-qr">
          <div className="qr" role="img" aria-label={t('invite.qrAlt')} dangerouslySetInnerHTML={{ __html: r.qr }} />
          <figcaption className="muted small">{t('invite.qrHint')}</figcaption>
        </figure>
      </section>

      <section className="panel" aria-labelledby="invite-rules">
        <h2 id="invite-rules">{t('invite.rulesHeading')}</h2>
        <ol className="invite-rules">
          <li>{t('invite.ruleShare')}</li>
          <li>
            {rules.minFirstOrder > 0
              ? t('invite.ruleFirstOrderMin', { amount: money(rules.minFirstOrder, locale), days: rules.refundWindowDays })
              : t('invite.ruleFirstOrder', { days: rules.refundWindowDays })}
          </li>
          <li>{t('invite.ruleRewards', { inviter: rewardText(rules.inviter, locale, t), invitee: rewardText(rules.invitee, locale, t) })}</li>
          {rules.monthlyLimit > 0 ? <li>{t('invite.ruleLimit', { count: rules.monthlyLimit })}</li> : null}
          <li>{t('invite.ruleGuard')}</li>
        </ol>
      </section>

      <section className="panel" aria-labelledby="invite-friends">
        <h2 id="invite-friends">{t('invite.friendsHeading')}</h2>
        <dl className="summary">
          <div>
            <dt>{t('invite.invitedCount')}</dt>
            <dd>{r.invited.pending + r.invited.qualified + r.invited.rewarded + r.invited.rejected}</dd>
          </div>
          <div>
            <dt>{t('invite.rewardedCount')}</dt>
            <dd>{r.invited.rewarded}</dd>
          </div>
          <div>
            <dt>{t('invite.earned')}</dt>
            <dd className="invite-earned">
              {t('invite.earnedValue', { points: r.rewards.points })}
              {r.rewards.coupons ? ` · ${t('invite.earnedCoupons', { count: r.rewards.coupons })}` : ''}
            </dd>
          </div>
        </dl>
        {r.recent.length ? (
          <ul className="invite-friends">
            {r.recent.map((f, i) => (
              <li key={`${f.boundAt}-${i}`}>
                <span>{f.who}</span>
                <time className="muted small">{date(f.boundAt, locale, r.timeZone)}</time>
                <span className={`state state-${f.state}`}>{t(`invite.state.${f.state}`)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <Empty title={t('invite.noFriends')} />
        )}
      </section>

      <p>
        <Link to={lp(locale, '/account')}>{t('member.back')}</Link>
      </p>
    </div>
  );
}

/** The link in a field that selects itself, and — once the page runs — a button that copies it. */
function CopyLink({ link }: { link: string }) {
  const { t } = useLocale();
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);
  return (
    <div className="inline-field">
      <label htmlFor="invite-link" className="sr-only">
        {t('invite.linkLabel')}
      </label>
      <input id="invite-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      {hydrated ? (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(link).then(() => setCopied(true), () => setCopied(false));
          }}
        >
          {copied ? t('invite.copied') : t('invite.copy')}
        </button>
      ) : null}
      <span className="sr-only" role="status">
        {copied ? t('invite.copied') : ''}
      </span>
    </div>
  );
}
