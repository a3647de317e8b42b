// Scoring rules as cards, for phone widths where the table would scroll sideways.
import { ActionIcon, Badge, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ScoringRule } from '../api/lead-rules';

interface Props {
  rules: ScoringRule[];
  describe: (r: ScoringRule) => string;
  onToggle: (r: ScoringRule, active: boolean) => void;
  onEdit: (r: ScoringRule) => void;
  onDelete: (r: ScoringRule) => void;
}

export function ScoringRuleCards({ rules, describe, onToggle, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {rules.map((r) => (
        <Paper key={r.id} withBorder p="sm" opacity={r.active ? 1 : 0.6}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Group gap="xs" wrap="wrap">
                <Text fw={600}>{r.name}</Text>
                <Badge variant="light" size="sm" color={r.kind === 'attribute' ? 'blue' : 'grape'}>{t(`leadRules.scoring.kinds.${r.kind}`)}</Badge>
              </Group>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{describe(r)}</Text>
            </Stack>
            <Text fw={700} c={r.points < 0 ? 'red' : undefined}>{r.points > 0 ? `+${r.points}` : r.points}</Text>
          </Group>
          <Group justify="space-between" mt="xs">
            <Switch size="sm" label={t('leadRules.active')} checked={r.active} onChange={(e) => onToggle(r, e.currentTarget.checked)} />
            <Group gap={4}>
              <ActionIcon variant="subtle" aria-label={t('leadRules.editAction')} onClick={() => onEdit(r)}><IconPencil size={16} /></ActionIcon>
              <ActionIcon variant="subtle" color="red" aria-label={t('common.delete')} onClick={() => onDelete(r)}><IconTrash size={16} /></ActionIcon>
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
