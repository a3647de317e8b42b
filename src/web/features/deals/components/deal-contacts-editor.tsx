// Editing the people on a deal in its drawer: the shared people fields, saved together.
import { useState } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import type { DealDetail } from '../api/deal-types';
import { useUpdateDeal } from '../api/update-deal';
import { DealPeopleEditor, type DealPerson } from './deal-people-fields';

export function DealContactsEditor({ deal, onDone }: { deal: DealDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateDeal(deal.id);
  const [people, setPeople] = useState<DealPerson[]>(() => deal.contacts.map((c) => ({ contactId: c.contactId, displayName: c.displayName, role: c.role ?? '' })));
  const save = () => update.mutate({ contacts: people.map((p) => ({ contactId: p.contactId, role: p.role.trim() || null })) }, { onSuccess: onDone });

  return (
    <Stack gap="xs" data-testid="deal-contacts-editor">
      {update.error && <ErrorAlert error={update.error} />}
      <DealPeopleEditor people={people} onChange={setPeople} empty={t('dealEdit.noContacts')} />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
        <Button onClick={save} loading={update.isPending} data-testid="save-deal-contacts">{t('dealEdit.save')}</Button>
      </Group>
    </Stack>
  );
}
