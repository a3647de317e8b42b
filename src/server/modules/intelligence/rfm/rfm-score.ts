// RFM scoring: recency, frequency and monetary quintiles (1–5, 5 best) over all buying customers, and the named segment
// of each cell of the recency × frequency grid. Pure functions, used by the nightly job and the tests.

export const rfmSegments = ['champions', 'loyal', 'potentialLoyalists', 'new', 'atRisk', 'cantLose', 'hibernating', 'lost'] as const;
export type RfmSegment = (typeof rfmSegments)[number];

/** Each segment's name in English and Chinese. */
export const rfmSegmentNames: Record<RfmSegment, { en: string; zh: string }> = {
  champions: { en: 'Champions', zh: '冠军客户' },
  loyal: { en: 'Loyal', zh: '忠诚客户' },
  potentialLoyalists: { en: 'Potential loyalists', zh: '潜力客户' },
  new: { en: 'New', zh: '新客户' },
  atRisk: { en: 'At risk', zh: '有流失风险' },
  cantLose: { en: "Can't lose", zh: '不能失去' },
  hibernating: { en: 'Hibernating', zh: '休眠客户' },
  lost: { en: 'Lost', zh: '已流失' },
};

export interface RfmInput {
  contactId: string;
  lastOrderAt: string;
  orders: number;
  monetary: number;
}

export interface RfmScore extends RfmInput {
  recencyDays: number;
  r: number;
  f: number;
  m: number;
  segment: RfmSegment;
}

/** Quintile scores by rank: the worst fifth gets 1, the best 5; equal values share the score of the first of them. */
export function quintiles(values: number[]): number[] {
  const n = values.length;
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(n);
  let firstRank = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0 && order[k]![0] !== order[k - 1]![0]) firstRank = k;
    out[order[k]![1]] = 1 + Math.floor((firstRank * 5) / n);
  }
  return out;
}

/** The segment of a recency × frequency cell. */
export function segmentOf(r: number, f: number): RfmSegment {
  if (r >= 4 && f >= 4 && r + f >= 9) return 'champions';
  if (r >= 3 && f >= 4) return 'loyal';
  if (r >= 3 && f >= 2) return 'potentialLoyalists';
  if (r >= 4) return 'new';
  if (f === 5) return 'cantLose';
  if (f >= 3) return 'atRisk';
  if (r >= 2) return 'hibernating';
  return 'lost';
}

export function scoreRfm(rows: RfmInput[], now: Date): RfmScore[] {
  const days = rows.map((r) => Math.max(0, Math.floor((now.getTime() - Date.parse(r.lastOrderAt)) / 86_400_000)));
  const rs = quintiles(days.map((d) => -d));
  const fs = quintiles(rows.map((r) => r.orders));
  const ms = quintiles(rows.map((r) => r.monetary));
  return rows.map((row, i) => ({ ...row, recencyDays: days[i]!, r: rs[i]!, f: fs[i]!, m: ms[i]!, segment: segmentOf(rs[i]!, fs[i]!) }));
}
