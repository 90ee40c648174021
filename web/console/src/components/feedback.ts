import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from './ErrorState';

/** Toasts for actions: success in the UI language, failures with the server's message. */
export function useFeedback() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return {
    ok: (text: string) => void message.success(text),
    fail: (error: unknown) => void message.error(errorText(error, t), 6),
    message,
  };
}
