// The contacts list's own bulk action: set the lifecycle stage of the selected contacts.
import { Button, Menu } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LIFECYCLE_STAGES } from '../../../types/api';
import type { BulkActionProps } from '../../lists';

export function BulkStageMenu({ disabled, onAction }: BulkActionProps) {
  const { t } = useTranslation();
  return (
    <Menu position="top-start">
      <Menu.Target>
        <Button size="xs" variant="default" rightSection={<IconChevronDown size={14} />} disabled={disabled} data-testid="bulk-stage">
          {t('bulk.stage')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LIFECYCLE_STAGES.map((s) => (
          <Menu.Item key={s} onClick={() => onAction({ type: 'setLifecycleStage', lifecycleStage: s })}>{t(`stages.${s}`)}</Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
