// Managing knowledge categories in a modal: add one with its English and Chinese names, delete one (its articles stay).
import { useState } from 'react';
import { ActionIcon, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useCategories, useCreateCategory, useDeleteCategory } from '../api/knowledge';

export function CategoryManager({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const categories = useCategories();
  const create = useCreateCategory();
  const remove = useDeleteCategory();
  const [nameEn, setNameEn] = useState('');
  const [nameZh, setNameZh] = useState('');
  const add = () =>
    create.mutate({ nameEn: nameEn.trim(), nameZh: nameZh.trim() || null }, { onSuccess: () => [setNameEn(''), setNameZh('')] });
  return (
    <Modal opened={opened} onClose={onClose} title={t('knowledge.categories.title')}>
      <Stack gap="sm">
        {(categories.data ?? []).map((c) => (
          <Group key={c.id} justify="space-between" wrap="nowrap">
            <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              {c.nameEn}{c.nameZh ? ` · ${c.nameZh}` : ''} <Text span c="dimmed" size="xs">({c.articleCount})</Text>
            </Text>
            <ActionIcon variant="subtle" color="red" aria-label={t('knowledge.categories.delete', { name: c.nameEn })} onClick={() => remove.mutate(c.id)}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        {categories.data?.length === 0 && <Text size="sm" c="dimmed">{t('knowledge.categories.empty')}</Text>}
        <form onSubmit={(e) => [e.preventDefault(), add()]}>
          <Stack gap="xs">
            <TextInput label={t('knowledge.categories.nameEn')} value={nameEn} onChange={(e) => setNameEn(e.currentTarget.value)} required maxLength={100} data-testid="category-name-en" />
            <TextInput label={t('knowledge.categories.nameZh')} value={nameZh} onChange={(e) => setNameZh(e.currentTarget.value)} maxLength={100} />
            {(create.error || remove.error) && <ErrorAlert error={create.error ?? remove.error} />}
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending} disabled={!nameEn.trim()} data-testid="category-add">{t('knowledge.categories.add')}</Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Modal>
  );
}
