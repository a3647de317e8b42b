// Modal that sets the monthly quota of a rep or a team over a range of months.
import { useEffect } from 'react';
import { Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useTeams, useUserDirectory } from '../../../api/shared-queries';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { currencyOptions, toMinor } from '../../../lib/money-input';
import { monthsBetween, useSetQuota } from '../api/quotas';
import { MonthField, formDateProps } from '../../../components/date-fields';

export interface QuotaTarget {
  kind: 'rep' | 'team';
  id: string | null;
  /** Monthly amount in whole units to start from. */
  amount?: number;
}

interface Props {
  target: QuotaTarget | null;
  range: { from: string; to: string };
  currency: string;
  onClose: () => void;
}

export function QuotaModal({ target, range, currency, onClose }: Props) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 48em)');
  const users = useUserDirectory(Boolean(target));
  const teams = useTeams();
  const save = useSetQuota();
  const form = useForm({
    initialValues: { kind: 'rep' as 'rep' | 'team', id: null as string | null, from: range.from, to: range.to, amount: '' as number | string, currency },
    validate: {
      id: (v) => (v ? null : t('common.required')),
      amount: (v) => (v === '' ? t('common.required') : Number(v) < 0 ? t('dealEdit.notNegative') : null),
      to: (v, values) => (/^\d{4}-\d{2}$/.test(v) && /^\d{4}-\d{2}$/.test(values.from) && values.from <= v ? null : t('forecast.badRange')),
    },
  });
  useEffect(() => {
    if (!target) return;
    form.setValues({ kind: target.kind, id: target.id, from: range.from, to: range.to, amount: target.amount ?? '', currency });
    form.clearErrors();
    save.reset();
    // start from the row it was opened for
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target]);

  const options = form.values.kind === 'rep'
    ? (users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))
    : (teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }));
  const months = monthsBetween(form.values.from, form.values.to);
  const submit = form.onSubmit((v) =>
    save.mutate(
      { ...(v.kind === 'rep' ? { userId: v.id! } : { teamId: v.id! }), amount: toMinor(v.amount) ?? 0, currency: v.currency, months },
      { onSuccess: onClose },
    ),
  );

  return (
    <Modal opened={Boolean(target)} onClose={onClose} title={t('quotas.set')} fullScreen={narrow}>
      <form onSubmit={submit} noValidate data-testid="quota-form">
        <Stack>
          {save.error && <ErrorAlert error={save.error} />}
          <SegmentedControl
            data={[{ value: 'rep', label: t('quotas.rep') }, { value: 'team', label: t('quotas.team') }]}
            value={form.values.kind}
            onChange={(kind) => form.setValues({ kind: kind as 'rep' | 'team', id: null })}
          />
          <Select label={form.values.kind === 'rep' ? t('quotas.rep') : t('quotas.team')} data={options} searchable {...form.getInputProps('id')} data-testid="quota-target" />
          <SimpleGrid cols={2}>
            <MonthField label={t('forecast.from')} {...formDateProps(form.getInputProps('from'))} />
            <MonthField label={t('forecast.to')} {...formDateProps(form.getInputProps('to'))} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <NumberInput label={t('quotas.perMonth')} name="amount" min={0} decimalScale={2} thousandSeparator="," {...form.getInputProps('amount')} />
            <Select label={t('dealEdit.currency')} data={currencyOptions(currency)} searchable allowDeselect={false} {...form.getInputProps('currency')} />
          </SimpleGrid>
          <Text size="xs" c="dimmed">{t('quotas.months', { count: months.length })}</Text>
          <FormActions onCancel={onClose} loading={save.isPending} submitLabel={t('quotas.save')} submitTestId="save-quota" />
        </Stack>
      </form>
    </Modal>
  );
}
