// The 360° page of a company: profile, its contacts, open tasks, activity logging, timeline and extra sections.
import { ActionIcon, Anchor, Badge, Breadcrumbs, Card, Grid, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RecordError } from '../../../components/record-error';
import { PageSkeleton } from '../../../components/list-skeleton';
import { OverviewSections } from '../../../components/overview-sections';
import { ScoreList } from '../../../components/score-list';
import { useMe } from '../../auth';
import { CreateContactModal } from '../../contacts';
import { InteractionTimeline, LogActivity, TaskList } from '../../interactions';
import { NewDealButton } from '../../deals';
import { EmailComposerButton } from '../../email';
import { useCompanyOverview } from '../api/companies';
import { CompanyActions } from '../components/company-actions';
import { CompanyContacts } from '../components/company-contacts';
import { CompanyProfileCard } from '../components/company-profile-card';

export function CompanyViewRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const overview = useCompanyOverview(id);
  const me = useMe().data;
  const [adding, { open, close }] = useDisclosure();

  if (overview.isPending || !me) return <PageSkeleton />;
  if (overview.error) return <RecordError error={overview.error} onRetry={() => void overview.refetch()} backTo="/companies" backLabel={t('nav.companies')} />;
  const { company, contacts, openTasks, sections, scores = [] } = overview.data;
  const insights = (
    <>
      {scores.length > 0 && (
        <Card withBorder>
          <Title order={4} mb="sm">{t('contacts.scores')}</Title>
          <ScoreList scores={scores} />
        </Card>
      )}
      <OverviewSections sections={sections} actions={{ deals: <NewDealButton company={company} /> }} />
    </>
  );

  return (
    <Stack data-testid="company-view">
      <Breadcrumbs>
        <Anchor component={Link} to="/companies" size="sm">{t('nav.companies')}</Anchor>
        <Text size="sm" truncate maw={240}>{company.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="wrap">
          <Title order={2} style={{ wordBreak: 'break-word' }}>{company.name}</Title>
          {company.industry && <Badge variant="light">{company.industry}</Badge>}
        </Group>
        <CompanyActions company={company} />
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <CompanyProfileCard company={company} me={me} />
            <Card withBorder>
              <Group justify="space-between" mb="sm">
                <Title order={4}>{t('companies.contacts')}</Title>
                <Group gap="xs">
                  <Badge variant="light" color="gray">{company.contactCount ?? contacts.length}</Badge>
                  <Tooltip label={t('contacts.new')}>
                    <ActionIcon variant="light" onClick={open} aria-label={t('contacts.new')} data-testid="company-add-contact">
                      <IconUserPlus size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Group>
              <CompanyContacts contacts={contacts} companyId={company.id} total={company.contactCount ?? contacts.length} />
            </Card>
            <Card withBorder>
              <Title order={4} mb="sm">{t('tasks.open')}</Title>
              {openTasks.length ? <TaskList tasks={openTasks} showLinks /> : <Text size="sm" c="dimmed">{t('tasks.noneOpen')}</Text>}
            </Card>
            <Stack visibleFrom="md">{insights}</Stack>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <Group justify="flex-end"><EmailComposerButton record={{ companyId: company.id }} /></Group>
            <LogActivity target={{ companyId: company.id }} me={me} />
            <Card withBorder>
              <Title order={4} mb="md">{t('interactions.timeline')}</Title>
              <InteractionTimeline target={{ companyId: company.id }} />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
      <Stack hiddenFrom="md">{insights}</Stack>
      <CreateContactModal
        opened={adding}
        onClose={close}
        companyId={company.id}
        companyName={company.name}
        onCreated={(c) => {
          close();
          notifications.show({ color: 'green', message: t('contacts.created', { name: c.displayName }) });
        }}
      />
    </Stack>
  );
}
