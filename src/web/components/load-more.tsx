// Footer of a paged list: "Load more" while the server has another page.
import { Button, Center, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  shown: number;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

export function LoadMore({ shown, hasMore, loading, onLoadMore }: Props) {
  const { t } = useTranslation();
  return (
    <Center mt="md" style={{ flexDirection: 'column', gap: 6 }}>
      {hasMore ? (
        <Button variant="light" onClick={onLoadMore} loading={loading} data-testid="load-more">
          {t('common.loadMore')}
        </Button>
      ) : null}
      <Text size="xs" c="dimmed">
        {hasMore ? t('common.shownSoFar', { count: shown }) : t('common.allShown', { count: shown })}
      </Text>
    </Center>
  );
}
