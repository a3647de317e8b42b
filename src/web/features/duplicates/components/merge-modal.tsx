// Merge dialog: pick which of the two contacts survives; the other is merged into it.
import { useRef, useState } from 'react';
import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import type { DuplicatePair, Merge } from '../api/duplicates';
import { useMerge } from '../api/duplicates';

export function MergeModal({ pair, onClose, onMerged }: { pair: DuplicatePair | null; onClose: () => void; onMerged: (m: Merge) => void }) {
  const { t } = useTranslation();
  const [survivor, setSurvivor] = useState<string | null>(null);
  const merge = useMerge();
  const shown = useRef<DuplicatePair | null>(null);
  if (pair) shown.current = pair; // keep the content while the modal fades out
  const p = pair ?? shown.current;
  const recs = p ? [p.a, p.b].filter((r) => r !== null) : [];
  const chosen = survivor ?? recs[0]?.id ?? null;

  const submit = () => {
    if (!chosen) return;
    merge.mutate(
      { survivorId: chosen, mergedIds: recs.filter((r) => r.id !== chosen).map((r) => r.id) },
      { onSuccess: (m) => { setSurvivor(null); onMerged(m); } },
    );
  };

  return (
    <Modal opened={pair !== null} onClose={() => { merge.reset(); setSurvivor(null); onClose(); }} title={t('duplicates.mergeTitle')}>
      <Stack>
        <Radio.Group value={chosen} onChange={setSurvivor} label={t('duplicates.keep')}>
          <Stack gap="sm" mt="xs">
            {recs.map((r) => (
              <Radio
                key={r.id}
                value={r.id}
                label={r.displayName}
                description={[...r.emails, ...r.phones, r.companyName].filter(Boolean).join(' · ')}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Text size="sm" c="dimmed">{t('duplicates.mergeHint')}</Text>
        {merge.isError && <ErrorAlert error={merge.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={submit} loading={merge.isPending} disabled={!chosen || recs.length < 2} data-testid="merge-confirm">
            {t('duplicates.merge')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
