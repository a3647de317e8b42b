// The row menu of a product: edit, deactivate or reactivate, delete (the server refuses products on deals or orders).
import { ActionIcon, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconEdit, IconEye, IconEyeOff, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/error-message';
import { useDeleteProduct, useUpdateProduct, type Product } from '../api/products';

export function ProductActions({ product, onEdit }: { product: Product; onEdit: (p: Product) => void }) {
  const { t } = useTranslation();
  const update = useUpdateProduct();
  const remove = useDeleteProduct();
  const fail = (err: unknown) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) });
  const toggle = () =>
    update.mutate(
      { id: product.id, active: !product.active },
      { onSuccess: (p) => notifications.show({ color: 'green', message: t(p.active ? 'products.reactivated' : 'products.deactivated', { sku: p.sku }) }), onError: fail },
    );
  const del = () => {
    if (window.confirm(t('products.confirmDelete', { sku: product.sku }))) remove.mutate(product.id, { onError: fail });
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('common.more')} data-testid="product-actions" loading={update.isPending || remove.isPending}>
          <IconDots size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconEdit size={14} />} onClick={() => onEdit(product)} data-testid="edit-product">{t('products.edit')}</Menu.Item>
        <Menu.Item leftSection={product.active ? <IconEyeOff size={14} /> : <IconEye size={14} />} onClick={toggle} data-testid="toggle-product">
          {product.active ? t('products.deactivate') : t('products.reactivate')}
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={del}>{t('common.delete')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
