// Import page: choose the object, upload a CSV/XLSX file, then go on to its mapping; recent imports below.
import { useState } from 'react';
import { Anchor, Button, FileInput, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { useCanCall } from '../../auth';
import { PageHeader } from '../../../components/page-header';
import { formatDateTime } from '../../../lib/format';
import { IMPORT_OBJECTS, useImports, useUploadImport } from '../api/imports';
import { ImportStatusBadge } from '../components/status-badge';

export function ImportsRoute() {
  const { t } = useTranslation();
  // Products belong to the catalogue editors (the server refuses anyone else's product import, as POST /products).
  const canEditProducts = useCanCall('POST /products');
  const objects = IMPORT_OBJECTS.filter((o) => o !== 'products' || canEditProducts);
  const navigate = useNavigate();
  // The products page links here with ?object=products.
  const [sp] = useSearchParams();
  const [object, setObject] = useState<string>(() => {
    const asked = sp.get('object');
    return IMPORT_OBJECTS.includes(asked as never) ? asked! : 'contacts';
  });
  // A link asking for an object this person may not import into lands on contacts.
  const current = (objects as readonly string[]).includes(object) ? object : 'contacts';
  const [file, setFile] = useState<File | null>(null);
  const upload = useUploadImport();
  const list = useImports();
  const rows = list.data?.data ?? [];

  const submit = () => {
    if (!file) return;
    upload.mutate({ object: current, file }, { onSuccess: (imp) => navigate(`/imports/${imp.id}`) });
  };

  return (
    <>
      <PageHeader title={t('nav.imports')} />
      <Paper withBorder p="md" mb="lg">
        <Stack gap="sm">
          <Text fw={500}>{t('imports.object')}</Text>
          <SegmentedControl
            value={current}
            onChange={setObject}
            data={objects.map((o) => ({ value: o, label: t(`imports.objects.${o}`) }))}
            style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
          />
          <FileInput
            label={t('imports.file')}
            description={t('imports.fileHint')}
            placeholder={t('imports.choose')}
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={setFile}
            clearable
            leftSection={<IconFileUpload size={16} />}
            data-testid="import-file"
          />
          {upload.isError && <ErrorAlert error={upload.error} />}
          <Group>
            <Button onClick={submit} disabled={!file} loading={upload.isPending} data-testid="import-upload">
              {t('imports.upload')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Title order={4} mb="sm">
        {t('imports.recent')}
      </Title>
      <Paper withBorder p="xs">
        {list.isPending ? (
          <ListSkeleton />
        ) : list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState title={t('imports.none')} description={t('imports.noneHint')} />
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('imports.fileName')}</Table.Th>
                  <Table.Th>{t('imports.object')}</Table.Th>
                  <Table.Th>{t('imports.status')}</Table.Th>
                  <Table.Th>{t('imports.rows')}</Table.Th>
                  <Table.Th>{t('imports.when')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/imports/${r.id}`} style={{ wordBreak: 'break-all' }}>
                        {r.fileName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{IMPORT_OBJECTS.includes(r.object as never) ? t(`imports.objects.${r.object}`) : r.object}</Table.Td>
                    <Table.Td>
                      <ImportStatusBadge status={r.status} />
                    </Table.Td>
                    <Table.Td>{r.progress.rowsDone.toLocaleString()}</Table.Td>
                    <Table.Td>{formatDateTime(r.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </>
  );
}
