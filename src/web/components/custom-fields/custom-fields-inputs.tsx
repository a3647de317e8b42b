// All custom-field inputs of an object for a create form, with their server-side errors.
import { SimpleGrid } from '@mantine/core';
import type { CustomField, CustomFieldValues } from '../../types/api';
import { CustomFieldInput } from './custom-field-input';

interface Props {
  fields: CustomField[];
  values: CustomFieldValues;
  errors: Record<string, string | undefined>;
  onChange: (key: string, value: unknown) => void;
}

export function CustomFieldsInputs({ fields, values, errors, onChange }: Props) {
  if (fields.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {fields.map((f) => (
        <CustomFieldInput key={f.id} field={f} value={values[f.key]} onChange={(v) => onChange(f.key, v)} error={errors[`customFields.${f.key}`]} />
      ))}
    </SimpleGrid>
  );
}
