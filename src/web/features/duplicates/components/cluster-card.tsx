// One group of likely duplicates (open pairs joined transitively): its best score, every member, and "Merge group".
import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatPhone } from '../../../lib/format-phone';
import { MAX_MERGE, type Cluster } from '../api/clusters';
import { scoreColor } from './pair-card';

export function ClusterCard({ cluster: c, onMerge }: { cluster: Cluster; onMerge: () => void }) {
  const { t } = useTranslation();
  const tooMany = c.contacts.length > MAX_MERGE;
  return (
    <Card withBorder padding="sm" data-testid="duplicate-cluster">
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Badge color={scoreColor(c.maxScore)} variant="light">{t('duplicates.bestScore', { value: Math.round(c.maxScore * 100) })}</Badge>
          <Text size="sm" c="dimmed">{t('duplicates.groupSize', { count: c.contacts.length })}</Text>
        </Group>
        <Button size="xs" onClick={onMerge} disabled={tooMany} data-testid="merge-group">
          {t('duplicates.mergeGroup')}
        </Button>
      </Group>
      <Stack gap={6}>
        {c.contacts.map((m) => (
          <div key={m.id} style={{ minWidth: 0 }} data-testid="cluster-member">
            <Anchor component={Link} to={`/contacts/${m.id}`} fw={500} style={{ wordBreak: 'break-word' }}>
              {m.displayName}
            </Anchor>
            <Text size="sm" c="dimmed" style={{ wordBreak: 'break-word' }}>
              {[...m.emails, ...m.phones.map(formatPhone), m.companyName].filter(Boolean).join(' · ')}
            </Text>
          </div>
        ))}
      </Stack>
      {tooMany && <Text size="sm" c="orange" mt="xs">{t('duplicates.groupTooBig', { max: MAX_MERGE })}</Text>}
    </Card>
  );
}
