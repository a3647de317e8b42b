// Settings: my profile for everyone; users, teams, roles, custom fields and defaults for admins only.
import { Paper, Tabs } from '@mantine/core';
import { IconAdjustments, IconForms, IconShieldLock, IconUser, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { IconArrowsSplit, IconDatabase, IconPlugConnected, IconTargetArrow } from '@tabler/icons-react';
import { IconHistory, IconTimeline } from '@tabler/icons-react';
import { IconFlag } from '@tabler/icons-react';
import { IconMail } from '@tabler/icons-react';
import { EmailSettingsSection } from '../../email';
import { IconMessageBolt } from '@tabler/icons-react';
import { MacrosSection } from '../../service';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '../../../components/list-skeleton';
import { PageHeader } from '../../../components/page-header';
import { useUrlParams } from '../../../hooks/use-url-params';
import { useMe } from '../../auth';
import { BackupsSection } from '../../backups';
import { AuditLogSection } from '../../history';
import { IntegrationsSection } from '../../integrations';
import { AssignmentSection, ScoringSection } from '../../lead-rules';
import { PipelinesSection } from '../../pipelines';
import { CloseReasonsSettings } from '../../deals';
import { BotSettingsSection } from '../../knowledge';
import { ImChannelsSection } from '../../im-channels';
import { WidgetChannelsSection } from '../../widget-channels';
import { WebFormsSection, WebSitesSection } from '../../web-tracking';
import { IconWorldWww } from '@tabler/icons-react';
import { IconMessageChatbot } from '@tabler/icons-react';
import { IconMessages } from '@tabler/icons-react';
import { IconRobot } from '@tabler/icons-react';
import { CustomFieldsSection } from '../components/custom-fields-section';
import { GeneralSection } from '../components/general-section';
import { ProfileSection } from '../components/profile-section';
import { RolesSection } from '../components/roles-section';
import { TeamsSection } from '../components/teams-section';
import { UsersSection } from '../components/users-section';

const ADMIN_TABS = ['users', 'teams', 'roles', 'fields', 'general', 'lead-scoring', 'lead-assignment', 'integrations', 'backups', 'audit', 'knowledge-bot', 'email', 'close-reasons', 'im-channels', 'widget-channels', 'websites', 'forms'];

export function SettingsRoute() {
  const { t } = useTranslation();
  const me = useMe().data;
  const wide = useMediaQuery('(min-width: 62em)') ?? false;
  const [p, setP] = useUrlParams(['tab'] as const, { tab: 'profile' });
  if (!me) return <PageSkeleton />;
  const admin = me.role === 'admin';
  // Managers change pipelines too (the server lets them).
  const salesAdmin = admin || me.role === 'manager';
  const tab = (!admin && ADMIN_TABS.includes(p.tab)) || (!salesAdmin && (p.tab === 'pipelines' || p.tab === 'macros')) ? 'profile' : p.tab;

  return (
    <>
      <PageHeader title={t('nav.settings')} />
      {/* A side menu on wide screens and a wrapping strip on narrow ones, so every tab stays in sight however many there are. */}
      <Tabs value={tab} onChange={(v) => setP({ tab: v })} keepMounted={false} orientation={wide ? 'vertical' : 'horizontal'} styles={wide ? { tab: { justifyContent: 'flex-start' } } : undefined} data-testid="settings-tabs">
        <Tabs.List mb="md" mr={wide ? 'md' : 0} style={{ flexWrap: wide ? 'nowrap' : 'wrap', flexShrink: 0 }}>
          <Tabs.Tab value="profile" leftSection={<IconUser size={16} />}>{t('settings.tabs.profile')}</Tabs.Tab>
          {admin && <Tabs.Tab value="users" leftSection={<IconUsers size={16} />}>{t('settings.tabs.users')}</Tabs.Tab>}
          {admin && <Tabs.Tab value="teams" leftSection={<IconUsersGroup size={16} />}>{t('settings.tabs.teams')}</Tabs.Tab>}
          {admin && <Tabs.Tab value="roles" leftSection={<IconShieldLock size={16} />}>{t('settings.tabs.roles')}</Tabs.Tab>}
          {admin && <Tabs.Tab value="fields" leftSection={<IconForms size={16} />}>{t('settings.tabs.fields')}</Tabs.Tab>}
          {admin && <Tabs.Tab value="general" leftSection={<IconAdjustments size={16} />}>{t('settings.tabs.general')}</Tabs.Tab>}
          {admin && <Tabs.Tab value="lead-scoring" leftSection={<IconTargetArrow size={16} />}>{t('leadRules.tabs.scoring')}</Tabs.Tab>}
          {admin && <Tabs.Tab value="lead-assignment" leftSection={<IconArrowsSplit size={16} />}>{t('leadRules.tabs.assignment')}</Tabs.Tab>}
          {salesAdmin && <Tabs.Tab value="pipelines" leftSection={<IconTimeline size={16} />}>{t('pipelines.tab')}</Tabs.Tab>}
          {salesAdmin && <Tabs.Tab value="macros" leftSection={<IconMessageBolt size={16} />}>{t('macros.tab')}</Tabs.Tab>}
          {admin && <Tabs.Tab value="close-reasons" leftSection={<IconFlag size={16} />}>{t('closeReasons.tab')}</Tabs.Tab>}
          {admin && <Tabs.Tab value="knowledge-bot" leftSection={<IconRobot size={16} />}>{t('knowledge.botSettings.tab')}</Tabs.Tab>}
          {admin && <Tabs.Tab value="email" leftSection={<IconMail size={16} />}>{t('email.settings.tab')}</Tabs.Tab>}
          {admin && <Tabs.Tab value="im-channels" leftSection={<IconMessages size={16} />}>{t('imChannels.title')}</Tabs.Tab>}
          {admin && <Tabs.Tab value="widget-channels" leftSection={<IconMessageChatbot size={16} />}>{t('widgetChannels.title')}</Tabs.Tab>}
          {admin && <Tabs.Tab value="websites" leftSection={<IconWorldWww size={16} />}>{t('webSites.title')}</Tabs.Tab>}
          {admin && <Tabs.Tab value="forms" leftSection={<IconForms size={16} />}>{t('webForms.title')}</Tabs.Tab>}
          {admin && <Tabs.Tab value="integrations" leftSection={<IconPlugConnected size={16} />}>{t('settings.tabs.integrations')}</Tabs.Tab>}
          {admin && <Tabs.Tab value="backups" leftSection={<IconDatabase size={16} />}>{t('settings.tabs.backups')}</Tabs.Tab>}
          {admin && <Tabs.Tab value="audit" leftSection={<IconHistory size={16} />}>{t('history.auditTab')}</Tabs.Tab>}
        </Tabs.List>
        <Paper withBorder p="md" style={{ flex: 1, minWidth: 0 }}>
          <Tabs.Panel value="profile"><ProfileSection me={me} /></Tabs.Panel>
          {admin && <Tabs.Panel value="users"><UsersSection me={me} /></Tabs.Panel>}
          {admin && <Tabs.Panel value="teams"><TeamsSection /></Tabs.Panel>}
          {admin && <Tabs.Panel value="roles"><RolesSection /></Tabs.Panel>}
          {admin && <Tabs.Panel value="fields"><CustomFieldsSection /></Tabs.Panel>}
          {admin && <Tabs.Panel value="general"><GeneralSection /></Tabs.Panel>}
          {admin && <Tabs.Panel value="lead-scoring"><ScoringSection /></Tabs.Panel>}
          {admin && <Tabs.Panel value="lead-assignment"><AssignmentSection /></Tabs.Panel>}
          {salesAdmin && <Tabs.Panel value="pipelines"><PipelinesSection /></Tabs.Panel>}
          {salesAdmin && <Tabs.Panel value="macros"><MacrosSection /></Tabs.Panel>}
          {admin && <Tabs.Panel value="close-reasons"><CloseReasonsSettings /></Tabs.Panel>}
          {admin && <Tabs.Panel value="knowledge-bot"><BotSettingsSection /></Tabs.Panel>}
          {admin && <Tabs.Panel value="email"><EmailSettingsSection /></Tabs.Panel>}
          {admin && <Tabs.Panel value="im-channels"><ImChannelsSection /></Tabs.Panel>}
          {admin && <Tabs.Panel value="widget-channels"><WidgetChannelsSection /></Tabs.Panel>}
          {admin && <Tabs.Panel value="websites"><WebSitesSection /></Tabs.Panel>}
          {admin && <Tabs.Panel value="forms"><WebFormsSection /></Tabs.Panel>}
          {admin && <Tabs.Panel value="integrations"><IntegrationsSection /></Tabs.Panel>}
          {admin && <Tabs.Panel value="backups"><BackupsSection /></Tabs.Panel>}
          {admin && <Tabs.Panel value="audit"><AuditLogSection /></Tabs.Panel>}
        </Paper>
      </Tabs>
    </>
  );
}
