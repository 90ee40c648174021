import { Alert, Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../app/api';

/** Shown instead of a screen the role may not use (the server would answer 403 anyway). */
export function Forbidden() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return <Result status="403" title={<PageTitle>{t('errors.forbiddenTitle')}</PageTitle>} subTitle={t('errors.forbidden')} extra={<Button onClick={() => navigate('/')}>{t('common.backHome')}</Button>} />;
}

export function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return <Result status="404" title={<PageTitle>{t('errors.notFoundTitle')}</PageTitle>} subTitle={t('errors.notFound')} extra={<Button onClick={() => navigate('/')}>{t('common.backHome')}</Button>} />;
}

/** The result's title is the page's one level-1 heading, in the result's own type size. */
function PageTitle({ children }: { children: string }) {
  return <h1 style={{ font: 'inherit', color: 'inherit', margin: 0 }}>{children}</h1>;
}

/** A failed load: 403 and 404 get their own page, anything else the server's message and a retry. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 403) return <Forbidden />;
  if (error instanceof ApiError && error.status === 404) return <NotFound />;
  return (
    <Alert
      type="error"
      showIcon
      title={t('errors.loadFailed')}
      description={errorText(error, t)}
      action={onRetry ? <Button size="small" onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}

/** The words to show for a failed request: the server's message (already in the UI language) or a fallback. */
export function errorText(error: unknown, t: (key: string) => string): string {
  if (error instanceof ApiError) {
    if (error.status === 403 && error.code === 'FORBIDDEN') return t('errors.forbidden');
    const fields = error.problem.errors?.map((e) => `${e.path}: ${e.message}`).join('; ');
    return fields ? `${error.problem.detail} (${fields})` : error.problem.detail;
  }
  if (error instanceof TypeError) return t('errors.network');
  return error instanceof Error ? error.message : String(error);
}
