// Modal form that creates a contact; server validation errors land on the matching fields.
import { Modal, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useCustomFields } from '../../../api/shared-queries';
import { CompanyPicker } from '../../../components/company-picker';
import { CustomFieldsInputs } from '../../../components/custom-fields/custom-fields-inputs';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { formErrorsFrom } from '../../../lib/form-errors';
import { LIFECYCLE_STAGES, type Contact, type CustomFieldValues, type LifecycleStage } from '../../../types/api';
import { useCreateContact } from '../api/contact-mutations';

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreated: (contact: Contact) => void;
  companyId?: string;
  companyName?: string;
}

const LIST_FIELDS = ['emails', 'phones', 'tags'];

export function CreateContactModal({ opened, onClose, onCreated, companyId, companyName }: Props) {
  const { t } = useTranslation();
  const create = useCreateContact();
  const fields = useCustomFields('contact');
  const form = useForm({
    initialValues: {
      displayName: '',
      title: '',
      companyId: (companyId ?? null) as string | null,
      emails: [] as string[],
      phones: [] as string[],
      lifecycleStage: 'lead' as LifecycleStage,
      tags: [] as string[],
      customFields: {} as CustomFieldValues,
    },
    validate: { displayName: (v) => (v.trim() ? null : t('common.required')) },
  });

  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };

  const submit = form.onSubmit((v) =>
    create.mutate(
      { ...v, displayName: v.displayName.trim(), title: v.title.trim() || null },
      {
        onSuccess: (contact) => {
          form.reset();
          onCreated(contact);
        },
        onError: (err) => form.setErrors(formErrorsFrom(err, LIST_FIELDS)),
      },
    ),
  );

  const knownErrors = Object.keys(form.errors).length > 0;

  return (
    <Modal opened={opened} onClose={close} title={t('contacts.new')} size="lg">
      <form onSubmit={submit} noValidate data-testid="create-contact-form">
        <Stack>
          {create.error && !knownErrors && <ErrorAlert error={create.error} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('contacts.name')} name="displayName" required data-autofocus {...form.getInputProps('displayName')} />
            <TextInput label={t('contacts.jobTitle')} name="title" {...form.getInputProps('title')} />
          </SimpleGrid>
          <CompanyPicker
            label={t('contacts.company')}
            value={form.values.companyId}
            initialLabel={companyName}
            onChange={(id) => form.setFieldValue('companyId', id)}
            error={form.errors.companyId as string | undefined}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TagsInput label={t('contacts.emails')} name="emails" placeholder={t('contacts.enterToAdd')} splitChars={[',', ' ']} acceptValueOnBlur {...form.getInputProps('emails')} />
            <TagsInput label={t('contacts.phones')} name="phones" placeholder={t('contacts.enterToAdd')} splitChars={[',']} acceptValueOnBlur {...form.getInputProps('phones')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('contacts.stage')}
              allowDeselect={false}
              data={LIFECYCLE_STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
              {...form.getInputProps('lifecycleStage')}
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
