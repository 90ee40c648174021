import { Button, Flex, Typography } from 'antd';
import { LeftOutlined, RightOutlined, VerticalRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Keyset pages have no total: first / previous / next and the page number we are on. */
export function Pager(props: { pageNumber: number; isFirstPage: boolean; hasNext: boolean; loading?: boolean; onFirst(): void; onPrevious(): void; onNext(): void }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap align="center" justify="flex-end" style={{ marginTop: 16 }}>
      <Button size="small" icon={<VerticalRightOutlined />} disabled={props.isFirstPage || props.loading} onClick={props.onFirst}>
        {t('pager.first')}
      </Button>
      <Button size="small" icon={<LeftOutlined />} disabled={props.isFirstPage || props.loading} onClick={props.onPrevious}>
        {t('pager.previous')}
      </Button>
      <Typography.Text type="secondary">{t('pager.page', { n: props.pageNumber })}</Typography.Text>
      <Button size="small" disabled={!props.hasNext || props.loading} onClick={props.onNext}>
        {t('pager.next')} <RightOutlined />
      </Button>
    </Flex>
  );
}
