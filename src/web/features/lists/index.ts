// What the lists feature offers the contacts and companies lists: saved views as tabs, the column chooser, the
// count and owner filter, and bulk selection with its action bar (one implementation for every list).
export { SavedViewTabs } from './components/saved-view-tabs';
export { ColumnChooser, type ColumnOption } from './components/column-chooser';
export { useListView, type ListViewConfig } from './components/use-list-view';
export { ListCount } from './components/list-count';
export { OwnerFilter } from './components/owner-filter';
export { CustomFieldCell } from './components/custom-field-cell';
export { TagsCell } from './components/tags-cell';
export { BulkActionBar, type BulkActionProps } from './components/bulk-action-bar';
export { useBulkSelection, type BulkSelectionState } from './components/use-bulk-selection';
export { SelectCardBox, SelectHeaderCell, SelectPageCheckbox, SelectRowCell } from './components/bulk-selection-cells';
export { useRecordCount, type RecordCount } from './api/list-count';
export type { ListFilter } from './api/bulk-records';
export { FilterInput } from './components/filter-input';
