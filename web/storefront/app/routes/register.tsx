import { data, Form, Link, redirect, useActionData, useLoaderData, useNavigation, useSearchParams, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { ApiError, apiFor } from '../lib/api.server';
import { signIn } from '../lib/auth.server';
import { channelOfUtm, landingUtm } from '../lib/attribution.server';
import { checkedFields, checks, fields, problemFieldErrors, REGISTER_API_NAMES } from '../lib/forms';
import { useFormCheck } from '../lib/use-form-check';
import { FieldError, invalidProps } from '../components/FieldError';
import { localeOfPath, lp } from '../lib/locale';
import { currentCustomer } from '../lib/session.server';
import { useLocale } from '../lib/hooks';
import { metaT, seo } from '../lib/seo';
import { Notice } from '../components/Notice';
import type { AuthResult } from '../lib/types';
import { rewardText, type InviteOffer } from '../lib/referral';
import { cleanInviteCode, clearInviteCookie, inviteCodeOf } from '../lib/invite.server';

export const handle = { hydrate: true };

export async function loader({ request, context, url }: LoaderFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  if (await currentCustomer(context, request, locale)) throw redirect(lp(locale, '/account'));
  const code = inviteCodeOf(request, url);
  // A code nobody has, or a store without invite rewards, shows no welcome (and is not sent on).
  const invite = code ? await apiFor(context, locale).get<InviteOffer>(`/api/store/referral/codes/${code}`).catch(() => null) : null;
  return { invite };
}

export async function action({ request, context, url }: ActionFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  const f = fields(await request.formData(), ['identifier', 'password', 'name', 'next', 'ref']);
  const errors = checks.register(f);
  if (Object.keys(errors).length) return data({ error: null, errors, identifier: f.identifier, name: f.name }, { status: 422 });
  const byEmail = f.identifier.includes('@');
  const body = {
    ...(byEmail ? { email: f.identifier } : { mobile: f.identifier }),
    password: f.password,
    name: f.name || undefined,
    locale,
    // The campaign the shopper arrived by (utm_source), else organic.
    channel: channelOfUtm(landingUtm(request)) ?? 'organic',
  };
  try {
    const code = cleanInviteCode(f.ref) ?? inviteCodeOf(request, url);
    const next = f.next || url.searchParams.get('next');
    const res = await signIn(context, request, locale, (api) => api.post<AuthResult>('/api/store/auth/register', body), async (auth) => {
      if (!code) return next;
      // Right after the account exists: the invite binds (or the API says why not — the account stands either way).
      const accepted = await apiFor(context, locale, auth.csrfToken)
        .post<{ state: string }>('/api/store/me/referral/accept', { code })
        .catch((err: unknown) => (err instanceof ApiError ? null : Promise.reject(err)));
      return next || (accepted && accepted.state !== 'rejected' ? `${lp(locale, '/account/invite')}?welcome=1` : null);
    });
    if (code) res.headers.append('set-cookie', clearInviteCookie(context.publicUrl));
    return res;
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const errors = problemFieldErrors(err, REGISTER_API_NAMES);
    return data({ error: Object.keys(errors).length ? null : err.message, errors, identifier: f.identifier, name: f.name }, { status: err.status });
  }
}

export const meta: MetaFunction = (args) => {
  const t = metaT(args);
  return seo(args, { title: t('meta.registerTitle'), description: t('meta.privateDescription'), noindex: true });
};

export default function RegisterPage() {
  const result = useActionData<typeof action>();
  const { invite } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const { locale, t } = useLocale();
  const next = params.get('next') ?? '';
  const check = useFormCheck(checks.register, checkedFields.register, result?.errors);
  return (
    <div className="narrow">
      <h1>{t('account.registerHeading')}</h1>
      {invite ? <Notice kind="success">{t('invite.registerWelcome', { inviter: invite.inviter, reward: rewardText(invite.invitee, locale, t) })}</Notice> : null}
      {result?.error ? <Notice kind="error">{result.error}</Notice> : null}
      <Form method="post" className="panel stack" noValidate onSubmit={check.onSubmit}>
        <input type="hidden" name="next" value={next} />
        {invite ? <input type="hidden" name="ref" value={invite.code} /> : null}
        <div className="field">
          <label htmlFor="identifier">{t('account.identifier')}</label>
          <input id="identifier" name="identifier" autoComplete="username" required maxLength={254} defaultValue={result?.identifier} {...invalidProps('identifier', check.errors)} />
          <FieldError name="identifier" errors={check.errors} />
        </div>
        <div className="field">
          <label htmlFor="password">{t('account.newPassword')}</label>
          <input id="password" name="password" type="password" autoComplete="new-password" required minLength={8} maxLength={128} {...invalidProps('password', check.errors)} />
          <FieldError name="password" errors={check.errors} />
        </div>
        <div className="field">
          <label htmlFor="name">{t('account.name')}</label>
          <input id="name" name="name" autoComplete="nickname" maxLength={60} defaultValue={result?.name} {...invalidProps('name', check.errors)} />
          <FieldError name="name" errors={check.errors} />
        </div>
        <button type="submit" className="primary block" disabled={navigation.state !== 'idle'}>
          {t('account.register')}
        </button>
      </Form>
      <p>
        {t('account.haveAccount')} <Link to={lp(locale, '/account/login')}>{t('account.login')}</Link>
      </p>
    </div>
  );
}
