// The pipeline rules the server enforces, as sentences in the UI language (other errors as usual).
import type { TFunction } from 'i18next';
import { ApiError } from '../../../lib/api-error';
import { errorMessage } from '../../../lib/error-message';

const KNOWN: [RegExp, string][] = [
  [/^A pipeline needs at least one open stage/, 'pipelines.errors.needsOpen'],
  [/^A pipeline needs exactly one won and one lost/, 'pipelines.errors.wonLost'],
  [/^Stage names must differ/, 'pipelines.errors.duplicateNames'],
  [/^Stage "(.*)" still holds deals/, 'pipelines.errors.stageInUse'],
  [/^This pipeline still holds deals/, 'pipelines.errors.pipelineInUse'],
];

export function pipelineErrorMessage(err: unknown, t: TFunction): string {
  if (err instanceof ApiError && err.detail && err.status < 500) {
    for (const [re, key] of KNOWN) {
      const m = re.exec(err.detail);
      if (m) return t(key, { stage: m[1] ?? '' });
    }
  }
  return errorMessage(err, t);
}
