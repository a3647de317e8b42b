// Mapping step: column → field table, preview with per-cell errors, on-match choice, start.
import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Radio, Select, Stack, Switch, Table, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { localizeServerMessage } from '../../../lib/server-message';
import type { ImportRecord, Mapping } from '../api/imports';
import { useImportFields, usePreviewImport, useStartImport } from '../api/imports';
import { currentLocale } from '../../../lib/i18n';
import { PreviewSummaryPanel } from './preview-summary';

// The regions offered for a file's default; a row's own country column (any country) still wins.
const REGIONS = ['CN', 'HK', 'MO', 'TW', 'US', 'CA', 'GB', 'DE', 'FR', 'JP', 'KR', 'SG', 'MY', 'AU', 'IN', 'NL', 'ES', 'IT', 'BR', 'MX'];

type OnMatch = 'fill' | 'overwrite' | 'skip' | 'create';

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(cellText).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function MappingStep({ imp }: { imp: ImportRecord }) {
  const { t } = useTranslation();
  const fields = useImportFields(imp.object);
  const [mapping, setMapping] = useState<Mapping>(() => ({ ...Object.fromEntries(imp.headers.map((h) => [h, null])), ...imp.mapping }));
  const [onMatch, setOnMatch] = useState<OnMatch>(imp.onMatch === 'update' ? imp.updateMode : imp.onMatch);
  const [region, setRegion] = useState<string | null>(imp.region);
  const [strict, setStrict] = useState(imp.strict);
  const choices = { region: region ?? undefined, strict };
  const regionOptions = useMemo(() => {
    const names = new Intl.DisplayNames([currentLocale()], { type: 'region' });
    return REGIONS.map((r) => ({ value: r, label: `${names.of(r) ?? r} (${r})` }));
  }, []);
  const preview = usePreviewImport(imp.id);
  const start = useStartImport(imp.id);

  const options = useMemo(() => (fields.data?.data ?? []).map((f) => ({ value: f.key, label: f.label })), [fields.data]);
  const labelOf = (key: string) => options.find((o) => o.value === key)?.label ?? key;
  const mappedCols = imp.headers.filter((h) => mapping[h]);

  const doStart = () =>
    start.mutate({
      mapping,
      ...choices,
      onMatch: onMatch === 'fill' || onMatch === 'overwrite' ? 'update' : onMatch,
      updateMode: onMatch === 'overwrite' ? 'overwrite' : 'fill',
    });

  return (
    <Stack gap="lg">
      <Group gap="xs" wrap="wrap">
        <Badge variant="light">{imp.format.toUpperCase()}</Badge>
        {imp.format === 'csv' && <Badge variant="light" color="gray">{t('imports.encoding', { value: imp.encoding })}</Badge>}
        {imp.format === 'csv' && (
          <Badge variant="light" color="gray">
            {t('imports.delimiter', { value: imp.delimiter === '\t' ? 'Tab' : imp.delimiter })}
          </Badge>
        )}
        <Badge variant="light" color="grape">{t(`imports.mappingSources.${imp.mappingSource}`)}</Badge>
      </Group>

      <Paper withBorder p="xs">
        <Title order={5} p="xs">
          {t('imports.mapping')}
        </Title>
        {fields.isError && <ErrorAlert error={fields.error} onRetry={() => fields.refetch()} />}
        <Table verticalSpacing="xs" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.column')}</Table.Th>
              <Table.Th>{t('imports.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {imp.headers.map((h) => (
              <Table.Tr key={h}>
                <Table.Td style={{ wordBreak: 'break-word' }}>{h}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={h}
                    data={options}
                    value={mapping[h] ?? null}
                    onChange={(v) => setMapping((m) => ({ ...m, [h]: v }))}
                    placeholder={t('imports.skipColumn')}
                    clearable
                    searchable
                    disabled={fields.isPending}
                    comboboxProps={{ withinPortal: true }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      <Group align="end" wrap="wrap">
        <Select
          label={t('imports.region')}
          description={t('imports.regionHint')}
          data={regionOptions}
          value={region}
          onChange={setRegion}
          placeholder={t('imports.regionDefault')}
          clearable
          searchable
          w={260}
          data-testid="import-region"
        />
        <Switch label={t('imports.strict')} description={t('imports.strictHint')} checked={strict} onChange={(e) => setStrict(e.currentTarget.checked)} data-testid="import-strict" maw={360} />
      </Group>

      <Group>
        <Button variant="default" onClick={() => preview.mutate({ mapping, ...choices })} loading={preview.isPending} data-testid="import-preview">
          {t('imports.preview')}
        </Button>
      </Group>
      {preview.isError && <ErrorAlert error={preview.error} />}
      {preview.data && <PreviewSummaryPanel object={imp.object} summary={preview.data.summary} onKeep={(h, key) => { const next = { ...mapping, [h]: key }; setMapping(next); preview.mutate({ mapping: next, ...choices }); }} />}
      {preview.data && (
        <Paper withBorder p="xs">
          <Title order={5} p="xs">
            {t('imports.previewTitle')}
          </Title>
          {preview.data.rows.length === 0 ? (
            <Text c="dimmed" p="xs">
              {t('imports.previewEmpty')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={Math.max(360, mappedCols.length * 140)}>
              <Table verticalSpacing={4} fz="sm" withColumnBorders>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('imports.row')}</Table.Th>
                    {mappedCols.map((h) => (
                      <Table.Th key={h}>{labelOf(mapping[h] as string)}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.data.rows.map((r) => (
                    <Table.Tr key={r.rowNumber}>
                      <Table.Td>{r.rowNumber}</Table.Td>
                      {mappedCols.map((h) => {
                        const key = mapping[h] as string;
 const err = r.errors.find((e) => e.column === h || e.column === key);
                        const text = err ? (err.value ?? '') : cellText(r.values[key]);
                        const warn = err?.severity === 'warning';
                        return (
                          <Table.Td key={h} bg={err ? `var(--mantine-color-${warn ? 'orange' : 'red'}-light)` : undefined} data-error={err ? (warn ? 'warning' : 'true') : undefined}>
                            {err ? (
                              <Tooltip label={localizeServerMessage(err.reason)} multiline maw={260} events={{ hover: true, focus: true, touch: true }}>
                                <Text size="sm" c={warn ? 'orange' : 'red'} td="underline" style={{ textDecorationStyle: 'dotted', wordBreak: 'break-word' }} tabIndex={0}>
                                  {text || '—'}
                                </Text>
                              </Tooltip>
                            ) : (
                              <Text size="sm" style={{ wordBreak: 'break-word' }}>{text}</Text>
                            )}
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {preview.data.rows.some((r) => r.errors.length > 0) && (
            <Alert color={preview.data.rows.some((r) => r.errors.some((e) => e.severity === 'error')) ? 'red' : 'orange'} variant="light" mt="xs">
              {t('imports.previewErrors', { value: preview.data.rows.reduce((n, r) => n + r.errors.length, 0) })}
            </Alert>
          )}
        </Paper>
      )}

      <Radio.Group value={onMatch} onChange={(v) => setOnMatch(v as OnMatch)} label={t('imports.onMatch')}>
        <Stack gap={6} mt="xs">
          {(['fill', 'overwrite', 'skip', 'create'] as const).map((o) => (
            <Radio key={o} value={o} label={t(`imports.onMatchOptions.${o}`)} />
          ))}
        </Stack>
      </Radio.Group>
      {start.isError && <ErrorAlert error={start.error} />}
      <Group>
        <Button onClick={doStart} loading={start.isPending} disabled={mappedCols.length === 0} data-testid="import-start">
          {t('imports.start')}
        </Button>
      </Group>
    </Stack>
  );
}
