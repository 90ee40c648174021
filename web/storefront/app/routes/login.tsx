import { data, Form, Link, redirect, useActionData, useNavigation, useSearchParams, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { ApiError } from '../lib/api.server';
import { signIn } from '../lib/auth.server';
import { checkedFields, checks, fields, problemFieldErrors } from '../lib/forms';
import { useFormCheck } from '../lib/use-form-check';
import { FieldError, invalidProps } from '../components/FieldError';
import { localeOfPath, lp } from '../lib/locale';
import { currentCustomer, safeNext } from '../lib/session.server';
import { useLocale } from '../lib/hooks';
import { metaT, seo } from '../lib/seo';
import { Notice } from '../components/Notice';
import type { AuthResult } from '../lib/types';

export const handle = { hydrate: true };

export async function loader({ request, context, url }: LoaderFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  if (await currentCustomer(context, request, locale)) throw redirect(safeNext(url.searchParams.get('next'), lp(locale, '/account')));
  return null;
}

export async function action({ request, context, url }: ActionFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  const f = fields(await request.formData(), ['identifier', 'password', 'next']);
  const errors = checks.login(f);
  if (Object.keys(errors).length) return data({ error: null, errors, identifier: f.identifier }, { status: 422 });
  try {
    return await signIn(context, request, locale, (api) => api.post<AuthResult>('/api/store/auth/login', { identifier: f.identifier, password: f.password }), f.next || url.searchParams.get('next'));
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const errors = problemFieldErrors(err);
    return data({ error: Object.keys(errors).length ? null : err.message, errors, identifier: f.identifier }, { status: err.status });
  }
}

export const meta: MetaFunction = (args) => {
  const t = metaT(args);
  return seo(args, { title: t('meta.loginTitle'), description: t('meta.privateDescription'), noindex: true });
};

export default function LoginPage() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const { locale, t } = useLocale();
  const next = params.get('next') ?? '';
  const keep = next ? `?next=${encodeURIComponent(next)}` : '';
  const check = useFormCheck(checks.login, checkedFields.login, result?.errors);
  return (
    <div className="narrow">
      <h1>{t('account.loginHeading')}</h1>
      {next ? <Notice>{t('account.loginRequired')}</Notice> : null}
      {params.get('reset') ? <Notice kind="success">{t('account.resetDone')}</Notice> : null}
      {result?.error ? <Notice kind="error">{result.error}</Notice> : null}
      <Form method="post" className="panel stack" noValidate onSubmit={check.onSubmit}>
        <input type="hidden" name="next" value={next} />
        <div className="field">
          <label htmlFor="identifier">{t('account.identifier')}</label>
          <input id="identifier" name="identifier" autoComplete="username" required maxLength={254} defaultValue={result?.identifier} {...invalidProps('identifier', check.errors)} />
          <FieldError name="identifier" errors={check.errors} />
        </div>
        <div className="field">
          <label htmlFor="password">{t('account.password')}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required maxLength={128} {...invalidProps('password', check.errors)} />
          <FieldError name="password" errors={check.errors} />
        </div>
        <button type="submit" className="primary block" disabled={navigation.state !== 'idle'}>
          {t('account.login')}
        </button>
        <p className="muted small">{t('account.demoHint')}</p>
      </Form>
      <p>
        {t('account.noAccount')} <Link to={`${lp(locale, '/account/register')}${keep}`}>{t('account.register')}</Link>
      </p>
      <p>
        <Link to={lp(locale, '/account/reset')}>{t('account.forgot')}</Link>
      </p>
    </div>
  );
}
