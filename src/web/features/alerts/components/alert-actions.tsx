// The decisions on an alert: accept (makes a task for the suggested action), snooze a day, dismiss.
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/error-message';
import { useDecideAlert, type Decision } from '../api/alerts';

export function AlertActions({ id, action, product }: { id: string; action: string; product?: string | null }) {
  const { t } = useTranslation();
  const decide = useDecideAlert();
  const run = (d: Decision, done: string) =>
    decide.mutate({ id, d }, { onSuccess: () => notifications.show({ message: done, color: 'teal' }), onError: (e) => notifications.show({ message: errorMessage(e, t), color: 'red' }) });
  return (
    <Group gap={4} wrap="wrap" data-testid="alert-actions">
      <Button size="compact-xs" onClick={() => run({ kind: 'accept' }, t('alerts.accepted'))} loading={decide.isPending} data-testid="alert-accept">
        {t(`alerts.actions.${action}`, { product: product ?? '' })}
      </Button>
      <Button size="compact-xs" variant="default" onClick={() => run({ kind: 'snooze', until: new Date(Date.now() + 86_400_000).toISOString() }, t('alerts.snoozed'))} disabled={decide.isPending} data-testid="alert-snooze">
        {t('alerts.snoozeDay')}
      </Button>
      <Button size="compact-xs" variant="subtle" color="gray" onClick={() => run({ kind: 'dismiss' }, t('alerts.dismissed'))} disabled={decide.isPending} data-testid="alert-dismiss">
        {t('alerts.dismiss')}
      </Button>
    </Group>
  );
}

/** For a Today card item: the item's id is the alert's, its tags are [rule, action], its subtitle the product. */
export function AlertItemActions({ item }: { item: { id: string; tags: string[]; subtitle: string | null } }) {
  return <AlertActions id={item.id} action={item.tags[1] ?? 'call'} product={item.subtitle} />;
}
