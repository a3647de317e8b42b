// Contact merge dialog for a pair or a whole group: pick the contact that stays, then for each field on which they
// differ the value to keep (preset to what the server would choose); emails, phones, tags and custom fields combine.
import { useRef, useState } from 'react';
import { Modal, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error';
import type { Merge } from '../api/duplicates';
import { contactMergeFields, useContactsToMerge, useMergeContacts, type ContactMergeField, type MergeContact } from '../api/contact-merge';
import { contactFieldLabelKey, defaultContactSource, differingFields, shownContactValue } from './contact-merge-values';
import { loadedRecords, mergeRequest, MergeProblem, ValuePicker } from './merge-parts';
import { FormActions } from '../../../components/form-actions';

/** What to merge: the contact ids (a pair's two, or a group's members) and a key that changes with the selection. */
export interface MergeTarget {
  key: string;
  ids: string[];
}

export function ContactMergeModal({ target, onClose, onMerged }: { target: MergeTarget | null; onClose: () => void; onMerged: (m: Merge) => void }) {
  const { t } = useTranslation();
  const shown = useRef<MergeTarget | null>(null);
  if (target) shown.current = target; // keep the content while the modal fades out
  const m = target ?? shown.current;
  return (
    <Modal opened={target !== null} onClose={onClose} title={m && m.ids.length > 2 ? t('duplicates.mergeGroupTitle', { count: m.ids.length }) : t('duplicates.mergeTitle')} size="lg">
      {m && <MergeForm key={m.key} ids={m.ids} open={target !== null} onClose={onClose} onMerged={onMerged} />}
    </Modal>
  );
}

function MergeForm({ ids, open, onClose, onMerged }: { ids: string[]; open: boolean; onClose: () => void; onMerged: (m: Merge) => void }) {
  const { t } = useTranslation();
  const queries = useContactsToMerge(ids, open);
  const merge = useMergeContacts();
  const [survivor, setSurvivor] = useState<string | null>(null);
  const [picked, setPicked] = useState<Partial<Record<ContactMergeField, string>>>({});

  const { records: contacts, pending } = loadedRecords<MergeContact>(queries);
  if (!contacts) return pending;

  const keep = survivor ?? contacts[0]!.id;
  const differing = differingFields(contacts, contactMergeFields);
  const sourceOf = (f: ContactMergeField) => picked[f] ?? defaultContactSource(contacts, f, keep);
  // 409: a contact changed or was merged during the merge; 404: one was merged or deleted since the dialog loaded.
  const conflict = merge.error instanceof ApiError && (merge.error.status === 409 || merge.error.status === 404);

  // Names are often the same: number the contacts as in the list above and mark the one that stays.
  const whose = (c: MergeContact, i: number) => `${i + 1}. ${c.displayName}${c.id === keep ? ` · ${t('duplicates.kept')}` : ''}`;

  const submit = () => merge.mutate(mergeRequest(contacts, keep, differing, sourceOf), { onSuccess: onMerged });
  const reload = () => {
    merge.reset();
    setPicked({});
    queries.forEach((q) => q.refetch());
  };

  return (
    <Stack>
      <Radio.Group value={keep} onChange={setSurvivor} label={t('duplicates.keep')} data-testid="merge-keep">
        <Stack gap="sm" mt="xs">
          {contacts.map((c, i) => (
            <Radio
              key={c.id}
              value={c.id}
              label={`${i + 1}. ${c.displayName}`}
              description={[...c.emails, ...c.phones, c.companyName].filter(Boolean).join(' · ')}
              styles={{ description: { wordBreak: 'break-word' } }}
            />
          ))}
        </Stack>
      </Radio.Group>
      <ValuePicker
        fields={differing.map((f) => ({ key: f, label: t(contactFieldLabelKey[f]), options: contacts.map((c, i) => ({ id: c.id, value: shownContactValue(c, f, t), who: whose(c, i) })) }))}
        sourceOf={(f) => sourceOf(f as ContactMergeField)}
        onPick={(f, id) => setPicked((old) => ({ ...old, [f]: id }))}
        sameText={t('duplicates.sameContactValues')}
      />
      <Text size="sm" c="dimmed">{t('duplicates.mergeHint')}</Text>
      <MergeProblem error={merge.error} conflict={conflict} conflictMessage={t('duplicates.contactChangedMeanwhile')} onReload={reload} />
      <FormActions onCancel={onClose} onSubmit={submit} loading={merge.isPending} disabled={conflict} submitLabel={t('duplicates.merge')} submitTestId="merge-confirm" />
    </Stack>
  );
}
