// Loading placeholders shaped like the content they stand in for.
import { Card, Group, Skeleton, Stack } from '@mantine/core';

export function ListSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <Stack gap="xs" data-testid="loading">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={36} radius="sm" />
      ))}
    </Stack>
  );
}

export function PageSkeleton() {
  return (
    <Stack data-testid="loading">
      <Skeleton height={32} width="40%" />
      <Group grow align="flex-start">
        <Card withBorder>
          <Stack>
            <Skeleton height={20} width="60%" />
            <Skeleton height={14} />
            <Skeleton height={14} />
            <Skeleton height={14} width="80%" />
          </Stack>
        </Card>
        <Card withBorder visibleFrom="sm">
          <Stack>
            <Skeleton height={20} width="50%" />
            <Skeleton height={60} />
            <Skeleton height={60} />
          </Stack>
        </Card>
      </Group>
    </Stack>
  );
}
