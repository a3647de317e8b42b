// Modal to create an API key: a name, read/write per module and the sensitive scopes; afterwards it shows the token, once.
import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { API_KEY_MODULES, API_KEY_SPECIAL_SCOPES, useCreateApiKey } from '../api/api-keys';
import { OneTimeSecret } from './one-time-secret';

export function CreateApiKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [tried, setTried] = useState(false);
  const close = () => {
    setName('');
    setScopes([]);
    setTried(false);
    create.reset();
    onClose();
  };
  const toggle = (scope: string, on: boolean) => setScopes((s) => (on ? [...s, scope] : s.filter((x) => x !== scope)));
  const nameError = tried && !name.trim() ? t('common.required') : null;
  const scopeError = tried && scopes.length === 0 ? t('integrations.keys.scopeRequired') : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!name.trim() || scopes.length === 0) return;
    create.mutate({ name: name.trim(), scopes });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('integrations.keys.new')}>
      {create.data ? (
        <Stack>
          <OneTimeSecret title={t('integrations.keys.created', { name: create.data.name })} value={create.data.key} hint={t('integrations.keys.shownOnce')} />
          <Text size="sm" c="dimmed">{t('integrations.keys.usage')}</Text>
          <Group justify="flex-end">
            <Button onClick={close} data-testid="secret-done">{t('integrations.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate data-testid="api-key-form">
          <Stack>
            {create.error && <ErrorAlert error={create.error} />}
            <TextInput label={t('integrations.keys.name')} placeholder={t('integrations.keys.namePlaceholder')} required data-autofocus name="name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={nameError} />
            <div>
              <Text size="sm" fw={500} mb={4}>{t('integrations.keys.scopes')}</Text>
              <Table verticalSpacing={6} withRowBorders={false}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th />
                    <Table.Th w={80}>{t('integrations.keys.read')}</Table.Th>
                    <Table.Th w={80}>{t('integrations.keys.write')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {API_KEY_MODULES.map((m) => (
                    <Table.Tr key={m}>
                      <Table.Td>
                        <Text size="sm">{t(`integrations.modules.${m}`)}</Text>
                        <Text size="xs" c="dimmed">{t(`integrations.modulesHint.${m}`)}</Text>
                      </Table.Td>
                      {(['read', 'write'] as const).map((a) => (
                        <Table.Td key={a}>
                          <Checkbox aria-label={`${m}:${a}`} data-scope={`${m}:${a}`} checked={scopes.includes(`${m}:${a}`)} onChange={(e) => toggle(`${m}:${a}`, e.currentTarget.checked)} />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text size="sm" fw={500} mt="sm">{t('integrations.keys.sensitive')}</Text>
              <Text size="xs" c="dimmed" mb={4}>{t('integrations.keys.sensitiveHint')}</Text>
              <Stack gap={6}>
                {API_KEY_SPECIAL_SCOPES.map((scope) => (
                  <Checkbox key={scope} data-scope={scope} label={t(`integrations.specialScopes.${scope.replace(':', '_')}`)} description={scope} checked={scopes.includes(scope)} onChange={(e) => toggle(scope, e.currentTarget.checked)} />
                ))}
              </Stack>
              {scopeError && <Text size="xs" c="red">{scopeError}</Text>}
            </div>
            <FormActions onCancel={close} loading={create.isPending} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
