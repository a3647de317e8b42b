// Keeps exported text from running as a spreadsheet formula (CSV/formula injection): the one helper every CSV and
// XLSX writer passes its text cells through.

/** = + - @ start a formula in Excel, LibreOffice and Google Sheets; a leading tab or CR can hide one. */
function startsLikeFormula(s: string): boolean {
  const c = s.charCodeAt(0);
  return c === 61 /* = */ || c === 43 /* + */ || c === 45 /* - */ || c === 64 /* @ */ || c === 9 /* \t */ || c === 13; /* \r */
}

/**
 * OWASP's rule: a text cell that starts like a formula gets a leading single quote, so the spreadsheet shows it as
 * text. This includes legitimate text such as "+8613800000000" or "-5 days": a phone in an export reads
 * '+8613800000000 (and Excel would otherwise turn it into the number 8613800000000). Numbers written as numbers
 * (a negative amount) are never formulas and stay untouched; only strings come through here.
 */
export function spreadsheetText(s: string): string {
  return s.length > 0 && startsLikeFormula(s) ? `'${s}` : s;
}
