// The checkboxes of a selectable list (contacts, companies): header (this page / none), per row, and on a phone card.
import { Box, Checkbox, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BulkSelectionState } from './use-bulk-selection';

export function SelectHeaderCell({ selection }: { selection: BulkSelectionState }) {
  const { t } = useTranslation();
  return (
    <Table.Th w={36}>
      <Checkbox size="xs" aria-label={t('bulk.selectPage')} checked={selection.pageSelected} indeterminate={selection.someSelected && !selection.pageSelected} onChange={selection.togglePage} data-testid="select-page" />
    </Table.Th>
  );
}

export function SelectRowCell({ selection, id, name }: { selection: BulkSelectionState; id: string; name: string }) {
  const { t } = useTranslation();
  return (
    <Table.Td w={36}>
      <Checkbox size="xs" aria-label={t('bulk.select', { name })} checked={selection.isSelected(id)} onChange={() => selection.toggle(id)} data-testid="select-row" />
    </Table.Td>
  );
}

/**
 * On a card that is itself a link, the checkbox must not follow the link. A click on the box itself is not cancelled
 * (a cancelled checkbox click puts the box back as it was, out of step with the selection); the link never sees it.
 */
export function SelectCardBox({ selection, id, name }: { selection: BulkSelectionState; id: string; name: string }) {
  const { t } = useTranslation();
  return (
    <Box
      p={4}
      m={-4}
      onClick={(e) => {
        e.stopPropagation();
        if (!(e.target instanceof HTMLInputElement)) e.preventDefault();
        selection.toggle(id);
      }}
    >
      <Checkbox size="sm" readOnly aria-label={t('bulk.select', { name })} checked={selection.isSelected(id)} data-testid="select-row" />
    </Box>
  );
}

/** Phones show cards, not a table header: the "all shown" checkbox sits above them. */
export function SelectPageCheckbox({ selection }: { selection: BulkSelectionState }) {
  const { t } = useTranslation();
  return (
    <Checkbox size="sm" ml={12} label={t('bulk.selectPage')} checked={selection.pageSelected} indeterminate={selection.someSelected && !selection.pageSelected} onChange={selection.togglePage} data-testid="select-page" />
  );
}
