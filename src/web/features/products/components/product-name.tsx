// A product's name in the UI language, with its name in the other language beneath (dimmed) when it has one.
import { Text } from '@mantine/core';
import { currentLocale } from '../../../lib/i18n';
import type { Product } from '../api/products';

export function productNames(p: Pick<Product, 'nameEn' | 'nameZh'>): { main: string; other: string | null } {
  const zh = currentLocale().startsWith('zh');
  if (zh && p.nameZh) return { main: p.nameZh, other: p.nameEn };
  return { main: p.nameEn, other: p.nameZh || null };
}

export function ProductName({ product, fw = 500 }: { product: Pick<Product, 'nameEn' | 'nameZh'>; fw?: number }) {
  const { main, other } = productNames(product);
  return (
    <>
      <Text size="sm" fw={fw} lineClamp={1} title={main}>{main}</Text>
      {other && <Text size="xs" c="dimmed" lineClamp={1} title={other}>{other}</Text>}
    </>
  );
}
