// App-wide providers: Mantine theme, notifications, TanStack Query; a 401 anywhere drops the cached user.
import { useEffect, type ReactNode } from 'react';
import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { DatesProvider } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import 'dayjs/locale/zh-cn';
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
  // Date pickers and month names follow the app's language, not the browser's.
  const { i18n } = useTranslation();
  const datesLocale = i18n.language === 'zh-CN' ? 'zh-cn' : 'en';
  useEffect(() => {
    onUnauthorized(() => queryClient.setQueryData(ME_KEY, null));
  }, []);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <DatesProvider settings={{ locale: datesLocale, firstDayOfWeek: datesLocale === 'zh-cn' ? 1 : 0 }}>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
