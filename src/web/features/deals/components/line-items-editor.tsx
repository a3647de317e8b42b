// Editing a deal's line items: quantity and unit price per line, remove, add products from the catalogue; saved at once.
import { useState } from 'react';
import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { formatMoney } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n';
import { toMajor, toMinor } from '../../../lib/money-input';
import type { DealDetail } from '../api/deal-types';
import { priceIn, useProductSearch, type Product } from '../api/get-products';
import { useUpdateDeal } from '../api/update-deal';

interface Line {
  key: string;
  productId: string | null;
  name: string;
  quantity: number | string;
  /** Whole units; '' takes the catalogue price. */
  unitPrice: number | string;
}

let counter = 0;

export function LineItemsEditor({ deal, onDone }: { deal: DealDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const zh = currentLocale().startsWith('zh');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const products = useProductSearch(debounced);
  const update = useUpdateDeal(deal.id);
  // Phones get one small card per line (labelled inputs that wrap) instead of a table wider than the screen.
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  const [lines, setLines] = useState<Line[]>(() => deal.lineItems.map((li) => ({ key: li.id, productId: li.productId, name: zh && li.nameZh ? li.nameZh : li.name, quantity: li.quantity, unitPrice: toMajor(li.unitPrice) })));
  const [picked, setPicked] = useState<Product | null>(null);
  const label = (p: { sku: string; nameEn: string; nameZh: string | null }) => `${zh && p.nameZh ? p.nameZh : p.nameEn} (${p.sku})`;
  // The picked product stays a choice while the search text shows its label.
  const choices = picked && !(products.data ?? []).some((p) => p.id === picked.id) ? [picked, ...(products.data ?? [])] : (products.data ?? []);
  const set = (key: string, patch: Partial<Line>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const add = () => {
    const p = picked;
    if (!p) return;
    const price = priceIn(p, deal.currency);
    setLines((ls) => [...ls, { key: `new-${++counter}`, productId: p.id, name: label(p), quantity: 1, unitPrice: price === null ? '' : toMajor(price) }]);
    setPicked(null);
    setSearch('');
  };
  const bad = lines.some((l) => !(Number(l.quantity) >= 1) || !Number.isInteger(Number(l.quantity)) || (l.unitPrice !== '' && Number(l.unitPrice) < 0));
  const total = lines.reduce((a, l) => a + (toMinor(l.unitPrice) ?? 0) * (Number(l.quantity) || 0), 0);
  const save = () =>
    update.mutate(
      { lineItems: lines.map((l) => ({ ...(l.productId ? { productId: l.productId } : { name: l.name }), quantity: Number(l.quantity), ...(l.unitPrice !== '' && { unitPrice: toMinor(l.unitPrice) }) })) },
      { onSuccess: onDone },
    );
  const quantityInput = (l: Line, label?: string) => (
    <NumberInput size="xs" label={label} aria-label={t('deals.quantity')} min={1} allowDecimal={false} value={l.quantity} onChange={(quantity) => set(l.key, { quantity })} data-testid="line-quantity" />
  );
  const priceInput = (l: Line, label?: string) => (
    <NumberInput size="xs" label={label} aria-label={t('deals.unitPrice')} min={0} decimalScale={2} thousandSeparator="," placeholder={t('dealEdit.catalogue')} value={l.unitPrice} onChange={(unitPrice) => set(l.key, { unitPrice })} />
  );
  const remove = (l: Line) => (
    <ActionIcon variant="subtle" color="red" aria-label={t('dealEdit.removeLine')} onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}>
      <IconTrash size={14} />
    </ActionIcon>
  );

  return (
    <Stack gap="sm" data-testid="line-items-editor">
      {update.error && <ErrorAlert error={update.error} />}
      {lines.length === 0 ? (
        <Text size="sm" c="dimmed">{t('deals.noLineItems')}</Text>
      ) : phone ? (
        <Stack gap="xs">
          {lines.map((l) => (
            <Paper key={l.key} withBorder p="xs" data-testid="line-item-row">
              <Group justify="space-between" wrap="nowrap" gap="xs" mb={4}>
                <Text size="sm" fw={500} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{l.name}</Text>
                {remove(l)}
              </Group>
              <Group gap="xs" wrap="wrap" grow>
                {quantityInput(l, t('deals.quantity'))}
                {priceInput(l, t('dealEdit.unitPriceIn', { currency: deal.currency }))}
              </Group>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={340}>
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('deals.product')}</Table.Th>
                <Table.Th w={76}>{t('deals.quantity')}</Table.Th>
                <Table.Th w={112}>{t('dealEdit.unitPriceIn', { currency: deal.currency })}</Table.Th>
                <Table.Th w={36} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l) => (
                <Table.Tr key={l.key} data-testid="line-item-row">
                  <Table.Td><Text size="sm" lineClamp={2}>{l.name}</Text></Table.Td>
                  <Table.Td>{quantityInput(l)}</Table.Td>
                  <Table.Td>{priceInput(l)}</Table.Td>
                  <Table.Td>{remove(l)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Select
          label={t('dealEdit.addProduct')}
          placeholder={t('dealEdit.pickProduct')}
          data={choices.map((p) => ({ value: p.id, label: label(p) }))}
          value={picked?.id ?? null}
          onChange={(id) => setPicked(choices.find((p) => p.id === id) ?? null)}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options }) => options}
          clearable
          nothingFoundMessage={t('search.noResults')}
          style={{ flex: '1 1 200px', minWidth: 0 }}
          data-testid="line-product-picker"
        />
        <Button variant="light" leftSection={<IconPlus size={16} />} disabled={!picked} onClick={add} data-testid="add-line-item">{t('dealEdit.add')}</Button>
      </Group>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed">{t('dealEdit.linesTotal', { total: formatMoney(total, deal.currency, true) })}</Text>
        <Group gap="xs">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button onClick={save} disabled={bad} loading={update.isPending} data-testid="save-line-items">{t('dealEdit.save')}</Button>
        </Group>
      </Group>
      <Text size="xs" c="dimmed">{t('dealEdit.linesHint')}</Text>
    </Stack>
  );
}
