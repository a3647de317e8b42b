// The form builder: name, website, language, the fields (contact fields or custom fields, each with its label and
// whether it is required; e-mail always), the consent checkbox's text, double opt-in (with a warning when mail is
// not set up), the button and the thanks.
import { useState, type FormEvent } from 'react';
import { ActionIcon, Alert, Button, Checkbox, Group, Modal, Select, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCustomFields } from '../../../api/shared-queries';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { BUILTIN_FIELDS, useSaveWebForm, type FormField, type WebForm } from '../api/web-forms';
import { useWebSites } from '../api/web-sites';

function BuilderForm({ form, mailConfigured, onDone }: { form: WebForm | null; mailConfigured: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveWebForm(form?.id ?? null);
  const sites = useWebSites().data ?? [];
  const custom = useCustomFields('contact').data ?? [];
  const [name, setName] = useState(form?.name ?? '');
  const [siteId, setSiteId] = useState<string | null>(form?.siteId ?? null);
  const [language, setLanguage] = useState<WebForm['language']>(form?.language ?? 'en');
  const [fields, setFields] = useState<FormField[]>(form?.fields ?? [{ key: 'email', label: t('webForms.keys.email'), required: true }, { key: 'name', label: t('webForms.keys.name'), required: false }]);
  const [consentText, setConsentText] = useState(form?.consentText ?? '');
  const [doubleOptIn, setDoubleOptIn] = useState(form?.doubleOptIn ?? false);
  const [submitLabel, setSubmitLabel] = useState(form?.submitLabel ?? '');
  const [successMessage, setSuccessMessage] = useState(form?.successMessage ?? '');
  const [tried, setTried] = useState(false);
  const keys = [...BUILTIN_FIELDS.map((k) => ({ value: k, label: t(`webForms.keys.${k}`) })), ...custom.map((c) => ({ value: `cf:${c.key}`, label: c.label }))];
  const used = new Set(fields.map((f) => f.key));
  const setField = (i: number, patch: Partial<FormField>) => setFields(fields.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const addField = () => {
    const next = keys.find((k) => !used.has(k.value));
    if (next) setFields([...fields, { key: next.value, label: next.label, required: false }]);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!name.trim() || fields.some((f) => !f.label.trim())) return;
    save.mutate(
      { name: name.trim(), siteId, language, fields: fields.map((f) => ({ ...f, label: f.label.trim(), required: f.key === 'email' ? true : f.required })), consentText: consentText.trim() || null, doubleOptIn, ...(submitLabel.trim() ? { submitLabel: submitLabel.trim() } : {}), ...(successMessage.trim() ? { successMessage: successMessage.trim() } : {}) },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid="web-form-builder">
      <Stack gap="sm">
        {save.error && <ErrorAlert error={save.error} />}
        <TextInput label={t('webForms.name')} required name="name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={tried && !name.trim() ? t('common.required') : null} />
        <Group grow wrap="wrap">
          <Select label={t('webForms.site')} description={t('webForms.siteHint')} clearable placeholder={t('webForms.anySite')} value={siteId} onChange={setSiteId} data={sites.map((s) => ({ value: s.id, label: s.name }))} miw={200} />
          <Select label={t('webForms.language')} value={language} onChange={(v) => v && setLanguage(v as WebForm['language'])} data={[{ value: 'en', label: 'English' }, { value: 'zh-CN', label: '中文' }]} allowDeselect={false} miw={140} />
        </Group>
        <Text size="sm" fw={500}>{t('webForms.fields')}</Text>
        {fields.map((f, i) => (
          <Group key={i} gap="xs" wrap="wrap" align="flex-end" data-testid="web-form-field">
            <Select aria-label={t('webForms.fieldKey')} w={150} value={f.key} disabled={f.key === 'email'} onChange={(v) => v && setField(i, { key: v, label: keys.find((k) => k.value === v)?.label ?? f.label })} data={keys.filter((k) => k.value === f.key || !used.has(k.value))} allowDeselect={false} />
            <TextInput aria-label={t('webForms.fieldLabel')} style={{ flex: '1 1 140px' }} value={f.label} onChange={(e) => setField(i, { label: e.currentTarget.value })} error={tried && !f.label.trim() ? t('common.required') : null} />
            <Checkbox label={t('webForms.required')} checked={f.key === 'email' || f.required} disabled={f.key === 'email'} onChange={(e) => setField(i, { required: e.currentTarget.checked })} mb={8} />
            <ActionIcon variant="subtle" color="red" aria-label={t('webForms.removeField')} disabled={f.key === 'email'} onClick={() => setFields(fields.filter((_, j) => j !== i))} mb={4}><IconTrash size={16} /></ActionIcon>
          </Group>
        ))}
        <Group><Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={addField} disabled={used.size >= keys.length}>{t('webForms.addField')}</Button></Group>
        <Textarea label={t('webForms.consentText')} description={t('webForms.consentTextHint')} autosize minRows={2} value={consentText} onChange={(e) => setConsentText(e.currentTarget.value)} name="consentText" />
        <Switch label={t('webForms.doubleOptIn')} description={t('webForms.doubleOptInHint')} checked={doubleOptIn} onChange={(e) => setDoubleOptIn(e.currentTarget.checked)} />
        {doubleOptIn && !mailConfigured && <Alert color="yellow" variant="light" data-testid="web-form-no-mail">{t('webForms.noMail')}</Alert>}
        <Group grow wrap="wrap">
          <TextInput label={t('webForms.submitLabel')} placeholder={t('webForms.defaultShown')} value={submitLabel} onChange={(e) => setSubmitLabel(e.currentTarget.value)} miw={160} />
          <TextInput label={t('webForms.successMessage')} placeholder={t('webForms.defaultShown')} value={successMessage} onChange={(e) => setSuccessMessage(e.currentTarget.value)} miw={200} />
        </Group>
        <FormActions onCancel={onDone} submitLabel={t('webForms.save')} loading={save.isPending} submitTestId="web-form-save" />
      </Stack>
    </form>
  );
}

export function WebFormModal({ opened, form, mailConfigured, onClose }: { opened: boolean; form: WebForm | null; mailConfigured: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={form ? t('webForms.edit') : t('webForms.new')} size="xl">
      {opened && <BuilderForm key={form?.id ?? 'new'} form={form} mailConfigured={mailConfigured} onDone={onClose} />}
    </Modal>
  );
}
