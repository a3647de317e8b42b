// Organisation defaults: phone region used to normalise numbers, the default currency and time zone.
import { Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useAppSettings } from '../../../api/shared-queries';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { errorMessage } from '../../../lib/error-message';
import { currentLocale } from '../../../lib/i18n';
import { useUpdateSettings } from '../api/admin';
import { TimeZoneSelect } from './time-zone-select';

const REGIONS = ['CN', 'HK', 'MO', 'TW', 'SG', 'MY', 'JP', 'KR', 'IN', 'AU', 'NZ', 'US', 'CA', 'GB', 'DE', 'FR', 'ES', 'IT', 'NL', 'BR'];
const CURRENCIES = ['CNY', 'HKD', 'TWD', 'SGD', 'JPY', 'KRW', 'USD', 'EUR', 'GBP', 'AUD', 'CAD'];

export function GeneralSection() {
  const { t } = useTranslation();
  const settings = useAppSettings();
  const update = useUpdateSettings();
  const names = new Intl.DisplayNames([currentLocale()], { type: 'region' });
  const currencyNames = new Intl.DisplayNames([currentLocale()], { type: 'currency' });
  const save = (patch: { defaultRegion?: string; defaultCurrency?: string; timeZone?: string }) =>
    update.mutate(patch, {
      onSuccess: () => notifications.show({ color: 'green', message: t('common.saved') }),
      onError: (err) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) }),
    });

  if (settings.isPending) return <ListSkeleton rows={2} />;
  if (settings.error) return <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />;
  const region = settings.data.defaultRegion;
  const currency = settings.data.defaultCurrency;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('settings.general.region')}
          description={t('settings.general.regionHint')}
          searchable
          allowDeselect={false}
          data={(REGIONS.includes(region) ? REGIONS : [region, ...REGIONS]).map((r) => ({ value: r, label: `${names.of(r) ?? r} (${r})` }))}
          value={region}
          onChange={(v) => v && save({ defaultRegion: v })}
        />
        <Select
          label={t('settings.general.currency')}
          description={t('settings.general.currencyHint')}
          searchable
          allowDeselect={false}
          data={(CURRENCIES.includes(currency) ? CURRENCIES : [currency, ...CURRENCIES]).map((c) => ({ value: c, label: `${currencyNames.of(c) ?? c} (${c})` }))}
          value={currency}
          onChange={(v) => v && save({ defaultCurrency: v })}
        />
        <TimeZoneSelect label={t('settings.timeZone.org')} description={t('settings.timeZone.orgHint')} value={settings.data.timeZone ?? 'UTC'} onChange={(v) => v && save({ timeZone: v })} testId="org-time-zone" />
      </SimpleGrid>
      <Text size="xs" c="dimmed">{t('settings.general.note')}</Text>
    </Stack>
  );
}
