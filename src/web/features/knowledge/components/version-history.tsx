// An article's versions, newest first: open one to read it as it was, and restore it (it becomes the newest version).
import { useState } from 'react';
import { Badge, Button, Group, Modal, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUserDirectory } from '../../../api/shared-queries';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime } from '../../../lib/format';
import { useRestoreVersion, useVersion, useVersions } from '../api/knowledge';
import { ArticleHtml } from './article-html';

export function VersionHistory({ articleId, canRestore }: { articleId: string; canRestore: boolean }) {
  const { t } = useTranslation();
  const versions = useVersions(articleId);
  const users = new Map((useUserDirectory().data ?? []).map((u) => [u.id, u.name]));
  const [open, setOpen] = useState<number | null>(null);
  const version = useVersion(articleId, open);
  const restore = useRestoreVersion();
  return (
    <Paper withBorder p="md" data-testid="version-history">
      <Title order={4} mb="xs">{t('knowledge.versions.title')}</Title>
      <Stack gap={4}>
        {(versions.data ?? []).map((v) => (
          <UnstyledButton key={v.version} onClick={() => setOpen(v.version)} data-testid="version-row" data-version={v.version}>
            <Group gap={6} wrap="wrap">
              <Text size="sm" fw={600}>{t('knowledge.versions.number', { n: v.version })}</Text>
              {v.current && <Badge size="xs" variant="light">{t('knowledge.versions.current')}</Badge>}
              {v.published && <Badge size="xs" variant="light" color="green">{t('knowledge.status.published')}</Badge>}
              {v.restoredFrom && <Badge size="xs" variant="outline" color="gray">{t('knowledge.versions.restoredFrom', { n: v.restoredFrom })}</Badge>}
            </Group>
            <Text size="xs" c="dimmed">{[formatDateTime(v.createdAt), v.createdBy ? users.get(v.createdBy) : null].filter(Boolean).join(' · ')}</Text>
          </UnstyledButton>
        ))}
      </Stack>
      <Modal opened={open !== null} onClose={() => setOpen(null)} size="lg" title={open !== null ? t('knowledge.versions.number', { n: open }) : ''}>
        {version.error && <ErrorAlert error={version.error} />}
        {version.data && (
          <Stack gap="sm">
            <Title order={3} style={{ overflowWrap: 'anywhere' }}>{version.data.title}</Title>
            <ArticleHtml html={version.data.bodyHtml} testId="version-body" />
            {restore.error && <ErrorAlert error={restore.error} />}
            {canRestore && !version.data.current && (
              <Group justify="flex-end">
                <Button onClick={() => restore.mutate({ id: articleId, version: version.data.version }, { onSuccess: () => setOpen(null) })} loading={restore.isPending} data-testid="restore-version">
                  {t('knowledge.versions.restore')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}
