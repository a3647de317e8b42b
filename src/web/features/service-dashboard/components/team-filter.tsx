// The admin's team filter of the service dashboard (managers and agents are scoped by the server).
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTeams } from '../../../api/shared-queries';

export function TeamFilter({ value, onChange }: { value: string; onChange: (v: string | null) => void }) {
  const { t } = useTranslation();
  const teams = useTeams();
  return (
    <Select
      label={t('serviceDashboard.team')}
      placeholder={t('serviceDashboard.allTeams')}
      clearable
      data={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
      value={value || null}
      onChange={onChange}
      w={{ base: '100%', xs: 220 }}
    />
  );
}
