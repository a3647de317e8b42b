// Centered card used by the login and first-run setup pages, with the language switcher on top.
import type { ReactNode } from 'react';
import { Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './language-switcher';

export function AuthCard({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Center mih="100dvh" p="md" bg="var(--mantine-color-gray-0)">
      <Stack w="100%" maw={420}>
        <Group justify="space-between">
          <Text fw={800} size="xl" c="indigo">
            {t('app.name')}
          </Text>
          <LanguageSwitcher />
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Title order={2} mb={4}>
            {title}
          </Title>
          {subtitle && (
            <Text c="dimmed" size="sm" mb="lg">
              {subtitle}
            </Text>
          )}
          {children}
        </Paper>
      </Stack>
    </Center>
  );
}
