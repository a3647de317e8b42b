// The product form's values (prices in whole units), their checks, and the conversion to and from the API's shape.
import type { TFunction } from 'i18next';
import { toMajor, toMinor } from '../../../lib/money-input';
import type { Product, ProductInput } from '../api/products';

type Money = number | string;

export interface ProductFormValues {
  sku: string;
  nameEn: string;
  nameZh: string;
  category: string;
  price: Money;
  cost: Money;
  currency: string;
  active: boolean;
  prices: { currency: string; price: Money }[];
}

export function formValuesOf(p: Product | null, defaultCurrency: string): ProductFormValues {
  return {
    sku: p?.sku ?? '',
    nameEn: p?.nameEn ?? '',
    nameZh: p?.nameZh ?? '',
    category: p?.category ?? '',
    price: toMajor(p?.price),
    cost: toMajor(p?.cost),
    currency: p?.currency ?? defaultCurrency,
    active: p?.active ?? true,
    prices: (p?.prices ?? []).map((x) => ({ currency: x.currency, price: toMajor(x.price) })),
  };
}

export function toProductInput(v: ProductFormValues): ProductInput {
  return {
    sku: v.sku.trim(),
    nameEn: v.nameEn.trim(),
    nameZh: v.nameZh.trim() || null,
    category: v.category.trim() || null,
    price: toMinor(v.price) ?? 0,
    cost: toMinor(v.cost) ?? null,
    currency: v.currency,
    active: v.active,
    prices: v.prices.map((x) => ({ currency: x.currency, price: toMinor(x.price) ?? 0 })),
  };
}

const CURRENCY = /^[A-Z]{3}$/;
const badMoney = (v: Money, t: TFunction, required: boolean) =>
  v === '' ? (required ? t('common.required') : null) : Number(v) < 0 || !Number.isFinite(Number(v)) ? t('products.errors.notNegative') : null;

export function productValidation(t: TFunction) {
  return {
    sku: (v: string) => (v.trim() ? null : t('common.required')),
    nameEn: (v: string) => (v.trim() ? null : t('common.required')),
    price: (v: Money) => badMoney(v, t, true),
    cost: (v: Money) => badMoney(v, t, false),
    currency: (v: string) => (CURRENCY.test(v) ? null : t('products.errors.currency')),
    prices: {
      currency: (v: string, values: ProductFormValues, path: string) => {
        if (!CURRENCY.test(v)) return t('products.errors.currency');
        const i = Number(path.split('.')[1]);
        return values.prices.some((x, j) => j < i && x.currency === v) ? t('products.errors.duplicateCurrency') : null;
      },
      price: (v: Money) => badMoney(v, t, true),
    },
  };
}
