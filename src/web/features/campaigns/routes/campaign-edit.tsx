// A campaign's page while it is a draft: settings (audience, language, subject, throttle, cost, A/B subject), the
// block editor beside a live preview as a chosen contact, and sending once saved.
import { Card, Grid, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageHeader } from '../../../components/page-header';
import { useSegments } from '../../segments';
import { useCampaign, useSaveCampaign, type CampaignInput } from '../api/campaigns';
import { BlockEditor } from '../components/block-editor';
import { SendPanel } from '../components/send-panel';
import { TemplatePreview } from '../components/template-preview';

const blank = (lang: 'en' | 'zh-CN'): CampaignInput => ({
  name: '',
  segmentId: null,
  language: lang,
  subject: '',
  preheader: null,
  blocks: [{ type: 'heading', text: lang === 'zh-CN' ? '{{contact.givenName | "朋友"}}，您好！' : 'Hello {{contact.givenName | "there"}}!' }, { type: 'text', text: '' }],
  fromName: null,
  throttlePerMinute: 600,
  cost: 0,
  currency: 'CNY',
  attributionDays: 7,
  abSubject: null,
  abSharePercent: 0,
  abMetric: 'open',
  abWaitMinutes: 240,
});

export function CampaignEditRoute() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const existing = useCampaign(id);
  const segments = useSegments();
  const save = useSaveCampaign(id);
  const [form, setForm] = useState<CampaignInput>(() => blank(i18n.language.startsWith('zh') ? 'zh-CN' : 'en'));
  useEffect(() => {
    if (existing.data) {
      const { id: _id, status: _s, segmentName: _n, scheduledAt: _a, timeZone: _z, abWinner: _w, createdAt: _c, startedAt: _st, finishedAt: _f, stats: _x, ...input } = existing.data;
      setForm(input);
    }
  }, [existing.data]);
  if (id && existing.isPending) return <ListSkeleton />;
  if (existing.isError) return <ErrorAlert error={existing.error} onRetry={() => existing.refetch()} />;
  const locked = Boolean(existing.data && existing.data.status !== 'draft');
  const set = <K extends keyof CampaignInput>(k: K, v: CampaignInput[K]) => setForm((f) => ({ ...f, [k]: v }));
  const submit = () => save.mutate({ ...form, preheader: form.preheader || null, abSubject: form.abSubject || null, fromName: form.fromName || null }, { onSuccess: (c) => !id && navigate(`/campaigns/${c.id}`, { replace: true }) });
  return (
    <>
      <PageHeader title={form.name || t('campaigns.new')} />
      <Stack>
        <Card withBorder>
          <fieldset disabled={locked} style={{ border: 0, padding: 0, margin: 0 }}>
            <Grid>
              <Grid.Col span={{ base: 12, sm: 6 }}><TextInput label={t('campaigns.name')} required value={form.name} onChange={(e) => set('name', e.currentTarget.value)} data-testid="campaign-name" /></Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Select label={t('campaigns.audience')} placeholder={t('campaigns.chooseSegment')} data={(segments.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.memberCount.total})` }))} value={form.segmentId} onChange={(v) => set('segmentId', v)} searchable data-testid="campaign-segment" />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 8 }}><TextInput label={t('campaigns.subject')} required value={form.subject} onChange={(e) => set('subject', e.currentTarget.value)} data-testid="campaign-subject" /></Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <Select label={t('campaigns.language')} data={[{ value: 'en', label: 'English' }, { value: 'zh-CN', label: '中文' }]} value={form.language} onChange={(v) => v && set('language', v as 'en')} allowDeselect={false} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 8 }}><TextInput label={t('campaigns.preheader')} value={form.preheader ?? ''} onChange={(e) => set('preheader', e.currentTarget.value)} /></Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}><TextInput label={t('campaigns.fromName')} value={form.fromName ?? ''} onChange={(e) => set('fromName', e.currentTarget.value)} /></Grid.Col>
              <Grid.Col span={{ base: 6, sm: 3 }}><NumberInput label={t('campaigns.throttle')} min={1} max={100000} value={form.throttlePerMinute} onChange={(v) => set('throttlePerMinute', Number(v) || 1)} /></Grid.Col>
              <Grid.Col span={{ base: 6, sm: 3 }}><NumberInput label={t('campaigns.cost')} min={0} decimalScale={2} value={form.cost / 100} onChange={(v) => set('cost', Math.round(Number(v) * 100) || 0)} data-testid="campaign-cost" /></Grid.Col>
              <Grid.Col span={{ base: 6, sm: 3 }}><TextInput label={t('campaigns.currency')} maxLength={3} value={form.currency} onChange={(e) => set('currency', e.currentTarget.value.toUpperCase())} /></Grid.Col>
              <Grid.Col span={{ base: 6, sm: 3 }}><NumberInput label={t('campaigns.attributionDays')} min={1} max={90} value={form.attributionDays} onChange={(v) => set('attributionDays', Number(v) || 7)} /></Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}><TextInput label={t('campaigns.ab.subject')} description={t('campaigns.ab.hint')} value={form.abSubject ?? ''} onChange={(e) => set('abSubject', e.currentTarget.value)} /></Grid.Col>
              <Grid.Col span={{ base: 4, sm: 2 }}><NumberInput label={t('campaigns.ab.share')} min={0} max={50} suffix="%" value={form.abSharePercent} onChange={(v) => set('abSharePercent', Number(v) || 0)} /></Grid.Col>
              <Grid.Col span={{ base: 4, sm: 2 }}>
                <Select label={t('campaigns.ab.metric')} data={[{ value: 'open', label: t('campaigns.ab.open') }, { value: 'click', label: t('campaigns.ab.click') }]} value={form.abMetric} onChange={(v) => v && set('abMetric', v as 'open')} allowDeselect={false} />
              </Grid.Col>
              <Grid.Col span={{ base: 4, sm: 2 }}><NumberInput label={t('campaigns.ab.wait')} min={0} max={10080} value={form.abWaitMinutes} onChange={(v) => set('abWaitMinutes', Number(v) || 0)} /></Grid.Col>
            </Grid>
          </fieldset>
        </Card>
        <Grid>
          <Grid.Col span={{ base: 12, md: 6 }}><BlockEditor blocks={form.blocks} onChange={(b) => set('blocks', b)} disabled={locked} /></Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}><TemplatePreview subject={form.subject} preheader={form.preheader} blocks={form.blocks} language={form.language} /></Grid.Col>
        </Grid>
        {save.isError && <ErrorAlert error={save.error} />}
        {!locked && (
          <FormActions onCancel={() => navigate('/campaigns')} onSubmit={submit} loading={save.isPending} submitLabel={t('campaigns.save')} submitTestId="save-campaign" disabled={!form.name || !form.subject} />
        )}
        {id && existing.data?.status === 'draft' && <SendPanel campaignId={id} />}
      </Stack>
    </>
  );
}
