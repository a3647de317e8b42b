// Shown for unknown addresses.
import { Button } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/empty-state';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<IconMapOff size={28} />}
      title={t('errors.pageNotFound')}
      description={t('errors.pageNotFoundHint')}
      action={<Button component={Link} to="/contacts">{t('nav.contacts')}</Button>}
    />
  );
}
