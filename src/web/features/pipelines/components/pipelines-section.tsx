// Settings → Pipelines: every pipeline with its stages; create, edit stages, make default, delete.
import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconPlus, IconStar, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { usePipelines, type Pipeline } from '../../deals';
import { pipelineErrorMessage } from '../api/pipeline-error';
import { useDeletePipeline, useUpdatePipeline } from '../api/pipeline-mutations';
import { PipelineEditorModal } from './pipeline-editor-modal';
import { displayName } from '../../../lib/default-names';

const KIND_COLOR = { open: 'blue', won: 'green', lost: 'red' } as const;

export function PipelinesSection() {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const update = useUpdatePipeline();
  const remove = useDeletePipeline();
  // undefined: closed; null: a new pipeline.
  const [editing, setEditing] = useState<Pipeline | null | undefined>(undefined);
  const fail = (err: unknown) => notifications.show({ color: 'red', title: t('errors.title'), message: pipelineErrorMessage(err, t) });

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 260px' }}>{t('pipelines.hint')}</Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="new-pipeline">{t('pipelines.new')}</Button>
      </Group>
      {pipelines.isPending ? (
        <ListSkeleton rows={3} />
      ) : pipelines.error ? (
        <ErrorAlert error={pipelines.error} onRetry={() => void pipelines.refetch()} />
      ) : pipelines.data.length === 0 ? (
        <EmptyState title={t('pipelines.empty')} action={<Button onClick={() => setEditing(null)}>{t('pipelines.new')}</Button>} />
      ) : (
        pipelines.data.map((p) => (
          <Paper key={p.id} withBorder p="sm" data-testid="pipeline-card" data-pipeline-name={p.name}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" mb="xs">
              <Group gap="xs" style={{ minWidth: 0 }}>
                <Text fw={600} truncate>{displayName(p.name, t)}</Text>
                {p.isDefault && <Badge size="sm" variant="light">{t('pipelines.default')}</Badge>}
              </Group>
              <Group gap={4} wrap="nowrap">
                {!p.isDefault && (
                  <Tooltip label={t('pipelines.makeDefault')}>
                    <ActionIcon variant="subtle" color="gray" aria-label={t('pipelines.makeDefault')} onClick={() => update.mutate({ id: p.id, isDefault: true }, { onError: fail })}>
                      <IconStar size={16} />
                    </ActionIcon>
                  </Tooltip>
                )}
                <ActionIcon variant="subtle" aria-label={t('pipelines.edit')} onClick={() => setEditing(p)} data-testid="edit-pipeline">
                  <IconEdit size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('common.delete')}
                  onClick={() => window.confirm(t('pipelines.confirmDelete', { name: p.name })) && remove.mutate(p.id, { onError: fail })}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            </Group>
            <Group gap={6} wrap="wrap">
              {p.stages.map((s) => (
                <Badge key={s.id} variant="light" color={KIND_COLOR[s.kind]} tt="none">{displayName(s.name, t)} · {s.probability}%</Badge>
              ))}
            </Group>
          </Paper>
        ))
      )}
      <PipelineEditorModal
        opened={editing !== undefined}
        pipeline={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={(p) => {
          notifications.show({ color: 'green', message: t('pipelines.saved', { name: p.name }) });
          setEditing(undefined);
        }}
      />
    </Stack>
  );
}
