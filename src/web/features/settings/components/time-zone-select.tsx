// A searchable list of IANA time zones (Asia/Shanghai, Europe/London…), with "use this browser's" as a one-click choice.
import { Anchor, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { browserTimeZone } from '../../../lib/time-zone';

const zones = (): string[] => {
  let all: string[] = [];
  try {
    all = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  } catch {
    all = [];
  }
  return ['UTC', ...all.filter((z) => z !== 'UTC')];
};

interface Props {
  label: string;
  description: string;
  value: string | null;
  /** Shown when no zone is chosen (a person without their own zone uses the organisation's). */
  placeholder?: string;
  clearable?: boolean;
  onChange: (tz: string | null) => void;
  testId?: string;
}

export function TimeZoneSelect({ label, description, value, placeholder, clearable = false, onChange, testId }: Props) {
  const { t } = useTranslation();
  const here = browserTimeZone();
  const data = zones();
  if (value && !data.includes(value)) data.unshift(value);
  return (
    <div>
      <Select label={label} description={description} data={data} value={value} placeholder={placeholder} searchable clearable={clearable} allowDeselect={clearable} onChange={onChange} data-testid={testId} />
      {value !== here && (
        <Text size="xs" mt={4}>
          <Anchor component="button" type="button" size="xs" onClick={() => onChange(here)}>{t('settings.timeZone.useBrowser', { zone: here })}</Anchor>
        </Text>
      )}
    </div>
  );
}
