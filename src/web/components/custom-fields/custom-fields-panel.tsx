// Custom field values of a record, each editable in place.
import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import type { CustomField, CustomFieldValues } from '../../types/api';
import { InlineEditField, type EditorKind, type EditValue } from '../inline-edit-field';

interface Props {
  fields: CustomField[];
  values: CustomFieldValues;
  onSave: (key: string, value: EditValue) => Promise<unknown>;
}

const KIND: Record<CustomField['type'], EditorKind> = {
  text: 'text',
  number: 'number',
  date: 'date',
  boolean: 'boolean',
  select: 'select',
  multiselect: 'multiselect',
};

function asEditValue(v: unknown): EditValue {
  if (v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
  if (Array.isArray(v)) return v.map(String);
  return String(v);
}

export function CustomFieldsPanel({ fields, values, onSave }: Props) {
  const { t } = useTranslation();
  if (fields.length === 0) return null;
  return (
    <>
      <Text fw={600} size="sm" mt="md" mb="xs">
        {t('customFields.title')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {fields.map((f) => {
          const v = asEditValue(values[f.key]);
          return (
            <InlineEditField
              key={f.id}
              label={f.label}
              kind={KIND[f.type]}
              value={v}
              options={f.options.map((o) => ({ value: o, label: o }))}
              display={f.type === 'date' && typeof v === 'string' ? formatDate(v) : undefined}
              onSave={(next) => onSave(f.key, next)}
              testId={`cf-${f.key}`}
            />
          );
        })}
      </SimpleGrid>
    </>
  );
}
