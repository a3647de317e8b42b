// Contacts as a sortable table on wide screens and as cards on phones.
import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LifecycleBadge } from '../../../components/lifecycle-badge';
import { SortableTh } from '../../../components/sortable-th';
import { formatDate } from '../../../lib/format';
import type { Contact, CustomField } from '../../../types/api';
import { DEFAULT_COLUMNS } from './contact-columns';
import { formatPhone } from '../../../lib/format-phone';
import { ModelScoreCell, type ScoreOfContact } from '../../models';
import { CustomFieldCell, SelectCardBox, SelectHeaderCell, SelectPageCheckbox, SelectRowCell, TagsCell, type BulkSelectionState } from '../../lists';

interface Props {
  contacts: Contact[];
  sort: string;
  onSort: (sort: string) => void;
  /** Checkboxes for bulk actions, when given. */
  selection?: BulkSelectionState;
  /** Columns shown besides the name (contact-columns.ts keys, cf.<key> for custom fields); all built-ins when absent. */
  columns?: string[];
  customFields?: CustomField[];
  /** Model score columns shown (key model.<id>, sortable) and each contact's score in them. */
  modelColumns?: { shown: { key: string; label: string }[]; scoreOf: (column: string, contactId: string) => ScoreOfContact | null };
}

export function ContactsTable({ contacts, sort, onSort, selection, columns = DEFAULT_COLUMNS, customFields = [], modelColumns }: Props) {
  const { t } = useTranslation();
  const show = (key: string) => columns.includes(key);
  const cfs = customFields.filter((f) => show(`cf.${f.key}`));
  const narrow = useMediaQuery('(max-width: 48em)');
  const models = modelColumns?.shown ?? [];

  if (narrow) {
    return (
      <Stack gap="xs" data-testid="contacts-cards">
        {selection && <SelectPageCheckbox selection={selection} />}
        {contacts.map((c) => (
          <Card key={c.id} withBorder padding="sm" component={Link} to={`/contacts/${c.id}`} data-testid="contact-row">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              {selection && <SelectCardBox selection={selection} id={c.id} name={c.displayName} />}
              <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Text fw={600} truncate>{c.displayName}</Text>
                <Text size="sm" c="dimmed" truncate>
                  {[c.title, c.companyName].filter(Boolean).join(' · ') || c.emails[0] || formatPhone(c.phones[0])}
                </Text>
              </Stack>
              <LifecycleBadge stage={c.lifecycleStage} />
            </Group>
            {models.map((m) => {
              const sc = modelColumns!.scoreOf(m.key, c.id);
              return sc ? <Text key={m.key} size="xs" c={sc.high ? 'red' : 'dimmed'} data-testid="model-score-card">{m.label} · {Math.round(sc.score * 100)} %</Text> : null;
            })}
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={960}>
      <Table highlightOnHover verticalSpacing="xs" horizontalSpacing={8} data-testid="contacts-table">
        <Table.Thead>
          <Table.Tr>
            {selection && <SelectHeaderCell selection={selection} />}
            <SortableTh field="displayName" sort={sort} onSort={onSort}>{t('contacts.name')}</SortableTh>
            {show('company') && <Table.Th>{t('contacts.company')}</Table.Th>}
            {show('email') && <Table.Th>{t('contacts.email')}</Table.Th>}
            {show('phone') && <Table.Th>{t('contacts.phone')}</Table.Th>}
            {show('stage') && <SortableTh field="lifecycleStage" sort={sort} onSort={onSort}>{t('contacts.stage')}</SortableTh>}
            {show('owner') && <Table.Th>{t('common.owner')}</Table.Th>}
            {show('tags') && <Table.Th>{t('common.tags')}</Table.Th>}
            {cfs.map((f) => <Table.Th key={f.key} data-column={`cf.${f.key}`}>{f.label}</Table.Th>)}
            {models.map((m) => <SortableTh key={m.key} field={m.key} sort={sort} onSort={onSort}>{m.label}</SortableTh>)}
            {show('createdAt') && <SortableTh field="createdAt" sort={sort} onSort={onSort}>{t('common.created')}</SortableTh>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts.map((c) => (
            <Table.Tr key={c.id} data-testid="contact-row">
              {selection && <SelectRowCell selection={selection} id={c.id} name={c.displayName} />}
              <Table.Td>
                <Anchor component={Link} to={`/contacts/${c.id}`} fw={500}>{c.displayName}</Anchor>
                {c.title && <Text size="xs" c="dimmed">{c.title}</Text>}
              </Table.Td>
              {show('company') && <Table.Td>
                {c.companyId ? <Anchor component={Link} to={`/companies/${c.companyId}`} size="sm">{c.companyName}</Anchor> : null}
              </Table.Td>}
              {show('email') && <Table.Td><Text size="sm" maw={220} truncate="end" title={c.emails[0]}>{c.emails[0] ?? ''}</Text></Table.Td>}
              {show('phone') && <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatPhone(c.phones[0])}</Text></Table.Td>}
              {show('stage') && <Table.Td style={{ whiteSpace: 'nowrap' }}><LifecycleBadge stage={c.lifecycleStage} /></Table.Td>}
              {show('owner') && <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }}>{c.ownerName ?? ''}</Text></Table.Td>}
              {show('tags') && <TagsCell tags={c.tags} />}
              {cfs.map((f) => <CustomFieldCell key={f.key} field={f} value={c.customFields[f.key]} />)}
              {models.map((m) => <ModelScoreCell key={m.key} column={m.key} score={modelColumns!.scoreOf(m.key, c.id)} />)}
              {show('createdAt') && <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatDate(c.createdAt)}</Text></Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
