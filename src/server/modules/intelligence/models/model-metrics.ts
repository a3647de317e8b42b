// Hold-out metrics of a binary model: AUC (rank statistic, ties counted half), precision and recall at a threshold,
// calibration in ten bins of the predicted probability, and a few ROC points for the card's chart.
export interface CalibrationBin {
  from: number;
  to: number;
  count: number;
  predicted: number;
  observed: number;
}

export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const idx = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]!] === scores[idx[i]!]) j++;
    const rank = (i + j) / 2 + 1; // average rank of a tie
    for (let k = i; k <= j; k++) if (labels[idx[k]!]) {
      pos++;
      rankSum += rank;
    }
    i = j + 1;
  }
  const neg = idx.length - pos;
  if (!pos || !neg) return 0.5;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

export function precisionRecall(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number) {
  let tp = 0, fp = 0, fn = 0;
  for (let i = 0; i < scores.length; i++) {
    const yes = scores[i]! >= threshold;
    if (yes && labels[i]) tp++;
    else if (yes) fp++;
    else if (labels[i]) fn++;
  }
  return { precision: tp + fp ? tp / (tp + fp) : 0, recall: tp + fn ? tp / (tp + fn) : 0, flagged: tp + fp };
}

export function calibration(scores: ArrayLike<number>, labels: ArrayLike<number>, bins = 10): CalibrationBin[] {
  const out = Array.from({ length: bins }, (_, b) => ({ from: b / bins, to: (b + 1) / bins, count: 0, predicted: 0, observed: 0 }));
  for (let i = 0; i < scores.length; i++) {
    const b = out[Math.min(bins - 1, Math.floor(scores[i]! * bins))]!;
    b.count++;
    b.predicted += scores[i]!;
    b.observed += labels[i] ? 1 : 0;
  }
  return out.filter((b) => b.count > 0).map((b) => ({ ...b, predicted: round(b.predicted / b.count), observed: round(b.observed / b.count) }));
}

/** True- and false-positive rates at 20 thresholds (0.05 apart), for the card's ROC curve. */
export function rocPoints(scores: ArrayLike<number>, labels: ArrayLike<number>) {
  let pos = 0;
  for (let i = 0; i < labels.length; i++) pos += labels[i] ? 1 : 0;
  const neg = labels.length - pos;
  const out = [];
  for (let k = 20; k >= 0; k--) {
    const t = k / 20;
    let tp = 0, fp = 0;
    for (let i = 0; i < scores.length; i++) if (scores[i]! >= t) labels[i] ? tp++ : fp++;
    out.push({ threshold: t, tpr: round(pos ? tp / pos : 0), fpr: round(neg ? fp / neg : 0) });
  }
  return out;
}

export const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;
