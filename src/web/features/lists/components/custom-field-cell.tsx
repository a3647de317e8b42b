// A custom field's value in a table cell: text, number, yes/no, date or a list of options.
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomField } from '../../../types/api';

export function CustomFieldCell({ field, value }: { field: CustomField; value: unknown }) {
  const { t } = useTranslation();
  const text = value === null || value === undefined ? '' : field.type === 'boolean' ? (value ? t('lists.yes') : t('lists.no')) : Array.isArray(value) ? value.join(', ') : String(value);
  return (
    <Table.Td>
      <Text size="sm" maw={200} truncate="end" title={text}>{text}</Text>
    </Table.Td>
  );
}
