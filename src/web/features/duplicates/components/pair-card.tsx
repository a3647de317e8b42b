// One suggested duplicate pair: its score, both records (contacts or companies) and the reasons, with Dismiss and Merge.
import { Anchor, Badge, Button, Card, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { duplicateReasonText } from '../../../lib/duplicate-reasons';
import { formatPhone } from '../../../lib/format-phone';
import type { DuplicatePair, DupRecord } from '../api/duplicates';

function Side({ r, entity }: { r: DupRecord | null; entity: DuplicatePair['entity'] }) {
  if (!r) return <Text c="dimmed">—</Text>;
  const details = entity === 'company' ? [r.domain] : [...r.emails, ...r.phones.map(formatPhone), r.companyName];
  return (
    <div style={{ minWidth: 0, flex: '1 1 200px' }}>
      <Anchor component={Link} to={`/${entity === 'company' ? 'companies' : 'contacts'}/${r.id}`} fw={500} style={{ wordBreak: 'break-word' }}>
        {r.displayName}
      </Anchor>
      <Text size="sm" c="dimmed" style={{ wordBreak: 'break-word' }}>
        {details.filter(Boolean).join(' · ')}
      </Text>
    </div>
  );
}

/** The badge colour for a match score (0–1). */
export const scoreColor = (score: number) => (score >= 0.9 ? 'red' : score >= 0.75 ? 'orange' : 'yellow');

export function PairCard({ pair: p, dismissing, onDismiss, onMerge }: { pair: DuplicatePair; dismissing: boolean; onDismiss: () => void; onMerge: () => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" data-testid="duplicate-pair">
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Badge color={scoreColor(p.score)} variant="light">
          {t('duplicates.score', { value: Math.round(p.score * 100) })}
        </Badge>
        <Group gap="xs">
          <Button size="xs" variant="default" loading={dismissing} onClick={onDismiss}>
            {t('duplicates.dismiss')}
          </Button>
          <Button size="xs" onClick={onMerge} disabled={!p.a || !p.b} data-testid="merge">
            {t('duplicates.merge')}
          </Button>
        </Group>
      </Group>
      <Group align="flex-start" wrap="wrap" gap="md">
        <Side r={p.a} entity={p.entity} />
        <Side r={p.b} entity={p.entity} />
      </Group>
      <Group gap={4} mt="xs" wrap="wrap">
        {p.reasons.map((r, i) => (
          <Badge key={i} size="sm" variant="outline" color="gray" style={{ textTransform: 'none', maxWidth: '100%' }}>
            {duplicateReasonText(t, r, { aName: p.a?.displayName, bName: p.b?.displayName, companyName: p.a?.companyName ?? p.b?.companyName })}
          </Badge>
        ))}
      </Group>
    </Card>
  );
}
