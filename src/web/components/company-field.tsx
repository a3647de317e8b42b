// The company of a contact: a link that can be changed in place with a searchable picker.
import { useState } from 'react';
import { ActionIcon, Anchor, Box, Group, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../lib/error-message';
import { CompanyPicker } from './company-picker';

interface Props {
  companyId: string | null;
  companyName: string | null;
  onSave: (companyId: string | null) => Promise<unknown>;
}

export function CompanyField({ companyId, companyName, onSave }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = t('contacts.company');

  const change = async (id: string | null) => {
    try {
      await onSave(id);
      setError(null);
      setEditing(false);
    } catch (err) {
      setError(errorMessage(err, t));
    }
  };

  return (
    <Box>
      <Text size="xs" c="dimmed">{label}</Text>
      {editing ? (
        <CompanyPicker size="xs" autoFocus value={companyId} initialLabel={companyName} onChange={(id) => void change(id)} onBlur={() => setEditing(false)} error={error ?? undefined} />
      ) : (
        <Group gap={6} wrap="nowrap" justify="space-between">
          {companyId ? (
            <Anchor component={Link} to={`/companies/${companyId}`} size="sm" data-testid="company-link">{companyName}</Anchor>
          ) : (
            <Text size="sm" c="dimmed">{t('common.empty')}</Text>
          )}
          <ActionIcon variant="transparent" size="sm" onClick={() => setEditing(true)} aria-label={t('common.editField', { field: label })}>
            <IconPencil size={14} stroke={1.5} color="var(--mantine-color-dimmed)" />
          </ActionIcon>
        </Group>
      )}
    </Box>
  );
}
