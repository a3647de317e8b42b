// A record's tags in a table cell: the first as a badge, the rest as "+2" with their names on hover.
import { Badge, Group, Table, Text } from '@mantine/core';

export function TagsCell({ tags }: { tags: string[] }) {
  return (
    <Table.Td>
      {tags.length > 0 && (
        <Group gap={4} wrap="nowrap">
          <Badge size="xs" variant="outline" color="gray" tt="none" styles={{ label: { overflow: 'visible' } }}>
            {tags[0]}
          </Badge>
          {tags.length > 1 && (
            <Text size="xs" c="dimmed" title={tags.slice(1).join(', ')}>
              +{tags.length - 1}
            </Text>
          )}
        </Group>
      )}
    </Table.Td>
  );
}
