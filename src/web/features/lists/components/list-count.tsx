// "12,345 contacts" / "约 1,200,000 位联系人" beside the list: what the filters match, in the reader's number format.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecordCount } from '../api/list-count';

export function ListCount({ count, noun = 'contact' }: { count: RecordCount | undefined; noun?: 'contact' | 'company' | 'ticket' }) {
  const { t, i18n } = useTranslation();
  if (!count) return null;
  const formatted = new Intl.NumberFormat(i18n.language).format(count.total);
  return (
    <Text size="sm" c="dimmed" data-testid="list-count" data-estimated={count.estimated || undefined} style={{ whiteSpace: 'nowrap' }}>
      {count.estimated ? t(`lists.${noun}CountEstimated`, { formatted }) : t(`lists.${noun}Count`, { count: count.total, formatted })}
    </Text>
  );
}
