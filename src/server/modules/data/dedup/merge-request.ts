// What contact and company merge requests share: their consistency check, and the 409 when a record changed since
// the reviewer looked at it.
import { AppError } from '../../../core/errors.js';

interface MergeRequest {
  survivorId: string;
  mergedIds: string[];
  fields?: Partial<Record<string, string>>;
  expectedUpdatedAt?: Record<string, string>;
}

/** The survivor is not also merged, no record is listed twice, and `fields` and `expectedUpdatedAt` name only these records. */
export function checkMergeRequest(body: MergeRequest, noun: 'contact' | 'company'): void {
  const errors = [];
  if (body.mergedIds.includes(body.survivorId)) errors.push({ path: 'mergedIds', message: 'the survivor cannot also be merged into itself' });
  if (new Set(body.mergedIds).size !== body.mergedIds.length) errors.push({ path: 'mergedIds', message: `a ${noun} is listed twice` });
  const all = [body.survivorId, ...body.mergedIds];
  for (const [field, source] of Object.entries(body.fields ?? {})) {
    if (source && !all.includes(source)) errors.push({ path: `fields.${field}`, message: 'must be the survivor or one of mergedIds' });
  }
  for (const key of Object.keys(body.expectedUpdatedAt ?? {})) {
    if (!all.includes(key)) errors.push({ path: `expectedUpdatedAt.${key}`, message: 'must be the survivor or one of mergedIds' });
  }
  if (errors.length) throw new AppError('validation', 'The merge request is not consistent', errors);
}

export const changedMeanwhile = (noun: 'contact' | 'company') => new AppError('conflict', `A ${noun} was changed or merged by someone else meanwhile; reload and try again`);

/** 409 when a record's updatedAt is not the one the client said it saw. */
export function checkExpectedVersions(records: { id: string; updatedAt: string }[], expected: Record<string, string> | undefined, noun: 'contact' | 'company'): void {
  for (const r of records) {
    const seen = expected?.[r.id];
    if (seen !== undefined && seen !== r.updatedAt) throw changedMeanwhile(noun);
  }
}
