// Date, month and date-time fields in the app's language (calendars, month and weekday names come from DatesProvider,
// not from the browser as native <input type="date"> would), keeping the plain string values the forms already use.
import { DateInput, DateTimePicker, MonthPickerInput } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FieldProps {
  label?: ReactNode;
  name?: string;
  required?: boolean;
  error?: ReactNode;
  placeholder?: string;
  w?: string | number | Record<string, string | number>;
  'data-testid'?: string;
}

/** A day as YYYY-MM-DD ('' when empty); typed as YYYY-MM-DD, picked from a calendar in the UI's language. */
export function DateField({ value, onChange, ...rest }: FieldProps & { value: string | null | undefined; onChange: (value: string) => void }) {
  return <DateInput {...rest} value={value || null} onChange={(v) => onChange(v ?? '')} valueFormat="YYYY-MM-DD" clearable={!rest.required} />;
}

/** A month as YYYY-MM ('' when empty), shown by name ("December 2026" / "2026年12月"). */
export function MonthField({ value, onChange, clearable, ...rest }: FieldProps & { value: string | null | undefined; onChange: (value: string) => void; clearable?: boolean }) {
  const { i18n } = useTranslation();
  return (
    <MonthPickerInput
      {...rest}
      value={value ? `${value}-01` : null}
      onChange={(v) => onChange(v ? v.slice(0, 7) : '')}
      valueFormat={i18n.language === 'zh-CN' ? 'YYYY年M月' : 'MMMM YYYY'}
      clearable={clearable}
    />
  );
}

/** A local date and time as YYYY-MM-DDTHH:mm (the format of <input type="datetime-local">, '' when empty). */
export function DateTimeField({ value, onChange, ...rest }: FieldProps & { value: string | null | undefined; onChange: (value: string) => void }) {
  const { i18n } = useTranslation();
  return (
    <DateTimePicker
      {...rest}
      value={value ? `${value.replace('T', ' ').slice(0, 16)}:00` : null}
      onChange={(v) => onChange(v ? v.replace(' ', 'T').slice(0, 16) : '')}
      valueFormat={i18n.language === 'zh-CN' ? 'YYYY年M月D日 HH:mm' : 'MMM D, YYYY HH:mm'}
      clearable={!rest.required}
    />
  );
}

/** Adapts a @mantine/form field (getInputProps) to these fields' value/onChange. */
export function formDateProps(p: { value?: unknown; onChange: (v: unknown) => void; error?: ReactNode }) {
  return { value: typeof p.value === 'string' ? p.value : '', onChange: (v: string) => p.onChange(v), error: p.error };
}
