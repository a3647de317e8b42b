// The 360° page of a contact: profile, scores, open tasks, activity logging, timeline and extra sections.
import { Anchor, Badge, Breadcrumbs, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconBuilding } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RecordError } from '../../../components/record-error';
import { LifecycleBadge } from '../../../components/lifecycle-badge';
import { PageSkeleton } from '../../../components/list-skeleton';
import { OverviewSections } from '../../../components/overview-sections';
import { ScoreList } from '../../../components/score-list';
import { useCanCall, useMe } from '../../auth';
import { InteractionTimeline, LogActivity, TaskList } from '../../interactions';
import { NewDealButton } from '../../deals';
import { EmailComposerButton } from '../../email';
import { ContactModelScores } from '../../models';
import { useContactOverview } from '../api/get-contact-overview';
import { ContactActions } from '../components/contact-actions';
import { ContactProfileCard } from '../components/contact-profile-card';
import { ContactSourceCard } from '../components/contact-source-card';

export function ContactViewRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const overview = useContactOverview(id);
  const me = useMe().data;
  // Erasure and the person's data export are for administrators (the server refuses everyone else).
  const privacyAdmin = useCanCall('POST /contacts/:id/erase');

  if (overview.isPending || !me) return <PageSkeleton />;
  if (overview.error) return <RecordError error={overview.error} onRetry={() => void overview.refetch()} backTo="/contacts" backLabel={t('nav.contacts')} />;
  const { contact, company, scores, openTasks, sections } = overview.data;
  const insights = (
    <>
      <Card withBorder>
        <Title order={4} mb="sm">{t('contacts.scores')}</Title>
        <ScoreList scores={scores} />
      </Card>
      <ContactModelScores contactId={contact.id} />
      <OverviewSections sections={sections} actions={{ deals: <NewDealButton contact={contact} company={company} /> }} />
    </>
  );

  return (
    <Stack data-testid="contact-view">
      <Breadcrumbs>
        <Anchor component={Link} to="/contacts" size="sm">{t('nav.contacts')}</Anchor>
        <Text size="sm" truncate maw={240}>{contact.displayName}</Text>
      </Breadcrumbs>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="wrap">
          <Title order={2} style={{ wordBreak: 'break-word' }} data-testid="contact-name">{contact.displayName}</Title>
          <LifecycleBadge stage={contact.lifecycleStage} />
          {company && (
            <Badge component={Link} to={`/companies/${company.id}`} variant="outline" leftSection={<IconBuilding size={12} />} style={{ cursor: 'pointer' }}>
              {company.name}
            </Badge>
          )}
        </Group>
        <ContactActions contact={contact} admin={privacyAdmin} />
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <ContactProfileCard contact={contact} me={me} />
            <ContactSourceCard contact={contact} />
            <Card withBorder>
              <Title order={4} mb="sm">{t('tasks.open')}</Title>
              {openTasks.length ? <TaskList tasks={openTasks} /> : <Text size="sm" c="dimmed">{t('tasks.noneOpen')}</Text>}
            </Card>
            <Stack visibleFrom="md">{insights}</Stack>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <Group justify="flex-end"><EmailComposerButton record={{ contactId: contact.id }} defaultTo={contact.emails.slice(0, 1)} /></Group>
            <LogActivity target={{ contactId: contact.id }} me={me} />
            <Card withBorder>
              <Title order={4} mb="md">{t('interactions.timeline')}</Title>
              <InteractionTimeline target={{ contactId: contact.id }} />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
      {/* On phones, logging and the timeline come before the scores and sections. */}
      <Stack hiddenFrom="md">{insights}</Stack>
    </Stack>
  );
}
