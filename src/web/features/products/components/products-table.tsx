// The catalogue as a table on wide screens and as cards on phones: SKU, name, category, price, cost, margin, price books.
import { Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../lib/format';
import type { Product } from '../api/products';
import { ProductActions } from './product-actions';
import { ProductName } from './product-name';

interface Props {
  products: Product[];
  /** Null for people who may not change the catalogue. */
  onEdit: ((p: Product) => void) | null;
}

const margin = (p: Product) => (p.cost === null || p.price <= 0 ? null : Math.round(((p.price - p.cost) / p.price) * 1000) / 10);

function PriceBooks({ p }: { p: Product }) {
  if (p.prices.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap" data-testid="product-price-books">
      {p.prices.map((x) => (
        <Badge key={x.currency} size="sm" variant="outline" color="gray" tt="none">{formatMoney(x.price, x.currency, true)}</Badge>
      ))}
    </Group>
  );
}

function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return <Badge size="sm" variant="light" color={active ? 'green' : 'gray'}>{active ? t('products.active') : t('products.inactive')}</Badge>;
}

export function ProductsTable({ products, onEdit }: Props) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 48em)');
  const pct = (p: Product) => (margin(p) === null ? t('common.empty') : `${margin(p)}%`);

  if (narrow) {
    return (
      <Stack gap="xs" data-testid="products-cards">
        {products.map((p) => (
          <Card key={p.id} withBorder padding="sm" data-testid="product-row" data-sku={p.sku}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <ProductName product={p} fw={600} />
                <Text size="xs" c="dimmed">{[p.sku, p.category].filter(Boolean).join(' · ')}</Text>
                <Text size="sm">{formatMoney(p.price, p.currency, true)} · {t('products.marginShort', { value: pct(p) })}</Text>
                <PriceBooks p={p} />
              </Stack>
              <Stack gap={6} align="flex-end">
                <ActiveBadge active={p.active} />
                {onEdit && <ProductActions product={p} onEdit={onEdit} />}
              </Stack>
            </Group>
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing="xs" data-testid="products-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('products.sku')}</Table.Th>
            <Table.Th>{t('products.name')}</Table.Th>
            <Table.Th>{t('products.category')}</Table.Th>
            <Table.Th ta="right">{t('products.price')}</Table.Th>
            <Table.Th ta="right">{t('products.cost')}</Table.Th>
            <Table.Th ta="right">{t('products.margin')}</Table.Th>
            <Table.Th>{t('products.priceBooks')}</Table.Th>
            <Table.Th>{t('products.status')}</Table.Th>
            {onEdit && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {products.map((p) => (
            <Table.Tr key={p.id} data-testid="product-row" data-sku={p.sku} style={{ opacity: p.active ? 1 : 0.65 }}>
              <Table.Td><Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>{p.sku}</Text></Table.Td>
              <Table.Td maw={280}><ProductName product={p} /></Table.Td>
              <Table.Td><Text size="sm">{p.category ?? ''}</Text></Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}><Text size="sm">{formatMoney(p.price, p.currency, true)}</Text></Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}><Text size="sm" c="dimmed">{p.cost === null ? t('common.empty') : formatMoney(p.cost, p.currency, true)}</Text></Table.Td>
              <Table.Td ta="right"><Text size="sm">{pct(p)}</Text></Table.Td>
              <Table.Td><PriceBooks p={p} /></Table.Td>
              <Table.Td><ActiveBadge active={p.active} /></Table.Td>
              {onEdit && <Table.Td><ProductActions product={p} onEdit={onEdit} /></Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
