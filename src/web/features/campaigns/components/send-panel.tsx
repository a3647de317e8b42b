// Sending a saved draft: a test to one address, then now or at a local time in a time zone (managers).
import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { useCampaignAction, useTestSend } from '../api/campaigns';

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function SendPanel({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [to, setTo] = useState('');
  const [sendAt, setSendAt] = useState('');
  const [zone, setZone] = useState(browserZone());
  const test = useTestSend(campaignId);
  const action = useCampaignAction(campaignId);
  const schedule = (later: boolean) =>
    action.mutate({ action: 'schedule', timeZone: zone, ...(later && sendAt ? { sendAt } : {}) }, { onSuccess: () => navigate(`/campaigns/${campaignId}/report`) });
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Text fw={600}>{t('campaigns.send.title')}</Text>
        <Group align="flex-end" wrap="wrap">
          <TextInput style={{ flex: 1, minWidth: 200 }} type="email" label={t('campaigns.send.testTo')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
          <Button variant="default" loading={test.isPending} disabled={!to} onClick={() => test.mutate(to, { onSuccess: () => notifications.show({ message: t('campaigns.send.testQueued') }) })}>{t('campaigns.send.test')}</Button>
        </Group>
        {test.isError && <ErrorAlert error={test.error} />}
        <Group align="flex-end" wrap="wrap">
          <TextInput type="datetime-local" label={t('campaigns.send.at')} value={sendAt} onChange={(e) => setSendAt(e.currentTarget.value.slice(0, 16))} style={{ minWidth: 200 }} />
          <TextInput label={t('campaigns.send.zone')} value={zone} onChange={(e) => setZone(e.currentTarget.value)} style={{ minWidth: 160 }} />
          <Button variant="light" disabled={!sendAt} loading={action.isPending} onClick={() => schedule(true)} data-testid="schedule-campaign">{t('campaigns.send.schedule')}</Button>
        </Group>
        {action.isError && <ErrorAlert error={action.error} />}
        <Button onClick={() => schedule(false)} loading={action.isPending} data-testid="send-now">{t('campaigns.send.now')}</Button>
      </Stack>
    </Card>
  );
}
