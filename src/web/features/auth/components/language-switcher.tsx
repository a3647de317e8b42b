// Language menu: switches the UI at once and saves the choice to the user when logged in.
import { ActionIcon, Menu, Tooltip } from '@mantine/core';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { applyLocale, currentLocale, LOCALES } from '../../../lib/i18n';
import type { Locale } from '../../../types/api';
import { useUpdateMe } from '../api/use-auth-actions';
import { useMe } from '../api/use-me';

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const me = useMe();
  const updateMe = useUpdateMe();
  const active = currentLocale();

  const choose = (locale: Locale) => {
    applyLocale(locale);
    // Saving is best effort: the UI has already switched, a failure only loses the remembered choice.
    if (me.data && me.data.locale !== locale) updateMe.mutate({ locale });
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Tooltip label={t('shell.language')}>
          <ActionIcon variant="default" size="lg" aria-label={t('shell.language')} data-testid="language-switcher">
            <IconLanguage size={18} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        {LOCALES.map((l) => (
          <Menu.Item key={l.value} onClick={() => choose(l.value)} rightSection={l.value === active ? <IconCheck size={14} /> : null} data-locale={l.value}>
            {l.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
