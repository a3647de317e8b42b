// Company merge dialog: pick the company that stays, then for each field on which they differ the value to keep
// (preset to the most recently updated non-empty one, as the server would choose); custom fields and tags combine.
import { useRef, useState } from 'react';
import { Modal, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error';
import type { Company } from '../../../types/api';
import type { DuplicatePair, Merge } from '../api/duplicates';
import { companyMergeFields, useCompaniesToMerge, useMergeCompanies, type CompanyMergeField } from '../api/company-merge';
import { defaultSource, fieldLabelKey, shownValue } from './company-merge-values';
import { loadedRecords, mergeRequest, MergeProblem, ValuePicker } from './merge-parts';
import { FormActions } from '../../../components/form-actions';

export function CompanyMergeModal({ pair, onClose, onMerged }: { pair: DuplicatePair | null; onClose: () => void; onMerged: (m: Merge) => void }) {
  const { t } = useTranslation();
  const shown = useRef<DuplicatePair | null>(null);
  if (pair) shown.current = pair; // keep the content while the modal fades out
  const p = pair ?? shown.current;
  return (
    <Modal opened={pair !== null} onClose={onClose} title={t('duplicates.mergeCompaniesTitle')} size="lg">
      {p && <MergeForm key={p.id} pair={p} open={pair !== null} onClose={onClose} onMerged={onMerged} />}
    </Modal>
  );
}

function MergeForm({ pair, open, onClose, onMerged }: { pair: DuplicatePair; open: boolean; onClose: () => void; onMerged: (m: Merge) => void }) {
  const { t } = useTranslation();
  const ids = [pair.a?.id, pair.b?.id].filter((id): id is string => Boolean(id));
  const queries = useCompaniesToMerge(ids, open);
  const merge = useMergeCompanies();
  const [survivor, setSurvivor] = useState<string | null>(null);
  const [picked, setPicked] = useState<Partial<Record<CompanyMergeField, string>>>({});

  const { records: companies, pending } = loadedRecords<Company>(queries);
  if (!companies) return pending;

  const keep = survivor ?? companies[0]!.id;
  const differing = companyMergeFields.filter((f) => new Set(companies.map((c) => shownValue(c, f))).size > 1);
  const sourceOf = (f: CompanyMergeField) => picked[f] ?? defaultSource(companies, f, keep);
  const conflict = merge.error instanceof ApiError && merge.error.status === 409;

  const submit = () => merge.mutate(mergeRequest(companies, keep, differing, sourceOf), { onSuccess: onMerged });
  const reload = () => {
    merge.reset();
    setPicked({});
    queries.forEach((q) => q.refetch());
  };

  return (
    <Stack>
      <Radio.Group value={keep} onChange={setSurvivor} label={t('duplicates.keepCompany')}>
        <Stack gap="sm" mt="xs">
          {companies.map((c) => (
            <Radio key={c.id} value={c.id} label={c.name} description={[c.domain, t('companies.contactCount', { count: c.contactCount })].filter(Boolean).join(' · ')} data-testid="merge-survivor" />
          ))}
        </Stack>
      </Radio.Group>
      <ValuePicker
        fields={differing.map((f) => ({ key: f, label: t(fieldLabelKey[f]), options: companies.map((c) => ({ id: c.id, value: shownValue(c, f), who: f === 'name' ? undefined : c.name })) }))}
        sourceOf={(f) => sourceOf(f as CompanyMergeField)}
        onPick={(f, id) => setPicked((old) => ({ ...old, [f]: id }))}
        sameText={t('duplicates.sameValues')}
      />
      <Text size="sm" c="dimmed">{t('duplicates.mergeCompaniesHint')}</Text>
      <MergeProblem error={merge.error} conflict={conflict} conflictMessage={t('duplicates.changedMeanwhile')} onReload={reload} />
      <FormActions onCancel={onClose} onSubmit={submit} loading={merge.isPending} disabled={conflict} submitLabel={t('duplicates.merge')} submitTestId="merge-confirm" />
    </Stack>
  );
}
