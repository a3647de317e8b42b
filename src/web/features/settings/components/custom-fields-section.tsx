// Custom fields administration per object: list, add, rename, change options, delete.
import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCustomFields } from '../../../api/shared-queries';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { InlineEditField } from '../../../components/inline-edit-field';
import { ListSkeleton } from '../../../components/list-skeleton';
import { errorMessage } from '../../../lib/error-message';
import type { CustomFieldObject } from '../../../types/api';
import { useDeleteCustomField, useUpdateCustomField } from '../api/admin';
import { CustomFieldModal } from './custom-field-modal';

export function CustomFieldsSection() {
  const { t } = useTranslation();
  const [object, setObject] = useState<CustomFieldObject>('contact');
  const fields = useCustomFields(object);
  const update = useUpdateCustomField();
  const remove = useDeleteCustomField();
  const [creating, { open, close }] = useDisclosure();

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          value={object}
          onChange={(v) => setObject(v as CustomFieldObject)}
          data={[
            { value: 'contact', label: t('settings.fields.objects.contact') },
            { value: 'company', label: t('settings.fields.objects.company') },
          ]}
        />
        <Button leftSection={<IconPlus size={16} />} onClick={open}>{t('settings.fields.add')}</Button>
      </Group>
      {fields.isPending ? (
        <ListSkeleton rows={3} />
      ) : fields.error ? (
        <ErrorAlert error={fields.error} onRetry={() => void fields.refetch()} />
      ) : fields.data.length === 0 ? (
        <EmptyState title={t('settings.fields.empty')} description={t('settings.fields.emptyHint')} />
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.fields.label')}</Table.Th>
                <Table.Th>{t('settings.fields.key')}</Table.Th>
                <Table.Th>{t('settings.fields.type')}</Table.Th>
                <Table.Th>{t('settings.fields.options')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.data.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td><InlineEditField label="" value={f.label} onSave={(v) => update.mutateAsync({ id: f.id, label: typeof v === 'string' && v.trim() ? v.trim() : f.label })} /></Table.Td>
                  <Table.Td><Text size="sm" ff="monospace">{f.key}</Text></Table.Td>
                  <Table.Td><Badge variant="light">{t(`settings.fields.types.${f.type}`)}</Badge></Table.Td>
                  <Table.Td>
                    {f.type === 'select' || f.type === 'multiselect' ? (
                      <InlineEditField label="" kind="tags" value={f.options} onSave={(v) => update.mutateAsync({ id: f.id, options: Array.isArray(v) ? v : [] })} />
                    ) : (
                      <Text size="sm" c="dimmed">—</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('common.delete')}
                      onClick={() => {
                        if (window.confirm(t('settings.fields.confirmDelete', { label: f.label })))
                          remove.mutate(f.id, { onError: (err) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) }) });
                      }}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CustomFieldModal opened={creating} onClose={close} object={object} />
    </Stack>
  );
}
