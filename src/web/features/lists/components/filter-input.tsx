// A list's free-text filter (tag, industry): applied on Enter or on leaving the field, not on every key.
import { TextInput } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  icon?: ReactNode;
  w?: number;
}

export function FilterInput({ label, value, onChange, icon, w = 150 }: Props) {
  return (
    <TextInput
      aria-label={label}
      placeholder={label}
      leftSection={icon}
      defaultValue={value}
      key={value}
      onBlur={(e) => onChange(e.currentTarget.value.trim())}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onChange(e.currentTarget.value.trim());
      }}
      w={w}
    />
  );
}
