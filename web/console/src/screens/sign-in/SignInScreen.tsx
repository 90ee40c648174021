import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Flex, Form, Input, Segmented, Typography } from 'antd';
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { ApiError } from '../../app/api';
import { errorText } from '../../components/ErrorState';
import { setLanguage, type Language } from '../../i18n';

/** Staff sign-in (adminLogin). Afterwards the console goes back to the page that asked for it. */
export default function SignInScreen() {
  const { t, i18n } = useTranslation();
  const { state, signIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next = safeNext(params.get('next'));

  if (state.status === 'signedIn') return <Navigate to={next} replace />;

  const submit = async (v: { email: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(v.email.trim(), v.password);
      navigate(next, { replace: true });
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? t('signIn.wrong') : errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex component="main" vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: 'linear-gradient(160deg, #e8f0ff 0%, #f5f7fa 60%)' }}>
      <Card style={{ width: '100%', maxWidth: 380, boxShadow: '0 8px 24px rgba(0,0,0,0.08)' }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>{t('app.name')}</Typography.Title>
          <Segmented
            size="small"
            aria-label={t('app.language')}
            value={i18n.language === 'en' ? 'en' : 'zh-CN'}
            options={[{ label: '中文', value: 'zh-CN' }, { label: 'EN', value: 'en' }]}
            onChange={(v) => void setLanguage(v as Language)}
          />
        </Flex>
        <Typography.Paragraph type="secondary">{t('signIn.subtitle')}</Typography.Paragraph>
        {params.get('expired') ? <Alert style={{ marginBottom: 16 }} type="warning" showIcon title={t('signIn.expired')} /> : null}
        {error ? <Alert style={{ marginBottom: 16 }} type="error" showIcon title={error} /> : null}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="email" label={t('signIn.email')} rules={[{ required: true, message: t('signIn.emailRequired') }]}>
            <Input prefix={<MailOutlined />} autoComplete="username" autoFocus placeholder="admin@shopkeeper.local" />
          </Form.Item>
          <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('signIn.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('signIn.submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 16, fontSize: 12 }}>{t('signIn.footer')}</Typography.Text>
    </Flex>
  );
}

/** Only paths inside the console: `next` comes from the URL and must not send anyone elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/';
}
