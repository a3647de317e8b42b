// List filters kept in the address bar, so reload and back restore the same view.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export function useUrlParams<K extends string>(keys: readonly K[], defaults: Partial<Record<K, string>> = {}) {
  const [sp, setSp] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, sp.get(k) ?? defaults[k] ?? ''])) as Record<K, string>;
  const set = useCallback(
    (patch: Partial<Record<K, string | null>>) => {
      setSp(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch) as [K, string | null | undefined][]) {
            if (!v || v === defaults[k]) next.delete(k);
            else next.set(k, v);
          }
          return next;
        },
        { replace: true },
      );
    },
    // defaults are literals at the call site; keys are stable
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [setSp],
  );
  return [values, set] as const;
}
