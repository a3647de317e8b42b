// What the preview found in the head of the file: the rows' countries, phones normalised / kept as typed / rejected,
// rows with warnings or refused, and the columns nothing takes, each with "keep as a new custom field".
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { currentLocale } from '../../../lib/i18n';
import type { PreviewSummary } from '../api/imports';
import { fieldKeyFor, useKeepColumnAsField } from '../api/imports';

export function PreviewSummaryPanel({ object, summary, onKeep }: { object: string; summary: PreviewSummary; onKeep: (header: string, fieldKey: string) => void }) {
  const { t } = useTranslation();
  const keep = useKeepColumnAsField(object);
  const regionName = (code: string) => new Intl.DisplayNames([currentLocale()], { type: 'region' }).of(code) ?? code;
  const doKeep = (header: string) => {
    const key = fieldKeyFor(header);
    keep.mutate({ key, label: header.slice(0, 100) }, { onSuccess: () => onKeep(header, `custom.${key}`) });
  };
  return (
    <Paper withBorder p="sm" data-testid="import-summary">
      <Title order={5} mb="xs">
        {t('imports.summary.title', { value: summary.rowsScanned })}
      </Title>
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Text size="sm">{t('imports.summary.countries')}</Text>
          {summary.countries.length === 0 && <Text size="sm" c="dimmed">{t('imports.summary.noCountries', { region: regionName(summary.region) })}</Text>}
          {summary.countries.map((c) => (
            <Badge key={`${c.region}:${c.country}`} variant="light" tt="none">
              {c.country} → {c.region} · {c.rows}
            </Badge>
          ))}
        </Group>
        <Group gap="xs" wrap="wrap" data-testid="import-phone-counts">
          <Text size="sm">{t('imports.summary.phones')}</Text>
          <Badge color="green" variant="light" tt="none">{t('imports.summary.normalised', { value: summary.phones.normalised })}</Badge>
          <Badge color="orange" variant="light" tt="none">{t('imports.summary.raw', { value: summary.phones.raw })}</Badge>
          <Badge color="red" variant="light" tt="none">{t('imports.summary.rejected', { value: summary.phones.rejected })}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('imports.summary.rows', { warnings: summary.rowsWithWarnings, rejected: summary.rowsRejected })}
        </Text>
        {summary.ignoredColumns.length > 0 && (
          <Alert color="orange" variant="light" title={t('imports.summary.ignoredTitle', { value: summary.ignoredColumns.length })} data-testid="import-ignored">
            <Stack gap={4}>
              {summary.ignoredColumns.map((h) => (
                <Group key={h} justify="space-between" wrap="nowrap">
                  <Text size="sm" style={{ wordBreak: 'break-word' }}>{h}</Text>
                  {(object === 'contacts' || object === 'companies') && (
                    <Button size="compact-xs" variant="light" onClick={() => doKeep(h)} loading={keep.isPending && keep.variables?.label === h.slice(0, 100)}>
                      {t('imports.summary.keepAsField')}
                    </Button>
                  )}
                </Group>
              ))}
            </Stack>
          </Alert>
        )}
        {keep.isError && <ErrorAlert error={keep.error} />}
      </Stack>
    </Paper>
  );
}
