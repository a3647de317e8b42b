// Modal form that creates or changes a product: SKU, names in both languages, category, price and cost, price books.
import { useEffect } from 'react';
import { Autocomplete, Divider, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useAppSettings } from '../../../api/shared-queries';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { formErrorsFrom } from '../../../lib/form-errors';
import { currencyOptions } from '../../../lib/money-input';
import { useCreateProduct, useProductCategories, useUpdateProduct, type Product } from '../api/products';
import { PriceBookFields } from './price-book-fields';
import { formValuesOf, productValidation, toProductInput, type ProductFormValues } from './product-form-values';

interface Props {
  opened: boolean;
  /** The product to change; null creates one. */
  product: Product | null;
  onClose: () => void;
  onSaved: (p: Product) => void;
}

export function ProductFormModal({ opened, product, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 48em)');
  const settings = useAppSettings();
  const categories = useProductCategories();
  const create = useCreateProduct();
  const update = useUpdateProduct();
  const save = product ? update : create;
  const defaultCurrency = settings.data?.defaultCurrency ?? 'CNY';
  const form = useForm<ProductFormValues>({ initialValues: formValuesOf(null, defaultCurrency), validate: productValidation(t) });

  useEffect(() => {
    if (!opened) return;
    form.setValues(formValuesOf(product, defaultCurrency));
    form.resetDirty();
    form.clearErrors();
    create.reset();
    update.reset();
    // reset the form each time it opens, for the product it opens with
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, product?.id, defaultCurrency]);

  const submit = form.onSubmit((v) => {
    const input = toProductInput(v);
    const done = { onSuccess: (p: Product) => onSaved(p), onError: (err: unknown) => form.setErrors(formErrorsFrom(err)) };
    if (product) update.mutate({ id: product.id, ...input }, done);
    else create.mutate(input, done);
  });

  return (
    <Modal opened={opened} onClose={onClose} title={product ? t('products.edit') : t('products.new')} size="lg" fullScreen={narrow}>
      <form onSubmit={submit} noValidate data-testid="product-form">
        <Stack>
          {save.error && Object.keys(form.errors).length === 0 && <ErrorAlert error={save.error} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('products.sku')} name="sku" required data-autofocus {...form.getInputProps('sku')} />
            <Autocomplete label={t('products.category')} name="category" data={categories.data ?? []} {...form.getInputProps('category')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('products.nameEn')} name="nameEn" required {...form.getInputProps('nameEn')} />
            <TextInput label={t('products.nameZh')} name="nameZh" {...form.getInputProps('nameZh')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput label={t('products.price')} name="price" required min={0} decimalScale={2} thousandSeparator="," {...form.getInputProps('price')} />
            <NumberInput label={t('products.cost')} name="cost" min={0} decimalScale={2} thousandSeparator="," {...form.getInputProps('cost')} />
            <Select label={t('products.currency')} data={currencyOptions(form.values.currency)} searchable allowDeselect={false} {...form.getInputProps('currency')} />
          </SimpleGrid>
          <Switch label={t('products.activeLabel')} {...form.getInputProps('active', { type: 'checkbox' })} />
          <Divider />
          <PriceBookFields form={form} />
          <FormActions onCancel={onClose} loading={save.isPending} submitLabel={product ? t('products.save') : t('common.create')} />
        </Stack>
      </form>
    </Modal>
  );
}
