// The deal's own fields in the drawer: name, amount and currency, expected close, owner, company, forecast category.
import { NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useUserDirectory } from '../../../api/shared-queries';
import { CompanyPicker } from '../../../components/company-picker';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { formErrorsFrom } from '../../../lib/form-errors';
import { currencyOptions, toMajor, toMinor } from '../../../lib/money-input';
import { FORECAST_CATEGORIES, type DealDetail, type ForecastCategory } from '../api/deal-types';
import { lineItemsOf, useUpdateDeal, type DealPatch } from '../api/update-deal';
import { DateField, formDateProps } from '../../../components/date-fields';

export function DealEditForm({ deal, onDone }: { deal: DealDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const users = useUserDirectory();
  const update = useUpdateDeal(deal.id);
  const form = useForm({
    initialValues: {
      name: deal.name,
      amount: toMajor(deal.amount) as number | string,
      currency: deal.currency,
      expectedCloseDate: deal.expectedCloseDate ?? '',
      ownerId: deal.ownerId,
      companyId: deal.companyId,
      forecastCategory: deal.forecastCategory as ForecastCategory,
    },
    validate: {
      name: (v) => (v.trim() ? null : t('common.required')),
      amount: (v) => (v !== '' && Number(v) < 0 ? t('dealEdit.notNegative') : null),
    },
  });
  const owners = (users.data ?? []).filter((u) => u.active || u.id === deal.ownerId).map((u) => ({ value: u.id, label: u.name }));
  if (deal.ownerId && !owners.some((o) => o.value === deal.ownerId)) owners.unshift({ value: deal.ownerId, label: deal.ownerName ?? '' });

  const submit = form.onSubmit((v) => {
    const amount = toMinor(v.amount);
    const patch: DealPatch = {
      ...(v.name.trim() !== deal.name && { name: v.name.trim() }),
      ...(amount !== undefined && amount !== deal.amount && { amount }),
      ...(v.currency !== deal.currency && { currency: v.currency }),
      // A new currency re-prices the line items from the price books (the server asks for them).
      ...(v.currency !== deal.currency && deal.lineItems.length > 0 && { lineItems: lineItemsOf(deal, true) }),
      ...((v.expectedCloseDate || null) !== deal.expectedCloseDate && { expectedCloseDate: v.expectedCloseDate || null }),
      ...(v.ownerId !== deal.ownerId && { ownerId: v.ownerId }),
      ...(v.companyId !== deal.companyId && { companyId: v.companyId }),
      ...(v.forecastCategory !== deal.forecastCategory && { forecastCategory: v.forecastCategory }),
    };
    if (Object.keys(patch).length === 0) return onDone();
    update.mutate(patch, { onSuccess: onDone, onError: (err) => form.setErrors(formErrorsFrom(err)) });
  });

  return (
    <form onSubmit={submit} noValidate data-testid="deal-edit-form">
      <Stack gap="sm">
        {update.error && Object.keys(form.errors).length === 0 && <ErrorAlert error={update.error} />}
        <TextInput label={t('deals.name')} name="name" required {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <NumberInput label={t('deals.amountMajor')} name="amount" min={0} decimalScale={2} thousandSeparator="," {...form.getInputProps('amount')} />
          <Select label={t('dealEdit.currency')} name="currency" data={currencyOptions(deal.currency)} searchable allowDeselect={false} {...form.getInputProps('currency')} />
        </SimpleGrid>
        {form.values.currency !== deal.currency && deal.lineItems.length > 0 && (
          <Text size="xs" c="dimmed">{t('dealEdit.currencyReprices')}</Text>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <DateField label={t('deals.closeDate')} name="expectedCloseDate" {...formDateProps(form.getInputProps('expectedCloseDate'))} />
          <Select
            label={t('deals.forecastCategory')}
            allowDeselect={false}
            data={FORECAST_CATEGORIES.map((c) => ({ value: c, label: t(`deals.category.${c}`) }))}
            {...form.getInputProps('forecastCategory')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Select label={t('common.owner')} placeholder={t('deals.noOwner')} data={owners} searchable clearable {...form.getInputProps('ownerId')} />
          <CompanyPicker
            label={t('deals.company')}
            value={form.values.companyId}
            initialLabel={deal.companyName}
            error={form.errors.companyId as string | undefined}
            onChange={(id) => form.setFieldValue('companyId', id)}
          />
        </SimpleGrid>
        <FormActions onCancel={onDone} loading={update.isPending} submitLabel={t('dealEdit.save')} submitTestId="save-deal" />
      </Stack>
    </form>
  );
}
