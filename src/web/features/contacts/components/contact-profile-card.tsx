// Profile card of the 360° view: every field editable in place (PATCH on save).
import { Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCustomFields, useUserDirectory } from '../../../api/shared-queries';
import { CompanyField } from '../../../components/company-field';
import { CustomFieldsPanel } from '../../../components/custom-fields/custom-fields-panel';
import { InlineEditField, type EditValue } from '../../../components/inline-edit-field';
import { formatDate } from '../../../lib/format';
import { LIFECYCLE_STAGES, type Contact, type User } from '../../../types/api';
import { useUpdateContact, type ContactInput } from '../api/contact-mutations';
import { formatPhone } from '../../../lib/format-phone';
import { ConsentPanel } from './consent-panel';

export function ContactProfileCard({ contact, me }: { contact: Contact; me: User }) {
  const { t } = useTranslation();
  const update = useUpdateContact(contact.id);
  const fields = useCustomFields('contact');
  const users = useUserDirectory(me.role === 'admin');
  const save = (patch: ContactInput) => update.mutateAsync(patch);
  const text = (v: EditValue) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const list = (v: EditValue) => (Array.isArray(v) ? v : []);
  const ownerOptions = (users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));

  return (
    <Card withBorder data-testid="profile-card">
      <Stack gap="sm">
        <InlineEditField label={t('contacts.name')} value={contact.displayName} onSave={(v) => save({ displayName: text(v) ?? contact.displayName })} testId="field-displayName" />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <InlineEditField label={t('contacts.jobTitle')} value={contact.title} onSave={(v) => save({ title: text(v) })} />
          <CompanyField companyId={contact.companyId} companyName={contact.companyName} onSave={(companyId) => save({ companyId })} />
          <InlineEditField label={t('contacts.emails')} kind="tags" value={contact.emails} onSave={(v) => save({ emails: list(v) })} testId="field-emails" />
          <InlineEditField label={t('contacts.phones')} kind="tags" value={contact.phones} display={contact.phones.map(formatPhone).join(', ')} onSave={(v) => save({ phones: list(v) })} testId="field-phones" />
          <InlineEditField
            label={t('contacts.stage')}
            kind="select"
            value={contact.lifecycleStage}
            options={LIFECYCLE_STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
            display={t(`stages.${contact.lifecycleStage}`)}
            onSave={(v) => save({ lifecycleStage: (v as Contact['lifecycleStage']) ?? contact.lifecycleStage })}
          />
          {me.role === 'admin' && ownerOptions.length > 0 ? (
            <InlineEditField label={t('common.owner')} kind="select" value={contact.ownerId} options={ownerOptions} display={contact.ownerName} onSave={(v) => save({ ownerId: text(v) })} />
          ) : (
            <div>
              <Text size="xs" c="dimmed">{t('common.owner')}</Text>
              <Text size="sm">{contact.ownerName ?? t('common.empty')}</Text>
            </div>
          )}
          <InlineEditField label={t('common.tags')} kind="tags" value={contact.tags} onSave={(v) => save({ tags: list(v) })} />
          <InlineEditField label={t('contacts.source')} value={contact.source} onSave={(v) => save({ source: text(v) })} />
          <InlineEditField label={t('contacts.birthday')} kind="date" value={contact.birthday} display={formatDate(contact.birthday)} onSave={(v) => save({ birthday: text(v) })} />
        </SimpleGrid>
        <ConsentPanel contact={contact} save={save} />
        <CustomFieldsPanel
          fields={fields.data ?? []}
          values={contact.customFields ?? {}}
          onSave={(key, value) => save({ customFields: { ...contact.customFields, [key]: value } })}
        />
      </Stack>
    </Card>
  );
}
