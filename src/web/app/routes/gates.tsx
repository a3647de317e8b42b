// Route guards: send a fresh install to first-run setup, and anonymous visitors to the login page.
import { useEffect } from 'react';
import { Outlet, Navigate, useLocation } from 'react-router';
import { Center } from '@mantine/core';
import { ErrorAlert } from '../../components/error-alert';
import { PageSkeleton } from '../../components/list-skeleton';
import { useMe, useSetupStatus } from '../../features/auth/api/use-me';
import { applyLocale } from '../../lib/i18n';

export function SetupGate() {
  const status = useSetupStatus();
  const location = useLocation();
  if (status.isPending) return <Center p="xl"><PageSkeleton /></Center>;
  if (status.data?.needsSetup && location.pathname !== '/setup') return <Navigate to="/setup" replace />;
  return <Outlet />;
}

export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  const userId = me.data?.id;
  // The language saved on the user wins over this browser's choice, once per login.
  useEffect(() => {
    if (me.data?.locale) applyLocale(me.data.locale);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [userId]);
  if (me.isPending) return <Center p="xl"><PageSkeleton /></Center>;
  if (me.error) return <Center p="xl"><ErrorAlert error={me.error} onRetry={() => void me.refetch()} /></Center>;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}
