// App-wide providers: Mantine theme, notifications, TanStack Query; a 401 anywhere drops the cached user.
import { useEffect, type ReactNode } from 'react';
import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { onUnauthorized } from '../lib/api-client';
import { ME_KEY } from '../features/auth/api/use-me';
import { queryClient } from './query-client';

const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily:
    '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif',
});

export function AppProviders({ children }: { children: ReactNode }) {
  useEffect(() => {
    onUnauthorized(() => queryClient.setQueryData(ME_KEY, null));
  }, []);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}
