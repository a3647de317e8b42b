// "Export" button of a list: downloads what the list shows (same search, filters and sort) as CSV or Excel.
import { Button, Menu } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { buildQuery, type QueryValue } from '../lib/api-client';

export function ExportMenu({ object, params }: { object: 'contacts' | 'companies'; params: Record<string, QueryValue> }) {
  const { t } = useTranslation();
  const href = (format: 'csv' | 'xlsx') => `/api/v1/${object}/export${buildQuery({ ...params, format })}`;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} data-testid="export-button">{t('export.button')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={href('csv')} download>{t('export.csv')}</Menu.Item>
        <Menu.Item component="a" href={href('xlsx')} download>{t('export.xlsx')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
