// Every message the server can explain to a user has a Chinese translation: an exact serverMessages entry, or a
// serverPatterns entry whose pattern fits it. Scans src/server for AppError details, field messages and zod messages.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { matchServerMessage, serverMessagePatterns } from './server-message-patterns.js';

const SRC = fileURLToPath(new URL('../..', import.meta.url));
const zh = JSON.parse(readFileSync(path.join(SRC, 'web/locales/zh-CN.json'), 'utf8')) as {
  serverMessages: Record<string, string>;
  serverPatterns: Record<string, string>;
};

// Messages only the command line or an API integrator meets; the web app never triggers them.
const NOT_FOR_THE_UI = new Set([
  "'错误（未导入）'", // the Chinese error-report severity (import-messages.ts), already Chinese, not a zod message
  '`${what} was not found`', // 404: the UI says errors.notFound itself
  '`${f.label} ${problem}`', // a custom field value; each checkValue problem has its own pattern (fieldNumber, fieldDate…)
  // `rapport import` / `rapport export` flags
  '`--filter takes key=value (got "${p}")`',
  "'key=value'",
  '`No such file: ${file}`',
  "'not found'",
  "'--on-match is update, skip or create'",
  "'--region is a two-letter country code such as US or CN'",
  "'--update-mode is fill or overwrite'",
  '`--mapping must be a JSON file of {"Header": "field"}: ${(e as Error).message}`',
  "'not JSON'",
  // `rapport audit verify` output
  "'its content does not match its hash (the entry was altered)'",
  "'its link to the previous entry does not match (an entry was removed or reordered)'",
]);

// A string literal in any quoting; a template literal keeps its ${…} parts.
const STR = String.raw`('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\`(?:[^\`\\$]|\\.|\$\{[^}]*\}|\$)*\`)`;
const SOURCES: [string, RegExp][] = [
  ['new AppError(code, …)', new RegExp(String.raw`new AppError\(\s*'\w+',\s*` + STR, 'g')],
  ['message: …', new RegExp(String.raw`\bmessage: ` + STR, 'g')],
  ['zod error: …', new RegExp(String.raw`\berror: ` + STR, 'g')],
  ['zod .min/.max(n, …)', new RegExp(String.raw`\.(?:min|max|length)\(\d+,\s*` + STR, 'g')],
  ['zod .regex(re, …)', new RegExp(String.raw`\.regex\(/(?:[^/\\\n]|\\.)+/\w*,\s*` + STR, 'g')],
  ['zod .refine(fn, …)', new RegExp(String.raw`\.refine\([^\n]*?,\s*` + STR + String.raw`\s*\)`, 'g')],
  ['zod z.email(…)', new RegExp(String.raw`z\.email\(` + STR, 'g')],
  // Why an import row was not imported (shown in the import preview and its error report).
  ['import cleansing fail(…)', new RegExp(String.raw`\bfail\(` + STR, 'g')],
  ['import row reason: …', new RegExp(String.raw`\breason: ` + STR, 'g')],
];

function serverFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return serverFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The sentences a source literal can produce: quotes undone; in a template, `${a ? 'x' : 'y'}` gives both
 * words and any other ${…} the sample value 1. */
function samples(literal: string): string[] {
  const body = literal.slice(1, -1);
  if (!literal.startsWith('`')) return [body.replace(/\\(.)/g, '$1')];
  let out = [''];
  for (const part of body.split(/(\$\{[^}]*\})/)) {
    const choice = /^\$\{[^?]+\?\s*'([^']*)'\s*:\s*'([^']*)'\s*\}$/.exec(part);
    const fills = choice ? [choice[1]!, choice[2]!] : part.startsWith('${') ? ['1'] : [part];
    out = out.flatMap((prefix) => fills.map((f) => prefix + f));
  }
  return out;
}

function serverLiterals(): { literal: string; where: string }[] {
  const found = new Map<string, string>();
  for (const file of serverFiles(path.join(SRC, 'server'))) {
    const text = readFileSync(file, 'utf8');
    for (const [kind, re] of SOURCES) {
      for (const m of text.matchAll(re)) if (!found.has(m[1]!)) found.set(m[1]!, `${kind} in ${path.relative(SRC, file)}`);
    }
  }
  return [...found].map(([literal, where]) => ({ literal, where }));
}

const translated = (message: string) => {
  if (zh.serverMessages[message]) return true;
  const match = matchServerMessage(message);
  return Boolean(match && zh.serverPatterns[match.key]);
};

describe('server messages in Chinese', () => {
  const literals = serverLiterals();

  it('finds the server messages', () => {
    expect(literals.length).toBeGreaterThan(150);
  });

  it('translates every message the web app can meet', () => {
    const missing = literals
      .filter(({ literal }) => !NOT_FOR_THE_UI.has(literal))
      .flatMap(({ literal, where }) => samples(literal).filter((s) => !translated(s)).map((s) => `${s}   (${where})`));
    expect(missing).toEqual([]);
  });

  it('keeps the allowlist to messages that still exist', () => {
    const all = new Set(literals.map((l) => l.literal));
    expect([...NOT_FOR_THE_UI].filter((l) => !all.has(l))).toEqual([]);
  });

  it('has a translation for every pattern, using only the values the pattern captures', () => {
    for (const { re, key } of serverMessagePatterns) {
      const template = zh.serverPatterns[key];
      expect(template, key).toBeTypeOf('string');
      const groups = new Set([...re.source.matchAll(/\(\?<(\w+)>/g)].map((m) => m[1]));
      const params = [...template!.matchAll(/\{\{(\w+)/g)].map((m) => m[1]);
      expect(params.filter((p) => !groups.has(p)), key).toEqual([]);
    }
    expect(Object.keys(zh.serverPatterns).filter((k) => !serverMessagePatterns.some((p) => p.key === k))).toEqual([]);
  });

  it('fills a pattern from the message', () => {
    expect(matchServerMessage('Stage "Demo" still holds deals: move them before removing it or changing its kind')).toEqual({
      key: 'stageInUse',
      params: { stage: 'Demo' },
    });
    expect(matchServerMessage('Moving a deal to lost needs a reason')).toEqual({ key: 'moveNeedsReason', params: { kind: 'lost' } });
    expect(matchServerMessage('nothing like the server says')).toBeNull();
  });
});
