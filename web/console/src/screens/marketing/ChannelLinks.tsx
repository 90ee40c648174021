import { Button, Empty, Flex, Input, List, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../components/feedback';
import type { Campaign } from '../../types';
import { channelLabel } from './campaign-tags';

/** The clipboard, or — where the page may not use it — selecting the text so the operator copies it. */
async function copy(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    input?.select();
    return false;
  }
}

/**
 * Without PUBLIC_URL the API gives paths; the console is served by the same store, so its own origin
 * makes them whole links an ad platform accepts.
 */
const absolute = (url: string) => new URL(url, window.location.origin).href;

/** Each channel's UTM-tagged landing link (from the API), read-only, with a copy button. */
export function ChannelLinks({ links }: { links: Campaign['links'] }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  if (!links.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('campaigns.noLinks')} />;
  return (
    <List
      size="small"
      dataSource={links}
      renderItem={(l) => {
        const name = channelLabel(t, l.channel);
        const inputId = `campaign-link-${l.channel}`;
        const url = absolute(l.url);
        return (
          <List.Item>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Typography.Text strong><label htmlFor={inputId}>{name}</label></Typography.Text>
              <Flex gap={8}>
                <Input id={inputId} readOnly value={url} onFocus={(e) => e.target.select()} />
                <Button
                  icon={<CopyOutlined />}
                  aria-label={t('campaigns.copyLink', { channel: name })}
                  title={t('campaigns.copyLink', { channel: name })}
                  onClick={async () => {
                    const ok = await copy(url, document.getElementById(inputId) as HTMLInputElement | null);
                    if (ok) feedback.ok(t('campaigns.copied', { channel: name }));
                    else feedback.message.warning(t('campaigns.copyFailed'));
                  }}
                />
              </Flex>
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}
