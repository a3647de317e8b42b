// Products page: the catalogue with search and filters, create/edit in a modal, deactivate, and a link to importing.
import { useState } from 'react';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport, IconPackage, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { PageHeader } from '../../../components/page-header';
import { PagedList } from '../../../components/paged-list';
import { useUrlParams } from '../../../hooks/use-url-params';
import { useCanCall } from '../../auth';
import { useProductList, type Product } from '../api/products';
import { ProductFilters } from '../components/product-filters';
import { ProductFormModal } from '../components/product-form-modal';
import { ProductsTable } from '../components/products-table';

const KEYS = ['q', 'category', 'active'] as const;

export function ProductsRoute() {
  const { t } = useTranslation();
  const editor = useCanCall('POST /products');
  // undefined: closed; null: a new product; else the product being changed.
  const [editing, setEditing] = useState<Product | null | undefined>(undefined);
  const [p, setP] = useUrlParams(KEYS, { active: 'true' });
  const list = useProductList({ q: p.q || undefined, category: p.category || undefined, active: p.active === 'all' ? undefined : p.active });
  const rows = list.data?.pages.flatMap((pg) => pg.data) ?? [];
  const filtered = Boolean(p.q || p.category || p.active !== 'true');

  return (
    <>
      <PageHeader
        title={t('nav.products')}
        actions={
          editor && (
            <>
              <Button component={Link} to="/imports?object=products" variant="default" leftSection={<IconFileImport size={16} />}>
                {t('products.import')}
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="new-product">
                {t('products.new')}
              </Button>
            </>
          )
        }
      />
      <ProductFilters values={p} onChange={setP} />
      <PagedList
        query={list}
        shown={rows.length}
        empty={
          <EmptyState
            icon={<IconPackage size={28} />}
            title={filtered ? t('products.noMatches') : t('products.empty')}
            description={filtered ? t('common.tryOtherFilters') : t(editor ? 'products.emptyHint' : 'products.emptyHintReader')}
            action={!filtered && editor && <Button onClick={() => setEditing(null)}>{t('products.new')}</Button>}
          />
        }
      >
        <ProductsTable products={rows} onEdit={editor ? setEditing : null} />
      </PagedList>
      <ProductFormModal
        opened={editing !== undefined}
        product={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={(saved) => {
          notifications.show({ color: 'green', message: t(editing ? 'products.saved' : 'products.created', { sku: saved.sku }) });
          setEditing(undefined);
        }}
      />
    </>
  );
}
