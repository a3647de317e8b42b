// Modal form that creates a company; server validation errors land on the matching fields.
import { Modal, NumberInput, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useAppSettings, useCustomFields } from '../../../api/shared-queries';
import { CustomFieldsInputs } from '../../../components/custom-fields/custom-fields-inputs';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { formErrorsFrom } from '../../../lib/form-errors';
import { COMPANY_SIZES, type Company, type CompanySize, type CustomFieldValues } from '../../../types/api';
import { useCreateCompany } from '../api/companies';

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreated: (company: Company) => void;
}

export function CreateCompanyModal({ opened, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const create = useCreateCompany();
  const fields = useCustomFields('company');
  const settings = useAppSettings();
  const form = useForm({
    initialValues: {
      name: '',
      domain: '',
      industry: '',
      size: null as CompanySize | null,
      annualRevenue: '' as number | string,
      tags: [] as string[],
      customFields: {} as CustomFieldValues,
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
        domain: v.domain.trim() || null,
        industry: v.industry.trim() || null,
        size: v.size,
        annualRevenue: typeof v.annualRevenue === 'number' ? Math.round(v.annualRevenue * 100) : null,
        currency: settings.data?.defaultCurrency ?? 'CNY',
        tags: v.tags,
        customFields: v.customFields,
      },
      {
        onSuccess: (company) => {
          form.reset();
          onCreated(company);
        },
        onError: (err) => form.setErrors(formErrorsFrom(err, ['tags'])),
      },
    ),
  );

  return (
    <Modal opened={opened} onClose={close} title={t('companies.new')} size="lg">
      <form onSubmit={submit} noValidate data-testid="create-company-form">
        <Stack>
          {create.error && Object.keys(form.errors).length === 0 && <ErrorAlert error={create.error} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('companies.name')} name="name" required data-autofocus {...form.getInputProps('name')} />
            <TextInput label={t('companies.domain')} name="domain" placeholder="example.com" {...form.getInputProps('domain')} />
            <TextInput label={t('companies.industry')} name="industry" {...form.getInputProps('industry')} />
            <Select label={t('companies.size')} data={COMPANY_SIZES} clearable {...form.getInputProps('size')} />
            <NumberInput
              label={t('companies.revenueWithCurrency', { currency: settings.data?.defaultCurrency ?? 'CNY' })}
              min={0}
              thousandSeparator=","
              {...form.getInputProps('annualRevenue')}
            />
            <TagsInput label={t('common.tags')} acceptValueOnBlur {...form.getInputProps('tags')} />
          </SimpleGrid>
          <CustomFieldsInputs
            fields={fields.data ?? []}
            values={form.values.customFields}
            errors={form.errors as Record<string, string | undefined>}
            onChange={(key, value) => form.setFieldValue('customFields', { ...form.values.customFields, [key]: value })}
          />
          <FormActions onCancel={close} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
