// Coloured badge for a contact's lifecycle stage.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LifecycleStage } from '../types/api';

const COLORS: Record<LifecycleStage, string> = {
  subscriber: 'gray',
  lead: 'blue',
  qualified: 'cyan',
  opportunity: 'orange',
  customer: 'green',
  churned: 'red',
};

export function LifecycleBadge({ stage }: { stage: LifecycleStage | null | undefined }) {
  const { t } = useTranslation();
  if (!stage) return null;
  return (
    <Badge color={COLORS[stage] ?? 'gray'} variant="light" style={{ flexShrink: 0 }} styles={{ label: { overflow: 'visible' } }}>
      {t(`stages.${stage}`)}
    </Badge>
  );
}
