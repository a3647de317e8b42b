// Modal to define a new custom field for contacts or companies.
import { Modal, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { formErrorsFrom } from '../../../lib/form-errors';
import { CUSTOM_FIELD_TYPES, type CustomFieldObject, type CustomFieldType } from '../../../types/api';
import { useCreateCustomField } from '../api/admin';

function toKey(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
}

export function CustomFieldModal({ opened, onClose, object }: { opened: boolean; onClose: () => void; object: CustomFieldObject }) {
  const { t } = useTranslation();
  const create = useCreateCustomField();
  const form = useForm({
    initialValues: { label: '', key: '', type: 'text' as CustomFieldType, options: [] as string[] },
    validate: {
      label: (v) => (v.trim() ? null : t('common.required')),
      key: (v) => (/^[a-z][a-z0-9_]*$/.test(v) ? null : t('settings.fields.keyRule')),
      options: (v, all) => ((all.type === 'select' || all.type === 'multiselect') && v.length === 0 ? t('settings.fields.optionsRequired') : null),
    },
  });
  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };
  const submit = form.onSubmit((v) =>
    create.mutate({ object, ...v, label: v.label.trim() }, { onSuccess: close, onError: (err) => form.setErrors(formErrorsFrom(err, ['options'])) }),
  );
  const needsOptions = form.values.type === 'select' || form.values.type === 'multiselect';
  return (
    <Modal opened={opened} onClose={close} title={t('settings.fields.new', { object: t(`settings.fields.objects.${object}`) })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {create.error && Object.keys(form.errors).length === 0 && <ErrorAlert error={create.error} />}
          <TextInput
            label={t('settings.fields.label')}
            required
            data-autofocus
            {...form.getInputProps('label')}
            onChange={(e) => {
              const label = e.currentTarget.value;
              const auto = form.values.key === '' || form.values.key === toKey(form.values.label);
              form.setFieldValue('label', label);
              if (auto) form.setFieldValue('key', toKey(label));
            }}
          />
          <TextInput label={t('settings.fields.key')} description={t('settings.fields.keyRule')} required {...form.getInputProps('key')} />
          <Select label={t('settings.fields.type')} data={CUSTOM_FIELD_TYPES.map((ty) => ({ value: ty, label: t(`settings.fields.types.${ty}`) }))} allowDeselect={false} {...form.getInputProps('type')} />
          {needsOptions && <TagsInput label={t('settings.fields.options')} placeholder={t('contacts.enterToAdd')} acceptValueOnBlur {...form.getInputProps('options')} />}
          <FormActions onCancel={close} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
