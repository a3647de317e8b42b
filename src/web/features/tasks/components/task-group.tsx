// One group of the Tasks page (overdue, today, upcoming, done): a header with its count and its tasks, paged.
import { Badge, Button, Card, Collapse, Group, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TaskList, useTaskGroup, type TaskGroup as Group_ } from '../../interactions';

const COLORS: Record<Group_, string> = { overdue: 'red', today: 'orange', upcoming: 'blue', done: 'gray' };

export function TaskGroup({ group, count, initiallyOpen, assignee = 'me' }: { group: Group_; count: number | undefined; initiallyOpen: boolean; assignee?: string }) {
  const { t } = useTranslation();
  const [open, { toggle }] = useDisclosure(initiallyOpen);
  const tasks = useTaskGroup(group, open, assignee);
  const rows = tasks.data?.pages.flatMap((p) => p.data) ?? [];
  const Chevron = open ? IconChevronDown : IconChevronRight;
  return (
    <Card withBorder padding="md" data-testid={`task-group-${group}`}>
      <UnstyledButton onClick={toggle} aria-expanded={open} w="100%">
        <Group gap="xs">
          <Chevron size={16} />
          <Text fw={600}>{t(`tasks.groups.${group}`)}</Text>
          <Badge variant="light" color={count ? COLORS[group] : 'gray'} data-testid="task-group-count">{count ?? '…'}</Badge>
        </Group>
      </UnstyledButton>
      <Collapse expanded={open}>
        <div style={{ paddingTop: 12 }}>
          {tasks.isPending && open ? (
            <Text size="sm" c="dimmed">{t('common.loading')}</Text>
          ) : rows.length === 0 ? (
            <Text size="sm" c="dimmed">{t(`tasks.emptyGroups.${group}`)}</Text>
          ) : (
            <TaskList tasks={rows} showLinks />
          )}
          {tasks.hasNextPage && (
            <Button variant="subtle" size="xs" mt="sm" loading={tasks.isFetchingNextPage} onClick={() => void tasks.fetchNextPage()}>
              {t('common.loadMore')}
            </Button>
          )}
        </div>
      </Collapse>
    </Card>
  );
}
