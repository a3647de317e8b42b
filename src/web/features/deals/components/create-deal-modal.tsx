// Modal form that creates a deal in a pipeline stage, with its owner, contacts (with roles) and company, optionally one
// product line (the amount then follows it). Opened from a contact's page, it starts with that contact and company.
import { Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CompanyPicker } from '../../../components/company-picker';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { formErrorsFrom } from '../../../lib/form-errors';
import { currentLocale } from '../../../lib/i18n';
import { useCreateDeal } from '../api/deal-mutations';
import { FORECAST_CATEGORIES, type Deal, type ForecastCategory, type Pipeline } from '../api/deal-types';
import { useProducts } from '../api/get-products';
import { displayName } from '../../../lib/default-names';
import { DateField, formDateProps } from '../../../components/date-fields';
import { DealOwnerSelect, DealPeopleEditor, type DealPerson } from './deal-people-fields';

interface Props {
  opened: boolean;
  pipeline: Pipeline | undefined;
  onClose: () => void;
  onCreated: (deal: Deal) => void;
  /** Filled in when the form opens (a contact's or company's page); the owner defaults to the signed-in user. */
  initial?: { contacts?: DealPerson[]; companyId?: string | null; companyName?: string; ownerId?: string | null };
}

export function CreateDealModal({ opened, pipeline, onClose, onCreated, initial }: Props) {
  const { t } = useTranslation();
  const create = useCreateDeal();
  const products = useProducts(opened);
  const openStages = (pipeline?.stages ?? []).filter((s) => s.kind === 'open');
  const form = useForm({
    initialValues: {
      name: '',
      stageId: '' as string,
      amount: '' as number | string,
      expectedCloseDate: '',
      companyId: (initial?.companyId ?? null) as string | null,
      ownerId: (initial?.ownerId ?? null) as string | null,
      contacts: (initial?.contacts ?? []) as DealPerson[],
      forecastCategory: 'pipeline' as ForecastCategory,
      productId: null as string | null,
      quantity: 1 as number | string,
    },
    validate: { name: (v) => (v.trim() ? null : t('common.required')) },
  });

  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };

  const submit = form.onSubmit((v) =>
    create.mutate(
      {
        name: v.name.trim(),
        pipelineId: pipeline?.id,
        stageId: v.stageId || openStages[0]?.id,
        ...(v.amount !== '' ? { amount: Math.round(Number(v.amount) * 100) } : {}),
        expectedCloseDate: v.expectedCloseDate || null,
        companyId: v.companyId,
        ...(v.ownerId ? { ownerId: v.ownerId } : {}),
        contacts: v.contacts.map((c) => ({ contactId: c.contactId, role: c.role.trim() || null })),
        forecastCategory: v.forecastCategory,
        ...(v.productId ? { lineItems: [{ productId: v.productId, quantity: Number(v.quantity) || 1 }] } : {}),
      },
      {
        onSuccess: (deal) => {
          form.reset();
          onCreated(deal);
        },
        onError: (err) => form.setErrors(formErrorsFrom(err, ['contacts'])),
      },
    ),
  );
  const zh = currentLocale().startsWith('zh');

  return (
    <Modal opened={opened} onClose={close} title={t('deals.new')} size="lg">
      <form onSubmit={submit} noValidate data-testid="create-deal-form">
        <Stack>
          {create.error && Object.keys(form.errors).length === 0 && <ErrorAlert error={create.error} />}
          <TextInput label={t('deals.name')} name="name" required data-autofocus {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('deals.stage')}
              data={openStages.map((s) => ({ value: s.id, label: `${displayName(s.name, t)} (${s.probability}%)` }))}
              placeholder={openStages[0]?.name}
              {...form.getInputProps('stageId')}
            />
            <NumberInput label={t('deals.amountMajor')} min={0} thousandSeparator="," {...form.getInputProps('amount')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label={t('deals.closeDate')} name="expectedCloseDate" {...formDateProps(form.getInputProps('expectedCloseDate'))} />
            <Select
              label={t('deals.forecastCategory')}
              allowDeselect={false}
              data={FORECAST_CATEGORIES.map((c) => ({ value: c, label: t(`deals.category.${c}`) }))}
              {...form.getInputProps('forecastCategory')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <CompanyPicker label={t('deals.company')} initialLabel={initial?.companyName} value={form.values.companyId} onChange={(id) => form.setFieldValue('companyId', id)} />
            <DealOwnerSelect value={form.values.ownerId} onChange={(id) => form.setFieldValue('ownerId', id)} error={form.errors.ownerId} />
          </SimpleGrid>
          <DealPeopleEditor people={form.values.contacts} onChange={(people) => form.setFieldValue('contacts', people)} label={t('deals.contacts')} data-testid="new-deal-contacts" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('deals.product')}
              placeholder={t('deals.noProduct')}
              clearable
              searchable
              data={(products.data ?? []).map((p) => ({ value: p.id, label: `${zh && p.nameZh ? p.nameZh : p.nameEn} (${p.sku})` }))}
              {...form.getInputProps('productId')}
            />
            <NumberInput label={t('deals.quantity')} min={1} disabled={!form.values.productId} {...form.getInputProps('quantity')} />
          </SimpleGrid>
          <FormActions onCancel={close} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
