// A trigger's optional filter on one record (which web form, which pipeline): a searchable, clearable Select of the
// records by name, where no choice means any; a saved id whose record is gone shows as deleted, never as a raw id.
import { Anchor, Loader, Select, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/error-message';

export interface RecordChoice {
  id: string;
  name: string;
  /** Shown after the name (a form that is turned off). */
  note?: string;
}

interface Props {
  label: string;
  /** The placeholder: what no choice means ("Any form"). */
  any: string;
  /** The option standing for a saved id that no longer exists ("Deleted form"), and what to do about it. */
  deleted: string;
  deletedHint: string;
  /** Said, with a link to where they are made when the user may make one, when there are none yet. */
  empty: string;
  createLink?: { to: string; label: string };
  query: { data?: RecordChoice[]; isPending: boolean; isError: boolean; error: unknown };
  value: string;
  onChange: (id: string) => void;
  testId?: string;
}

export function TriggerRecordSelect({ label, any, deleted, deletedHint, empty, createLink, query, value, onChange, testId }: Props) {
  const { t } = useTranslation();
  const records = query.data ?? [];
  const loaded = !query.isPending && !query.isError;
  const gone = loaded && value !== '' && !records.some((r) => r.id === value);
  const data = records.map((r) => ({ value: r.id, label: r.note ? `${r.name} (${r.note})` : r.name }));
  // Until the list is in (or when it failed), a saved choice shows as loading rather than as its id.
  if (value && !records.some((r) => r.id === value)) data.push({ value, label: gone ? deleted : t('common.loading') });
  let description: ReactNode = t('journeys.trigger.optional');
  if (loaded && !records.length) {
    description = (
      <Text span size="xs" data-testid={testId ? `${testId}-empty` : undefined}>
        {empty}
        {createLink && <> — <Anchor component={Link} to={createLink.to} size="xs">{createLink.label}</Anchor></>}
      </Text>
    );
  }
  return (
    <Select
      label={label}
      description={description}
      placeholder={query.isPending ? t('common.loading') : any}
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      searchable
      clearable
      disabled={query.isPending}
      rightSection={query.isPending ? <Loader size={14} /> : undefined}
      nothingFoundMessage={records.length ? t('search.noResults') : empty}
      error={query.isError ? errorMessage(query.error, t) : gone ? deletedHint : undefined}
      data-testid={testId}
    />
  );
}
