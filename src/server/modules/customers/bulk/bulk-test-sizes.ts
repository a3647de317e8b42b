// For the bulk tests: small inline and batch sizes and no undo wait, so jobs and batches show with a few records.
export function setSmallBulkSizes(): () => void {
  const keys = ['RAPPORT_BULK_INLINE_MAX', 'RAPPORT_BULK_BATCH', 'RAPPORT_BULK_UNDO_MS'] as const;
  const prev = keys.map((k) => process.env[k]);
  Object.assign(process.env, { RAPPORT_BULK_INLINE_MAX: '5', RAPPORT_BULK_BATCH: '4', RAPPORT_BULK_UNDO_MS: '0' });
  return () => keys.forEach((k, i) => (prev[i] === undefined ? delete process.env[k] : (process.env[k] = prev[i])));
}
