import { data, Form, redirect, useActionData, useNavigation, type ActionFunctionArgs, type MetaFunction } from 'react-router';
import { ApiError, apiFor } from '../lib/api.server';
import { checkedFields, checks, fields, problemFieldErrors } from '../lib/forms';
import { useFormCheck } from '../lib/use-form-check';
import { FieldError, invalidProps } from '../components/FieldError';
import type { FieldErrors } from '../lib/forms';
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
  const confirming = f.intent === 'confirm';
  const errors: FieldErrors = confirming ? checks.resetConfirm(f) : checks.resetRequest(f);
  if (Object.keys(errors).length) return data({ sent: confirming, identifier: f.identifier, error: null, errors }, { status: 422 });
  try {
    if (f.intent === 'confirm') {
      await api.post('/api/store/auth/password-reset/confirm', { identifier: f.identifier, code: f.code, newPassword: f.newPassword });
      return redirect(`${lp(locale, '/account/login')}?reset=1`);
    }
    await api.post('/api/store/auth/password-reset', { identifier: f.identifier });
    return { sent: true, identifier: f.identifier, error: null, errors: {} as FieldErrors };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const errors = problemFieldErrors(err);
    return data({ sent: confirming, identifier: f.identifier, error: Object.keys(errors).length ? null : err.message, errors }, { status: err.status });
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
  const confirm = useFormCheck(checks.resetConfirm, checkedFields.resetConfirm, result?.sent ? result.errors : undefined);
  const request = useFormCheck(checks.resetRequest, checkedFields.resetRequest, result?.sent ? undefined : result?.errors);
  return (
    <div className="narrow">
      <h1>{t('account.resetHeading')}</h1>
      {result?.error ? <Notice kind="error">{result.error}</Notice> : null}
      {result?.sent ? (
        <>
          <Notice kind="success">{t('account.codeSent')}</Notice>
          <Form method="post" className="panel stack" noValidate onSubmit={confirm.onSubmit}>
            <input type="hidden" name="identifier" value={result.identifier} />
            <div className="field">
              <label htmlFor="code">{t('account.code')}</label>
              <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} required {...invalidProps('code', confirm.errors)} />
              <FieldError name="code" errors={confirm.errors} />
            </div>
            <div className="field">
              <label htmlFor="newPassword">{t('account.newPassword')}</label>
              <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" minLength={8} maxLength={128} required {...invalidProps('newPassword', confirm.errors)} />
              <FieldError name="newPassword" errors={confirm.errors} />
            </div>
            <button type="submit" name="intent" value="confirm" className="primary block" disabled={busy}>
              {t('account.setPassword')}
            </button>
          </Form>
        </>
      ) : (
        <Form method="post" className="panel stack" noValidate onSubmit={request.onSubmit}>
          <p className="muted">{t('account.resetIntro')}</p>
          <div className="field">
            <label htmlFor="identifier">{t('account.identifier')}</label>
            <input id="identifier" name="identifier" autoComplete="username" required maxLength={254} defaultValue={result?.identifier} {...invalidProps('identifier', request.errors)} />
            <FieldError name="identifier" errors={request.errors} />
          </div>
          <button type="submit" name="intent" value="request" className="primary block" disabled={busy}>
            {t('account.sendCode')}
          </button>
        </Form>
      )}
    </div>
  );
}
