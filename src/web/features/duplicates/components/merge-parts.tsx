// What the contact and company merge dialogs share: the "values to keep" rows (one radio per record for each field on
// which they differ), the most-recent-value default the server applies, and the "changed meanwhile" alert.
import { Alert, Button, Divider, Group, Radio, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

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

/** Someone changed or merged one of the records since the dialog loaded them: say so and offer to reload. */
export function ConflictAlert({ message, onReload }: { message: string; onReload: () => void }) {
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
