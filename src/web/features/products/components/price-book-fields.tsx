// The price books of a product in its form: one price per extra currency (added, changed, removed).
import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currencyOptions } from '../../../lib/money-input';
import type { ProductFormValues } from './product-form-values';

export function PriceBookFields({ form }: { form: UseFormReturnType<ProductFormValues> }) {
  const { t } = useTranslation();
  const rows = form.values.prices;
  const taken = new Set([form.values.currency, ...rows.map((r) => r.currency)]);
  const next = currencyOptions().find((c) => !taken.has(c)) ?? '';
  return (
    <Stack gap="xs" data-testid="price-books">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={500}>{t('products.priceBooks')}</Text>
          <Text size="xs" c="dimmed">{t('products.priceBooksHint')}</Text>
        </div>
        <Button size="xs" variant="light" style={{ flexShrink: 0 }} leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('prices', { currency: next, price: '' })} data-testid="add-price-book">
          {t('products.addPriceBook')}
        </Button>
      </Group>
      {rows.length === 0 && <Text size="sm" c="dimmed">{t('products.noPriceBooks')}</Text>}
      {rows.map((row, i) => (
        <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
          <Select
            aria-label={t('products.currency')}
            data={currencyOptions(row.currency)}
            searchable
            allowDeselect={false}
            w={110}
            {...form.getInputProps(`prices.${i}.currency`)}
          />
          <NumberInput
            aria-label={t('products.priceIn', { currency: row.currency })}
            placeholder={t('products.price')}
            min={0}
            decimalScale={2}
            thousandSeparator=","
            style={{ flex: 1 }}
            {...form.getInputProps(`prices.${i}.price`)}
          />
          <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('common.delete')} onClick={() => form.removeListItem('prices', i)}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
    </Stack>
  );
}
