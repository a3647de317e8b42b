// Shown when a page crashes while rendering: a friendly message and a way back, never a stack trace.
import { Button, Center, Group } from '@mantine/core';
import { IconBug } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { EmptyState } from '../../components/empty-state';

export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (!notFound) console.error(error);
  return (
    <Center mih="60dvh" p="md">
      <EmptyState
        icon={<IconBug size={28} />}
        title={notFound ? t('errors.pageNotFound') : t('errors.crashed')}
        description={notFound ? t('errors.pageNotFoundHint') : t('errors.crashedHint')}
        action={
          <Group>
            <Button variant="default" onClick={() => window.location.reload()}>{t('common.reload')}</Button>
            <Button onClick={() => window.location.assign('/contacts')}>{t('nav.contacts')}</Button>
          </Group>
        }
      />
    </Center>
  );
}
