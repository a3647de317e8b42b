// A segment's page (new or existing): name, description, dynamic or static, the rule builder with its live count,
// save; for a saved one its members (as the contacts list), a snapshot for a campaign, and delete.
import { Anchor, Button, Group, SegmentedControl, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUsers } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageHeader } from '../../../components/page-header';
import { errorMessage } from '../../../lib/error-message';
import { formErrorsFrom } from '../../../lib/form-errors';
import { useDeleteSegment, useSaveSegment, useSegment, useSegmentFields, useSnapshotSegment, type Group as RuleGroupValue, type SegmentInput } from '../api/segments';
import { LiveCount } from '../components/live-count';
import { RuleGroup } from '../components/rule-group';
import { newCondition } from '../components/rule-tree';

export function SegmentEditRoute() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const existing = useSegment(id);
  const fields = useSegmentFields();
  const save = useSaveSegment(id);
  const remove = useDeleteSegment();
  const snapshot = useSnapshotSegment();
  const [form, setForm] = useState<SegmentInput | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (form) return;
    if (id && existing.data) setForm({ name: existing.data.name, description: existing.data.description, kind: existing.data.kind, rules: existing.data.rules });
    else if (!id && fields.data?.[0]) setForm({ name: '', description: null, kind: 'dynamic', rules: { combinator: 'and', children: [newCondition(fields.data[0])] } });
  }, [id, existing.data, fields.data, form]);

  if (existing.isError) return <ErrorAlert error={existing.error} />;
  if (fields.isError) return <ErrorAlert error={fields.error} />;
  if (!form || !fields.data) return <ListSkeleton rows={4} />;

  const submit = async () => {
    setErrors({});
    try {
      const saved = await save.mutateAsync({ ...form, description: form.description?.trim() || null });
      notifications.show({ color: 'green', message: t('segments.saved') });
      if (!id) navigate(`/segments/${saved.id}`, { replace: true });
    } catch (err) {
      setErrors(formErrorsFrom(err));
      notifications.show({ color: 'red', message: errorMessage(err, t) });
    }
  };
  const takeSnapshot = async () => {
    try {
      const s = await snapshot.mutateAsync(id!);
      notifications.show({ color: 'green', message: t('segments.snapshotTaken', { count: s.memberCount }) });
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err, t) });
    }
  };
  const del = async () => {
    if (!window.confirm(t('segments.confirmDelete'))) return;
    await remove.mutateAsync(id!);
    navigate('/segments');
  };

  return (
    <Stack gap="md" maw={960}>
      <PageHeader
        title={id ? existing.data?.name ?? '' : t('segments.new')}
        actions={
          id && (
            <>
              <Button component={Link} to={`/contacts?segment=${id}`} variant="light" leftSection={<IconUsers size={16} />} data-testid="open-members">
                {t('segments.members')}
              </Button>
              <Button variant="default" onClick={takeSnapshot} loading={snapshot.isPending}>{t('segments.snapshot')}</Button>
              <Button variant="subtle" color="red" onClick={del}>{t('common.delete')}</Button>
            </>
          )
        }
      />
      <Group align="flex-start" wrap="wrap" gap="sm">
        <TextInput label={t('segments.name')} value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={errors.name} required style={{ flex: '1 1 220px' }} data-testid="segment-name" />
        <Stack gap={4}>
          <label style={{ fontSize: 14, fontWeight: 500 }}>{t('segments.kind')}</label>
          <SegmentedControl value={form.kind} onChange={(v) => setForm({ ...form, kind: v as SegmentInput['kind'] })} data={[{ value: 'dynamic', label: t('segments.kinds.dynamic') }, { value: 'static', label: t('segments.kinds.static') }]} />
        </Stack>
      </Group>
      <Textarea label={t('segments.description')} value={form.description ?? ''} onChange={(e) => setForm({ ...form, description: e.currentTarget.value })} autosize minRows={1} maxRows={4} />
      <Group justify="space-between" wrap="wrap">
        <Anchor component="span" fw={600}>{t('segments.rules')}</Anchor>
        <LiveCount rules={form.rules} />
      </Group>
      <RuleGroup group={form.rules} fields={fields.data} onChange={(rules: RuleGroupValue) => setForm({ ...form, rules })} errors={errors} path="rules" />
      <FormActions onCancel={() => navigate('/segments')} onSubmit={submit} loading={save.isPending} submitLabel={t('segments.save')} submitTestId="save-segment" disabled={!form.name.trim()} />
    </Stack>
  );
}
