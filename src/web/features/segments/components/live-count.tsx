// The live count while rules are edited: asked 400 ms after the last change, only for complete rules; "about" when
// the server estimated it.
import { Badge, Loader } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { usePreviewCount, type Group } from '../api/segments';
import { isComplete } from './rule-tree';

export function LiveCount({ rules }: { rules: Group }) {
  const { t, i18n } = useTranslation();
  const [debounced] = useDebouncedValue(rules, 400);
  const ready = isComplete(debounced) ? debounced : null;
  const count = usePreviewCount(ready);
  if (!ready) return <Badge variant="light" color="gray" data-testid="live-count">{t('segments.incomplete')}</Badge>;
  if (count.isError) return <Badge variant="light" color="red" data-testid="live-count">{t('segments.countFailed')}</Badge>;
  if (!count.data) return <Loader size="xs" />;
  const n = count.data.total.toLocaleString(i18n.language);
  return (
    <Badge size="lg" variant="light" color={count.isFetching ? 'gray' : 'blue'} data-testid="live-count" data-total={count.data.total}>
      {t(count.data.estimated ? 'segments.countAbout' : 'segments.count', { count: count.data.total, n })}
    </Badge>
  );
}
