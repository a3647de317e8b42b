// Turns any thrown value into a short, translated sentence for the user (never raw JSON or a stack).
import type { TFunction } from 'i18next';
import { ApiError } from './api-error';
import { localizeServerMessage } from './server-message';

export function errorMessage(err: unknown, t: TFunction): string {
  if (err instanceof ApiError) {
    if (err.isNetwork) return t('errors.network');
    if (err.status === 401) return t('errors.unauthorized');
    if (err.status === 403) return t('errors.forbidden');
    if (err.status === 404) return t('errors.notFound');
    if (err.status === 413) return t('errors.tooLarge');
    // A 429 that says how long to wait (a locked login) is worth more than the generic sentence.
    if (err.status === 429) return err.detail ? localizeServerMessage(err.detail) : t('errors.tooMany');
    if (err.status >= 500) return t('errors.server');
    if (err.detail) return localizeServerMessage(err.detail);
    if (err.status === 422) return t('errors.validation');
    return localizeServerMessage(err.title);
  }
  return t('errors.unknown');
}
