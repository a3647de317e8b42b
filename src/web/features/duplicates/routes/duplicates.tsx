// Duplicates page: open contact or company pairs with score and reasons, or contacts in groups; run detection,
// dismiss, merge a pair or a whole group (with undo).
import { useEffect, useState } from 'react';
import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { useCanCall } from '../../auth';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageHeader } from '../../../components/page-header';
import type { DuplicatePair, DupEntity, Merge } from '../api/duplicates';
import { useDetect, useDismiss, useDuplicates, useJob, useUndoMerge } from '../api/duplicates';
import { CompanyMergeModal } from '../components/company-merge-modal';
import { ContactMergeModal, type MergeTarget } from '../components/contact-merge-modal';
import { GroupsList } from '../components/groups-list';
import { PairCard } from '../components/pair-card';

export function DuplicatesRoute() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [sp, setSp] = useSearchParams();
  const entity: DupEntity = sp.get('entity') === 'company' ? 'company' : 'contact';
  const groups = entity === 'contact' && sp.get('view') === 'groups';
  const list = useDuplicates(entity, !groups);
  const detect = useDetect();
  const canDetect = useCanCall('POST /duplicates/detect');
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  const dismiss = useDismiss();
  const undo = useUndoMerge();
  const [merging, setMerging] = useState<DuplicatePair | null>(null);
  const [mergingContacts, setMergingContacts] = useState<MergeTarget | null>(null);
  const [lastMerge, setLastMerge] = useState<Merge | null>(null);
  const running = Boolean(jobId) && (!job.data || job.data.status === 'queued' || job.data.status === 'running');

  useEffect(() => {
    if (job.data?.status === 'done') qc.invalidateQueries({ queryKey: ['duplicates'] });
  }, [job.data?.status, qc]);

  const rows = list.data?.data ?? [];
  const hasNotice = running || job.data?.status === 'failed' || detect.isError || dismiss.isError || undo.isError || lastMerge !== null;
  return (
    <>
      <PageHeader
        title={t('nav.duplicates')}
        actions={
          canDetect && (
            <Button onClick={() => detect.mutate(undefined, { onSuccess: (j) => setJobId(j.id) })} loading={detect.isPending || running} data-testid="detect">
              {t('duplicates.detect')}
            </Button>
          )
        }
      />
      <Group mb="md" gap="sm" wrap="wrap">
        <SegmentedControl
          value={entity}
          onChange={(v) => setSp(v === 'company' ? { entity: 'company' } : {}, { replace: true })}
          data={[{ value: 'contact', label: t('duplicates.contacts') }, { value: 'company', label: t('duplicates.companies') }]}
          data-testid="duplicates-entity"
        />
        {entity === 'contact' && (
          <SegmentedControl
            value={groups ? 'groups' : 'pairs'}
            onChange={(v) => setSp(v === 'groups' ? { view: 'groups' } : {}, { replace: true })}
            data={[{ value: 'pairs', label: t('duplicates.pairs') }, { value: 'groups', label: t('duplicates.groups') }]}
            data-testid="duplicates-view"
          />
        )}
      </Group>
      <Stack gap="sm" mb="md" display={hasNotice ? undefined : 'none'}>
        {running && <Alert color="blue">{t('duplicates.detecting')}</Alert>}
        {job.data?.status === 'failed' && <Alert color="red">{job.data.error ?? t('duplicates.detectFailed')}</Alert>}
        {detect.isError && <ErrorAlert error={detect.error} />}
        {dismiss.isError && <ErrorAlert error={dismiss.error} />}
        {undo.isError && <ErrorAlert error={undo.error} />}
        {lastMerge && (
          <Alert color="green">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm">{lastMerge.undoneAt ? t('duplicates.undone') : lastMerge.entity === 'company' ? t('duplicates.companiesMerged') : t('duplicates.merged')}</Text>
              {!lastMerge.undoneAt && (
                <Button size="xs" variant="white" loading={undo.isPending} onClick={() => undo.mutate(lastMerge.id, { onSuccess: setLastMerge })} data-testid="undo-merge">
                  {t('duplicates.undo')}
                </Button>
              )}
            </Group>
          </Alert>
        )}
      </Stack>
      {groups ? (
        <GroupsList onMerge={(c) => setMergingContacts({ key: c.pairIds.join(','), ids: c.contacts.map((m) => m.id) })} />
      ) : list.isPending ? (
        <Paper withBorder p="xs"><ListSkeleton /></Paper>
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
      ) : rows.length === 0 ? (
        <Paper withBorder><EmptyState title={t('duplicates.none')} description={!canDetect ? t('duplicates.noneHintMember') : entity === 'company' ? t('duplicates.noneCompaniesHint') : t('duplicates.noneHint')} /></Paper>
      ) : (
        <Stack gap="sm">
          {rows.map((p) => (
            <PairCard key={p.id} pair={p} dismissing={dismiss.isPending && dismiss.variables === p.id} onDismiss={() => dismiss.mutate(p.id)} onMerge={() => (p.entity === 'contact' ? setMergingContacts({ key: p.id, ids: [p.a!.id, p.b!.id] }) : setMerging(p))} />
          ))}
        </Stack>
      )}
      <ContactMergeModal target={mergingContacts} onClose={() => setMergingContacts(null)} onMerged={(m) => { setMergingContacts(null); setLastMerge(m); }} />
      <CompanyMergeModal pair={merging?.entity === 'company' ? merging : null} onClose={() => setMerging(null)} onMerged={(m) => { setMerging(null); setLastMerge(m); }} />
    </>
  );
}
