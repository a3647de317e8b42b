// Intelligence → Models: the models as cards (status, AUC, scored contacts), a form to define one (admins), and the
// picked model's card and scored contacts side by side (stacked on phones).
import { Badge, Button, Card, Grid, Group, Modal, SimpleGrid, Stack, Tabs, Text, Title, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { EmptyState } from '../../../components/empty-state';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageHeader } from '../../../components/page-header';
import { useUrlParams } from '../../../hooks/use-url-params';
import { errorMessage } from '../../../lib/error-message';
import { useMe } from '../../auth';
import { useModels, useTrainModel, type Model } from '../api/models';
import { ModelCardView } from '../components/model-card';
import { ModelForm } from '../components/model-form';
import { ScoredContacts } from '../components/scored-contacts';

const STATUS_COLOR: Record<Model['status'], string> = { new: 'gray', training: 'blue', ready: 'green', insufficient: 'yellow', no_signal: 'yellow', failed: 'red' };

function ModelDetail({ model, admin }: { model: Model; admin: boolean }) {
  const { t } = useTranslation();
  const train = useTrainModel();
  return (
    <Stack data-testid="model-detail">
      <Group justify="space-between" wrap="wrap">
        <Title order={3} style={{ wordBreak: 'break-word' }}>{model.name}</Title>
        {admin && (
          <Button
            onClick={() => train.mutate(model.id, { onSuccess: () => notifications.show({ color: 'blue', message: t('models.trainingStarted') }), onError: (err) => notifications.show({ color: 'red', message: errorMessage(err, t) }) })}
            loading={train.isPending || model.status === 'training'}
            data-testid="model-train"
          >
            {model.latestVersion ? t('models.retrain') : t('models.train')}
          </Button>
        )}
      </Group>
      <Tabs defaultValue="card">
        <Tabs.List>
          <Tabs.Tab value="card">{t('models.tabCard')}</Tabs.Tab>
          <Tabs.Tab value="scores" data-testid="tab-scores">{t('models.tabScores')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="card" pt="sm"><ModelCardView model={model} /></Tabs.Panel>
        <Tabs.Panel value="scores" pt="sm"><ScoredContacts model={model} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

export function ModelsRoute() {
  const { t } = useTranslation();
  const q = useModels();
  const admin = useMe().data?.role === 'admin';
  const [p, setP] = useUrlParams(['model'] as const);
  const [creating, setCreating] = useState(false);
  const phone = useMediaQuery('(max-width: 500px)');
  const models = q.data?.data ?? [];
  const picked = models.find((m) => m.id === p.model) ?? models[0];
  return (
    <>
      <PageHeader title={t('models.title')} actions={admin ? <Button onClick={() => setCreating(true)} data-testid="model-new">{t('models.new')}</Button> : undefined} />
      <Text size="sm" c="dimmed" mb="md">{t('models.intro')}</Text>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('models.new')} fullScreen={phone}>
        <ModelForm onDone={(id) => { setCreating(false); setP({ model: id }); }} />
      </Modal>
      {q.isPending ? (
        <ListSkeleton rows={4} />
      ) : q.error ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : models.length === 0 ? (
        <EmptyState title={t('models.emptyTitle')} description={t('models.emptyHelp')} />
      ) : (
        <Grid>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 1 }} spacing="xs" data-testid="model-list">
              {models.map((m) => (
                <UnstyledButton key={m.id} onClick={() => setP({ model: m.id })} aria-pressed={picked?.id === m.id} data-testid="model-item">
                  <Card withBorder padding="sm" style={{ borderColor: picked?.id === m.id ? 'var(--mantine-color-blue-6)' : undefined }}>
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Text fw={500} truncate>{m.name}</Text>
                      <Badge color={STATUS_COLOR[m.status]} variant="light" style={{ flexShrink: 0 }} data-testid="model-status">{t(`models.status.${m.status}`)}</Badge>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t(`models.kinds.${m.kind}`)}
                      {m.latestVersion?.card.auc != null ? ` · AUC ${m.latestVersion.card.auc.toFixed(2)}` : ''}
                      {m.scoredContacts ? ` · ${t('models.scoredCount', { count: m.scoredContacts })}` : ''}
                    </Text>
                  </Card>
                </UnstyledButton>
              ))}
            </SimpleGrid>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>{picked && <ModelDetail key={picked.id} model={picked} admin={admin} />}</Grid.Col>
        </Grid>
      )}
    </>
  );
}
