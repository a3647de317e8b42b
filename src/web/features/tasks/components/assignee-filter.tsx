// Whose tasks the Tasks page shows: mine, or (for admins and managers) a colleague's; the server checks the team.
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUserDirectory } from '../../../api/shared-queries';
import type { User } from '../../../types/api';

export const canPickAssignee = (me: User) => me.role === 'admin' || me.role === 'manager';

export function AssigneeFilter({ me, value, onChange }: { me: User; value: string; onChange: (assignee: string) => void }) {
  const { t } = useTranslation();
  const users = useUserDirectory(canPickAssignee(me));
  // A manager's own team first, then everyone else they may be allowed to see.
  const others = (users.data ?? []).filter((u) => u.active && u.id !== me.id).sort((a, b) => Number(b.teamId === me.teamId) - Number(a.teamId === me.teamId) || a.name.localeCompare(b.name));
  return (
    <Select
      aria-label={t('tasks.assigneeFilter')}
      data={[{ value: 'me', label: t('tasks.mine') }, ...others.map((u) => ({ value: u.id, label: u.name }))]}
      value={value}
      onChange={(v) => onChange(v ?? 'me')}
      allowDeselect={false}
      searchable
      w={{ base: '100%', xs: 220 }}
      data-testid="task-assignee-filter"
    />
  );
}
