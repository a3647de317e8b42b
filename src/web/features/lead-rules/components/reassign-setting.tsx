// The re-assignment time: hours after which an untouched new lead goes to the next rep (0 = never).
import { useEffect, useState } from 'react';
import { Button, Group, NumberInput, Skeleton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { errorMessage } from '../../../lib/error-message';
import { useAssignmentSettings, useSaveAssignmentSettings } from '../api/lead-rules';

export function ReassignSetting() {
  const { t } = useTranslation();
  const settings = useAssignmentSettings();
  const save = useSaveAssignmentSettings();
  const [hours, setHours] = useState<number | string>('');
  useEffect(() => {
    if (settings.data) setHours(settings.data.reassignAfterHours);
  }, [settings.data]);

  if (settings.isPending) return <Skeleton h={60} />;
  if (settings.error) return <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />;
  const changed = hours !== '' && Number(hours) !== settings.data.reassignAfterHours;
  const submit = () =>
    save.mutate(
      { reassignAfterHours: Number(hours) },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t('common.saved') }),
        onError: (err) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) }),
      },
    );

  return (
    <Group align="flex-end" wrap="wrap">
      <NumberInput
        label={t('leadRules.assignment.reassignAfter')}
        description={t('leadRules.assignment.reassignHint')}
        min={0}
        max={8760}
        allowDecimal={false}
        suffix={` ${t('leadRules.assignment.hours')}`}
        value={hours}
        onChange={setHours}
        style={{ flex: '1 1 240px' }}
        maw={420}
      />
      <Button onClick={submit} loading={save.isPending} disabled={!changed}>{t('leadRules.save')}</Button>
    </Group>
  );
}
