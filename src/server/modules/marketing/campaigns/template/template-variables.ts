// A small, safe variable renderer: {{path}} or {{path | "fallback"}} over a fixed set of values. No expressions, no
// code, no loops: an unknown path renders as its fallback (or nothing); values are HTML-escaped in HTML output.
const VARIABLE = /\{\{\s*([a-zA-Z][\w.]{0,80})\s*(?:\|\s*(?:"([^"{}]{0,200})"|“([^”{}]{0,200})”|'([^'{}]{0,200})'))?\s*\}\}/g;

export type TemplateValues = Record<string, string | null | undefined>;

export interface ParsedVariable {
  path: string;
  fallback: string;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Every variable of a text, in order. */
export function variablesOf(text: string): ParsedVariable[] {
  return [...text.matchAll(VARIABLE)].map((m) => ({ path: m[1]!, fallback: m[2] ?? m[3] ?? m[4] ?? '' }));
}

/** The text with each variable replaced by its value (or fallback); escaped for HTML when `html`. */
export function renderVariables(text: string, values: TemplateValues, html: boolean): string {
  return text.replace(VARIABLE, (_m, path: string, a?: string, b?: string, c?: string) => {
    const v = values[path];
    const out = v != null && String(v).trim() !== '' ? String(v) : (a ?? b ?? c ?? '');
    return html ? escapeHtml(out) : out;
  });
}

/** Replaces variables with placeholders (so MJML compiles the template once) and returns them in order. */
export function extractVariables(text: string, variables: ParsedVariable[] = []): { text: string; variables: ParsedVariable[] } {
  const out = text.replace(VARIABLE, (_m, path: string, a?: string, b?: string, c?: string) => {
    variables.push({ path, fallback: a ?? b ?? c ?? '' });
    return `RPVAR${variables.length - 1}X`;
  });
  return { text: out, variables };
}

const PLACEHOLDER = /RPVAR(\d+)X/g;

/** Fills placeholders made by extractVariables. */
export function fillPlaceholders(text: string, variables: ParsedVariable[], values: TemplateValues, html: boolean): string {
  return text.replace(PLACEHOLDER, (m, i: string) => {
    const v = variables[Number(i)];
    if (!v) return m;
    const value = values[v.path];
    const out = value != null && String(value).trim() !== '' ? String(value) : v.fallback;
    return html ? escapeHtml(out) : out;
  });
}
