// "Export" button of a list: a dialog to choose the file type and the columns, then a download of what the list shows
// (same search, filters and sort), or of exactly the chosen rows (ids), with its header row in the UI's language.
import { useState } from 'react';
import { Button, Checkbox, Group, Modal, SegmentedControl, SimpleGrid, Stack, Text, type MantineSize } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, buildQuery, type QueryValue } from '../lib/api-client';
import { currentLocale } from '../lib/i18n';
import { downloadPost } from '../lib/download-post';
import { ErrorAlert } from './error-alert';
import { ListSkeleton } from './list-skeleton';

interface ColumnChoice {
  key: string;
  header: string;
  default: boolean;
}

interface Props {
  object: 'contacts' | 'companies';
  /** The list's filters and sort. */
  params: Record<string, QueryValue>;
  /** Only these rows (a selection), in the list's sort order. */
  ids?: string[];
  size?: MantineSize;
  label?: string;
}

export function ExportMenu({ object, params, ids, size = 'sm', label }: Props) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure();
  const phone = useMediaQuery('(max-width: 48em)');
  const lang = currentLocale();
  const [format, setFormat] = useState<'csv' | 'xlsx'>('xlsx');
  const [chosen, setChosen] = useState<string[] | null>(null);
  const choices = useQuery({
    queryKey: ['export-columns', object, lang],
    queryFn: ({ signal }) => api.get<{ data: ColumnChoice[] }>(`/${object}/export/columns`, { lang }, signal).then((r) => r.data),
    enabled: opened,
  });
  const columns = chosen ?? (choices.data ?? []).filter((c) => c.default).map((c) => c.key);
  // Keep the dialog's order, not the order of clicks.
  const ordered = (choices.data ?? []).filter((c) => columns.includes(c.key)).map((c) => c.key);
  const href = `/api/v1/${object}/export${buildQuery({ ...params, format, lang, columns: ordered.join(',') })}`;
  const sort = typeof params.sort === 'string' && params.sort ? params.sort : undefined;
  const selected = useMutation({ mutationFn: () => downloadPost(`/${object}/export`, { ids, format, lang, columns: ordered.join(','), sort }), onSuccess: close });

  return (
    <>
      <Button variant="default" size={size} leftSection={<IconDownload size={size === 'xs' ? 14 : 16} />} onClick={open} data-testid={ids ? 'export-selected' : 'export-button'}>{label ?? t('export.button')}</Button>
      <Modal opened={opened} onClose={close} title={t(`export.title.${object}`)} size="lg" fullScreen={phone}>
        <Stack>
          <Text size="sm" c="dimmed">{ids ? t('export.hintSelected', { count: ids.length }) : t('export.hint')}</Text>
          {selected.error && <ErrorAlert error={selected.error} />}
          <SegmentedControl value={format} onChange={(v) => setFormat(v as 'csv' | 'xlsx')} data={[{ value: 'xlsx', label: t('export.xlsx') }, { value: 'csv', label: t('export.csv') }]} />
          {choices.isPending ? (
            <ListSkeleton rows={4} />
          ) : choices.error ? (
            <ErrorAlert error={choices.error} onRetry={() => void choices.refetch()} />
          ) : (
            <>
              <Group justify="space-between">
                <Text fw={500} size="sm">{t('export.columns', { count: ordered.length })}</Text>
                <Group gap="xs">
                  <Button size="compact-xs" variant="subtle" onClick={() => setChosen(choices.data.map((c) => c.key))}>{t('export.all')}</Button>
                  <Button size="compact-xs" variant="subtle" onClick={() => setChosen([])}>{t('export.none')}</Button>
                  <Button size="compact-xs" variant="subtle" onClick={() => setChosen(null)}>{t('export.defaults')}</Button>
                </Group>
              </Group>
              <Checkbox.Group value={ordered} onChange={setChosen}>
                <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="xs" data-testid="export-columns">
                  {choices.data.map((c) => <Checkbox key={c.key} value={c.key} label={c.header} />)}
                </SimpleGrid>
              </Checkbox.Group>
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
            {ids ? (
              <Button onClick={() => selected.mutate()} loading={selected.isPending} leftSection={<IconDownload size={16} />} disabled={!choices.data || ordered.length === 0} data-testid="export-download">
                {t('export.downloadSelected', { count: ids.length })}
              </Button>
            ) : (
              <Button component="a" href={href} download onClick={close} leftSection={<IconDownload size={16} />} disabled={!choices.data || ordered.length === 0} data-testid="export-download">
                {t('export.download')}
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
