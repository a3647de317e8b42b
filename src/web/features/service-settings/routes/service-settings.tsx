// Service settings: business hours and holidays, SLA policies and routing rules (admins), agents' skills, capacity
// and away status (agents set their own away).
import { Paper, Tabs } from '@mantine/core';
import { IconArrowsSplit, IconCalendarTime, IconClockHour4, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '../../../components/list-skeleton';
import { PageHeader } from '../../../components/page-header';
import { useUrlParams } from '../../../hooks/use-url-params';
import { useMe } from '../../auth';
import { AgentsSection } from '../components/agents-section';
import { CalendarsSection } from '../components/calendars-section';
import { PoliciesSection } from '../components/policies-section';
import { RoutingSection } from '../components/routing-section';

const ADMIN_TABS = ['hours', 'policies', 'routing'];

export function ServiceSettingsRoute() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [p, setP] = useUrlParams(['tab'] as const, { tab: 'agents' });
  if (!me) return <PageSkeleton />;
  const admin = me.role === 'admin';
  const tab = !admin && ADMIN_TABS.includes(p.tab) ? 'agents' : p.tab;
  return (
    <>
      <PageHeader title={t('serviceSettings.title')} />
      <Tabs value={tab} onChange={(v) => setP({ tab: v })} keepMounted={false} data-testid="service-settings-tabs">
        <Tabs.List mb="md" style={{ flexWrap: 'wrap' }}>
          <Tabs.Tab value="agents" leftSection={<IconUsers size={16} />}>{t('serviceSettings.tabs.agents')}</Tabs.Tab>
          {admin && <Tabs.Tab value="hours" leftSection={<IconCalendarTime size={16} />}>{t('serviceSettings.tabs.hours')}</Tabs.Tab>}
          {admin && <Tabs.Tab value="policies" leftSection={<IconClockHour4 size={16} />}>{t('serviceSettings.tabs.policies')}</Tabs.Tab>}
          {admin && <Tabs.Tab value="routing" leftSection={<IconArrowsSplit size={16} />}>{t('serviceSettings.tabs.routing')}</Tabs.Tab>}
        </Tabs.List>
        <Paper withBorder p="md">
          <Tabs.Panel value="agents"><AgentsSection me={me} /></Tabs.Panel>
          {admin && <Tabs.Panel value="hours"><CalendarsSection /></Tabs.Panel>}
          {admin && <Tabs.Panel value="policies"><PoliciesSection /></Tabs.Panel>}
          {admin && <Tabs.Panel value="routing"><RoutingSection /></Tabs.Panel>}
        </Paper>
      </Tabs>
    </>
  );
}
