import { data, Form, redirect, useActionData, useNavigation, type ActionFunctionArgs, type MetaFunction } from 'react-router';
import { ApiError, apiFor } from '../lib/api.server';
import { fields } from '../lib/forms';
import { localeOfPath, lp } from '../lib/locale';
import { useLocale } from '../lib/hooks';
import { metaT, seo } from '../lib/seo';
import { Notice } from '../components/Notice';

export const handle = { hydrate: true };

/** Two steps on one page: ask for a code (sent to the account's email/phone), then set the password with it. */
export async function action({ request, context, url }: ActionFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  const f = fields(await request.formData(), ['intent', 'identifier', 'code', 'newPassword']);
  const api = apiFor(context, locale);
  try {
    if (f.intent === 'confirm') {
      await api.post('/api/store/auth/password-reset/confirm', { identifier: f.identifier, code: f.code, newPassword: f.newPassword });
      return redirect(`${lp(locale, '/account/login')}?reset=1`);
    }
    await api.post('/api/store/auth/password-reset', { identifier: f.identifier });
    return { sent: true, identifier: f.identifier, error: null };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return data({ sent: f.intent === 'confirm', identifier: f.identifier, error: err.message }, { status: err.status });
  }
}

export const meta: MetaFunction = (args) => {
  const t = metaT(args);
  return seo(args, { title: t('meta.resetTitle'), description: t('meta.privateDescription'), noindex: true });
};

export default function ResetPage() {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useLocale();
  const busy = navigation.state !== 'idle';
  return (
    <div className="narrow">
      <h1>{t('account.resetHeading')}</h1>
      {result?.error ? <Notice kind="error">{result.error}</Notice> : null}
      {result?.sent ? (
        <>
          <Notice kind="success">{t('account.codeSent')}</Notice>
          <Form method="post" className="panel stack">
            <input type="hidden" name="identifier" value={result.identifier} />
            <div className="field">
              <label htmlFor="code">{t('account.code')}</label>
              <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} required />
            </div>
            <div className="field">
              <label htmlFor="newPassword">{t('account.newPassword')}</label>
              <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" minLength={8} maxLength={128} required />
            </div>
            <button type="submit" name="intent" value="confirm" className="primary block" disabled={busy}>
              {t('account.setPassword')}
            </button>
          </Form>
        </>
      ) : (
        <Form method="post" className="panel stack">
          <p className="muted">{t('account.resetIntro')}</p>
          <div className="field">
            <label htmlFor="identifier">{t('account.identifier')}</label>
            <input id="identifier" name="identifier" autoComplete="username" required maxLength={254} defaultValue={result?.identifier} />
          </div>
          <button type="submit" name="intent" value="request" className="primary block" disabled={busy}>
            {t('account.sendCode')}
          </button>
        </Form>
      )}
    </div>
  );
}
