// A knowledge category's name in the reader's language (the English name when it has no Chinese one).
import type { Category } from '../api/knowledge-types';

export const categoryName = (c: Pick<Category, 'nameEn' | 'nameZh'>, language: string) => (language.startsWith('zh') && c.nameZh) || c.nameEn;
