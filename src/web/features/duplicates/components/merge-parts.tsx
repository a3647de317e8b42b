// What the contact and company merge dialogs share: the "values to keep" rows (one radio per record for each field on
// which they differ), the most-recent-value default the server applies, the request they send, and their problems
// (the "changed meanwhile" alert, else the server's error).
import type { ReactNode } from 'react';
import { Alert, Button, Divider, Group, Radio, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';

export interface PickerField {
  key: string;
  label: string;
  /** One choice per record: its id, the value as shown ('' when empty) and, when useful, whose value it is. */
  options: { id: string; value: string; who?: string }[];
}

/** As the server decides without a choice: the most recently updated record with a value (the survivor wins ties). */
export function latestSource<T extends { id: string; updatedAt: string }>(records: T[], hasValue: (r: T) => boolean, survivorId: string): string {
  const byRecency = [...records].sort((a, b) => (b.updatedAt > a.updatedAt ? 1 : b.updatedAt < a.updatedAt ? -1 : a.id === survivorId ? -1 : b.id === survivorId ? 1 : 0));
  return (byRecency.find(hasValue) ?? records.find((r) => r.id === survivorId)!).id;
}

interface RecordQuery<T> {
  data?: T;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** The records to merge once every one has loaded; until then what to show instead (an error with retry, or a skeleton). */
export function loadedRecords<T>(queries: RecordQuery<T>[]): { records: T[]; pending: null } | { records: null; pending: ReactNode } {
  const failed = queries.find((q) => q.isError);
  if (failed) return { records: null, pending: <ErrorAlert error={failed.error} onRetry={() => queries.forEach((q) => q.refetch())} /> };
  const records = queries.map((q) => q.data).filter((r): r is T => Boolean(r));
  if (records.length < queries.length || queries.length < 2) return { records: null, pending: <Stack data-testid="loading"><Skeleton h={60} /><Skeleton h={120} /></Stack> };
  return { records, pending: null };
}

/** The merge request: the kept record, the others, each differing field's chosen source, and the versions shown. */
export function mergeRequest<F extends string>(records: { id: string; updatedAt: string }[], keep: string, differing: readonly F[], sourceOf: (f: F) => string) {
  return {
    survivorId: keep,
    mergedIds: records.filter((r) => r.id !== keep).map((r) => r.id),
    fields: Object.fromEntries(differing.map((f) => [f, sourceOf(f)])) as Partial<Record<F, string>>,
    expectedUpdatedAt: Object.fromEntries(records.map((r) => [r.id, r.updatedAt])),
  };
}

export function ValuePicker({ fields, sourceOf, onPick, sameText }: { fields: PickerField[]; sourceOf: (key: string) => string; onPick: (key: string, id: string) => void; sameText: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Divider label={t('duplicates.chooseValues')} labelPosition="left" />
      {fields.length === 0 && <Text size="sm" c="dimmed">{sameText}</Text>}
      {fields.map((f) => (
        <Radio.Group key={f.key} value={sourceOf(f.key)} onChange={(v) => onPick(f.key, v)} label={f.label} data-testid={`merge-field-${f.key}`}>
          <Group mt={4} gap="md" align="flex-start">
            {f.options.map((o) => (
              <Radio key={o.id} value={o.id} label={o.value || t('duplicates.emptyValue')} description={o.who} style={{ flex: '1 1 180px', minWidth: 0, wordBreak: 'break-word' }} />
            ))}
          </Group>
        </Radio.Group>
      ))}
    </>
  );
}

/** A failed merge: when someone changed or merged one of the records since the dialog loaded them (`conflict`), say so
 * and offer to reload; else the server's error. */
export function MergeProblem({ error, conflict, conflictMessage, onReload }: { error: unknown; conflict: boolean; conflictMessage: string; onReload: () => void }) {
  if (conflict) return <ConflictAlert message={conflictMessage} onReload={onReload} />;
  return error ? <ErrorAlert error={error} /> : null;
}

function ConflictAlert({ message, onReload }: { message: string; onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" data-testid="merge-conflict">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm">{message}</Text>
        <Button size="xs" variant="white" onClick={onReload}>{t('duplicates.reload')}</Button>
      </Group>
    </Alert>
  );
}
