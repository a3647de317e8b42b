// Whose tasks the Tasks page shows: mine, or (for admins and managers) a colleague's; the server checks the team.
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUserDirectory } from '../../../api/shared-queries';
import type { User } from '../../../types/api';

export const canPickAssignee = (me: User) => me.role === 'admin' || (me.role === 'manager' && me.teamId !== null);

export function AssigneeFilter({ me, value, onChange }: { me: User; value: string; onChange: (assignee: string) => void }) {
  const { t } = useTranslation();
  const users = useUserDirectory(canPickAssignee(me));
  // Whose tasks the server lists: anyone's for an administrator, a teammate's for a manager (never another team's).
  const others = (users.data ?? []).filter((u) => u.active && u.id !== me.id && (me.role === 'admin' || (me.teamId !== null && u.teamId === me.teamId))).sort((a, b) => a.name.localeCompare(b.name));
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
