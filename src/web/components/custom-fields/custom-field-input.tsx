// Form input for one custom field, chosen by the field's type.
import { Checkbox, MultiSelect, NumberInput, Select, TextInput } from '@mantine/core';
import type { CustomField } from '../../types/api';
import { DateField } from '../date-fields';

interface Props {
  field: CustomField;
  value: unknown;
  onChange: (value: unknown) => void;
  error?: string;
}

export function CustomFieldInput({ field, value, onChange, error }: Props) {
  const label = field.label;
  switch (field.type) {
    case 'number':
      return <NumberInput label={label} error={error} value={typeof value === 'number' ? value : ''} onChange={(v) => onChange(typeof v === 'number' ? v : null)} />;
    case 'date':
      return <DateField label={label} error={error} value={typeof value === 'string' ? value : ''} onChange={(v) => onChange(v || null)} />;
    case 'boolean':
      return <Checkbox mt="md" label={label} error={error} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} />;
    case 'select':
      return <Select label={label} error={error} data={field.options} clearable value={typeof value === 'string' ? value : null} onChange={(v) => onChange(v)} />;
    case 'multiselect':
      return <MultiSelect label={label} error={error} data={field.options} value={Array.isArray(value) ? (value as string[]) : []} onChange={(v) => onChange(v)} />;
    default:
      return <TextInput label={label} error={error} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value || null)} />;
  }
}
