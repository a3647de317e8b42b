// One import, routed by id so its progress survives a reload: mapping + preview until started, then progress.
import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageHeader } from '../../../components/page-header';
import { useImport } from '../api/imports';
import { ImportProgressPanel } from '../components/import-progress';
import { MappingStep } from '../components/mapping-step';
import { ImportStatusBadge } from '../components/status-badge';

export function ImportViewRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useImport(id);
  const imp = q.data;

  return (
    <>
      <Anchor component={Link} to="/imports" size="sm">
        ← {t('imports.back')}
      </Anchor>
      {q.isPending ? (
        <ListSkeleton />
      ) : q.isError || !imp ? (
        <ErrorAlert error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <>
          <PageHeader
            title={<span style={{ wordBreak: 'break-all' }}>{imp.fileName}</span>}
            actions={<ImportStatusBadge status={imp.status} />}
          />
          <Group mb="md">
            <Text size="sm" c="dimmed">
              {t('imports.importing', { object: t(`imports.objects.${imp.object}`, { defaultValue: imp.object }) })}
            </Text>
          </Group>
          {imp.status === 'uploaded' ? <MappingStep key={imp.id} imp={imp} /> : <ImportProgressPanel imp={imp} />}
        </>
      )}
    </>
  );
}
