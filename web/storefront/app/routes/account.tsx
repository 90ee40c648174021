import { data, Form, Link, useActionData, useLoaderData, useNavigation, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { ApiError, mutatingApiFor } from '../lib/api.server';
import { checkedFields, checks, fields, problemFieldErrors } from '../lib/forms';
import { useFormCheck } from '../lib/use-form-check';
import { FieldError, invalidProps } from '../components/FieldError';
import { localeOfPath, lp } from '../lib/locale';
import { requireCustomer } from '../lib/session.server';
import { useLocale } from '../lib/hooks';
import { metaT, seo } from '../lib/seo';
import { Notice } from '../components/Notice';
import { MY_GROUP_BUYS_PATH } from '../lib/group-buy';

export const handle = { hydrate: true };

export async function loader({ request, context, url }: LoaderFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  return { customer: await requireCustomer(context, request, url, locale) };
}

/** Changing the password signs out every other session (the API revokes them); this one stays. */
export async function action({ request, context, url }: ActionFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  await requireCustomer(context, request, url, locale);
  const f = fields(await request.formData(), ['currentPassword', 'newPassword']);
  const errors = checks.changePassword(f);
  if (Object.keys(errors).length) return data({ error: null, errors, changed: false }, { status: 422 });
  try {
    const api = await mutatingApiFor(context, request, locale);
    await api.post('/api/store/me/password', { currentPassword: f.currentPassword, newPassword: f.newPassword });
    return { error: null, errors: {}, changed: true };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const errors = problemFieldErrors(err);
    return data({ error: Object.keys(errors).length ? null : err.message, errors, changed: false }, { status: err.status });
  }
}

export const meta: MetaFunction = (args) => {
  const t = metaT(args);
  return seo(args, { title: t('meta.accountTitle'), description: t('meta.privateDescription'), noindex: true });
};

export default function AccountPage() {
  const { customer } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { locale, t } = useLocale();
  const check = useFormCheck(checks.changePassword, checkedFields.changePassword, result?.errors);
  return (
    <div className="narrow">
      <h1>{t('account.hello', { name: customer.name ?? customer.email ?? customer.mobile ?? '' })}</h1>
      <dl className="summary panel">
        {customer.email ? (
          <div>
            <dt>{t('account.email')}</dt>
            <dd>{customer.email}</dd>
          </div>
        ) : null}
        {customer.mobile ? (
          <div>
            <dt>{t('account.mobile')}</dt>
            <dd>{customer.mobile}</dd>
          </div>
        ) : null}
      </dl>
      <ul className="menu">
        <li>
          <Link to={lp(locale, '/account/member')}>{t('member.link')}</Link>
        </li>
        <li>
          <Link to={lp(locale, '/account/invite')}>{t('invite.link')}</Link>
        </li>
        <li>
          <Link to={lp(locale, '/coupons')}>{t('coupons.centre')}</Link>
        </li>
        <li>
          <Link to={lp(locale, '/orders')}>{t('account.orders')}</Link>
        </li>
        <li>
          <Link to={lp(locale, MY_GROUP_BUYS_PATH)}>{t('myGroupBuys.link')}</Link>
        </li>
        <li>
          <Link to={lp(locale, '/account/addresses')}>{t('account.addresses')}</Link>
        </li>
      </ul>
      <Form method="post" className="panel stack" noValidate onSubmit={check.onSubmit}>
        <h2>{t('account.changePassword')}</h2>
        {result?.error ? <Notice kind="error">{result.error}</Notice> : null}
        {result?.changed ? <Notice kind="success">{t('account.passwordChanged')}</Notice> : null}
        <div className="field">
          <label htmlFor="currentPassword">{t('account.currentPassword')}</label>
          <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required maxLength={128} {...invalidProps('currentPassword', check.errors)} />
          <FieldError name="currentPassword" errors={check.errors} />
        </div>
        <div className="field">
          <label htmlFor="newPassword">{t('account.newPassword')}</label>
          <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" required minLength={8} maxLength={128} {...invalidProps('newPassword', check.errors)} />
          <FieldError name="newPassword" errors={check.errors} />
        </div>
        <button type="submit" className="secondary" disabled={navigation.state !== 'idle'}>
          {t('account.changePassword')}
        </button>
      </Form>
      <Form method="post" action={lp(locale, '/account/logout')}>
        <button type="submit" className="secondary block">
          {t('account.logout')}
        </button>
      </Form>
    </div>
  );
}
