import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { ArrowLeftOutlined, BarChartOutlined, ExportOutlined, PauseCircleOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api';
import { useLoad } from '../../app/hooks';
import { useSession } from '../../app/session';
import { pick } from '../../i18n';
import { ErrorState } from '../../components/ErrorState';
import { useFeedback } from '../../components/feedback';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import type { Campaign, CouponTemplate, Promotion } from '../../types';
import { BlocksField } from './BlocksField';
import { ChannelLinks } from './ChannelLinks';
import { CAMPAIGN_CHANNELS, CAMPAIGN_KINDS, SLUG, bodyOf, emptyCampaign, valuesOf, type CampaignValues } from './campaign-form';
import { KindTag, StateTag, StatusTag, channelLabel } from './campaign-tags';

const money = { min: 0, max: 1_000_000_000, precision: 2, prefix: '¥', style: { width: '100%' } } as const;
const count = { min: 0, max: 100_000_000, precision: 0, style: { width: '100%' } } as const;

/**
 * One campaign: create (/marketing/campaigns/new) or edit (/marketing/campaigns/:id) everything the
 * contract holds — names, window and member-day recurrence, the landing page's blocks, its promotions
 * and coupons, budget and goals, channels — then publish or pause it and copy each channel's link.
 */
export default function CampaignEditScreen() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const navigate = useNavigate();
  const { can } = useSession();
  const feedback = useFeedback();
  const writable = can('marketing.manage');
  const [form] = Form.useForm<CampaignValues>();
  const kind = Form.useWatch('kind', form);
  const loaded = useLoad(() => (id ? api.get<Campaign>(`/campaigns/${id}`) : Promise.resolve(undefined)), [id]);
  const promotions = useLoad(() => api.get<{ items: Promotion[] }>('/promotions').then((r) => r.items), []);
  const templates = useLoad(() => api.get<{ items: CouponTemplate[] }>('/coupon-templates').then((r) => r.items), []);
  const [campaign, setCampaign] = useState<Campaign>();
  const [busy, setBusy] = useState<'save' | 'status' | null>(null);

  useEffect(() => {
    if (!id) {
      setCampaign(undefined);
      form.resetFields();
      form.setFieldsValue(emptyCampaign());
    } else if (loaded.data) {
      setCampaign(loaded.data);
      form.resetFields();
      form.setFieldsValue(valuesOf(loaded.data));
    }
  }, [id, loaded.data, form]);

  const templateOptions = (templates.data ?? []).map((c) => ({ value: c.id, label: pick(c.name) }));
  const promotionOptions = (promotions.data ?? []).map((p) => ({ value: p.id, label: `${pick(p.name)} · ${pick(p.description)}` }));

  /** Saves the form (create or whole-campaign PATCH); the saved campaign, or null when it did not validate or the API refused. */
  const save = async (): Promise<Campaign | null> => {
    let values: CampaignValues;
    try {
      values = await form.validateFields();
    } catch {
      return null;
    }
    setBusy('save');
    try {
      const body = bodyOf(values);
      const saved = campaign ? await api.patch<Campaign>(`/campaigns/${campaign.id}`, body) : await api.post<Campaign>('/campaigns', body);
      setCampaign(saved);
      form.resetFields();
      form.setFieldsValue(valuesOf(saved));
      if (!campaign) {
        feedback.ok(t('campaigns.created'));
        navigate(`/marketing/campaigns/${saved.id}`, { replace: true });
      } else feedback.ok(t('common.savedOk'));
      return saved;
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'CAMPAIGN_SLUG_TAKEN' || err.code === 'CAMPAIGN_SLUG_LOCKED')) form.setFields([{ name: 'slug', errors: [err.message] }]);
      feedback.fail(err);
      return null;
    } finally {
      setBusy(null);
    }
  };

  /** Publish (or publish again) / pause; unsaved edits are saved first, so what goes live is what is on screen. */
  const setStatus = async (action: 'publish' | 'pause') => {
    if (!campaign) return;
    let current: Campaign | null = campaign;
    if (form.isFieldsTouched()) current = await save();
    if (!current) return;
    setBusy('status');
    try {
      const next = await api.post<Campaign>(`/campaigns/${current.id}/${action}`);
      setCampaign(next);
      feedback.ok(t(action === 'publish' ? 'campaigns.publishedOk' : 'campaigns.pausedOk'));
    } catch (err) {
      feedback.fail(err);
    } finally {
      setBusy(null);
    }
  };

  if (id && loaded.error) return <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (id && !campaign) return <Loading />;

  const statusButton = campaign && writable ? (
    campaign.status === 'published' ? (
      <Button icon={<PauseCircleOutlined />} loading={busy === 'status'} onClick={() => void setStatus('pause')}>{t('campaigns.pause')}</Button>
    ) : (
      <Button icon={<SendOutlined />} loading={busy === 'status'} onClick={() => void setStatus('publish')}>
        {campaign.status === 'paused' ? t('campaigns.republish') : t('campaigns.publish')}
      </Button>
    )
  ) : null;

  return (
    <>
      <PageHeader
        title={campaign ? pick(campaign.name) : t('campaigns.create')}
        sub={campaign ? <Space size={4} wrap><KindTag kind={campaign.kind} /><StatusTag status={campaign.status} /><StateTag state={campaign.state} /></Space> : t('campaigns.subtitle')}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/marketing/campaigns')}>{t('campaigns.back')}</Button>
            {campaign ? <Button icon={<BarChartOutlined />} onClick={() => navigate(`/marketing/campaigns/${campaign.id}/report`)}>{t('campaigns.report')}</Button> : null}
            {statusButton}
            {writable ? <Button type="primary" loading={busy === 'save'} onClick={() => void save()}>{t('common.save')}</Button> : null}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        {/* On a phone the status and the links come first: they are what an operator opens it for on the go. */}
        <Col xs={{ span: 24, order: 2 }} xl={{ span: 16, order: 1 }}>
          <Form form={form} layout="vertical" disabled={!writable} onFinish={() => void save()} scrollToFirstError>
            <Card title={t('campaigns.basics')} style={{ marginBottom: 16 }}>
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item name="slug" label={t('campaigns.slug')} extra={t('campaigns.slugHelp')} rules={[{ required: true, message: t('form.required') }, { pattern: SLUG, message: t('form.slug') }]}>
                    {/* Once published the links are out: the server keeps the slug (CAMPAIGN_SLUG_LOCKED). */}
                    <Input autoCapitalize="off" spellCheck={false} disabled={campaign?.status === 'published'} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="kind" label={t('campaigns.kind')} rules={[{ required: true }]}>
                    <Select options={CAMPAIGN_KINDS.map((k) => ({ value: k, label: t(`campaigns.kinds.${k}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="nameZh" label={t('campaigns.nameZh')} rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 80 }]}><Input /></Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="nameEn" label={t('campaigns.nameEn')} rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 80 }]}><Input /></Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="summaryZh" label={t('campaigns.summaryZh')} rules={[{ max: 200 }]}><Input /></Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="summaryEn" label={t('campaigns.summaryEn')} rules={[{ max: 200 }]}><Input /></Form.Item>
                </Col>
              </Row>
              <Typography.Text type="secondary">{t('campaigns.summaryHelp')}</Typography.Text>
            </Card>

            <Card title={t('campaigns.timing')} style={{ marginBottom: 16 }}>
              <Form.Item
                name="window"
                label={t('campaigns.window')}
                rules={[
                  { required: true, message: t('form.required') },
                  { validator: (_, v: CampaignValues['window'] | undefined) => (!v || (v[0] && v[1] && v[1].isAfter(v[0])) ? Promise.resolve() : Promise.reject(new Error(t('form.required')))) },
                ]}
              >
                <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
              {kind === 'memberDay' ? (
                <Row gutter={12}>
                  <Col xs={12} md={8}>
                    <Form.Item name="monthDay" label={t('campaigns.monthDay')} extra={t('campaigns.monthDayHelp')}><InputNumber min={1} max={28} precision={0} style={{ width: '100%' }} /></Form.Item>
                  </Col>
                  <Col xs={12} md={8}>
                    <Form.Item name="hours" label={t('campaigns.hours')} extra={t('campaigns.hoursHelp')}><InputNumber min={1} max={24} precision={0} placeholder="24" style={{ width: '100%' }} /></Form.Item>
                  </Col>
                </Row>
              ) : null}
            </Card>

            <Card title={t('campaigns.content')} style={{ marginBottom: 16 }}>
              <Typography.Paragraph type="secondary">{t('campaigns.blocksHelp')}</Typography.Paragraph>
              <BlocksField templates={templateOptions} disabled={!writable} />
            </Card>

            <Card title={t('campaigns.levers')} style={{ marginBottom: 16 }}>
              <Form.Item name="promotionIds" label={t('campaigns.promotions')}>
                <Select mode="multiple" maxCount={50} allowClear showSearch={{ optionFilterProp: 'label' }} loading={promotions.loading} options={promotionOptions} placeholder={t('campaigns.pickMany')} />
              </Form.Item>
              <Form.Item name="couponTemplateIds" label={t('campaigns.couponTemplates')} extra={t('campaigns.leversHelp')}>
                <Select mode="multiple" maxCount={50} allowClear showSearch={{ optionFilterProp: 'label' }} loading={templates.loading} options={templateOptions} placeholder={t('campaigns.pickMany')} />
              </Form.Item>
            </Card>

            <Card title={t('campaigns.budgetGoals')} style={{ marginBottom: 16 }}>
              <Row gutter={12}>
                <Col xs={24} md={12}><Form.Item name="budget" label={t('campaigns.budget')}><InputNumber {...money} /></Form.Item></Col>
                <Col xs={24} md={12}><Form.Item name="goalGmv" label={t('campaigns.goalGmv')}><InputNumber {...money} /></Form.Item></Col>
                <Col xs={12} md={12}><Form.Item name="goalOrders" label={t('campaigns.goalOrders')}><InputNumber {...count} /></Form.Item></Col>
                <Col xs={12} md={12}><Form.Item name="goalNewCustomers" label={t('campaigns.goalNewCustomers')}><InputNumber {...count} /></Form.Item></Col>
              </Row>
            </Card>

            <Card title={t('campaigns.channelsTitle')} style={{ marginBottom: 16 }}>
              <Form.Item name="channels" extra={t('campaigns.channelsHelp')}>
                <Checkbox.Group options={CAMPAIGN_CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))} />
              </Form.Item>
            </Card>
            {writable ? <Button type="primary" htmlType="submit" loading={busy === 'save'}>{t('common.save')}</Button> : null}
          </Form>
        </Col>
        <Col xs={{ span: 24, order: 1 }} xl={{ span: 8, order: 2 }}>
          {campaign ? (
            <Alert
              style={{ marginBottom: 16 }}
              type={campaign.status === 'published' ? 'success' : campaign.status === 'paused' ? 'warning' : 'info'}
              title={t(`campaigns.${campaign.status}Hint`)}
              action={campaign.status === 'published' ? (
                <Button size="small" type="link" icon={<ExportOutlined />} href={`/campaigns/${campaign.slug}`} target="_blank" rel="noopener">{t('campaigns.viewPage')}</Button>
              ) : undefined}
            />
          ) : null}
          <Card title={t('campaigns.links')}>
            <Typography.Paragraph type="secondary">{t('campaigns.linksHelp')}</Typography.Paragraph>
            <ChannelLinks links={campaign?.links ?? []} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
