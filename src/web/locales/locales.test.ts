// Every string the UI asks for exists in English and Simplified Chinese, and both files have the same keys.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const WEB = fileURLToPath(new URL('..', import.meta.url));
const load = (name: string) => JSON.parse(readFileSync(path.join(WEB, 'locales', name), 'utf8')) as Record<string, unknown>;

function flatten(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? flatten(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

// Plural forms differ per language (en: _one/_other, zh: _other), so compare the base keys.
const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'e2e' ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('locales', () => {
  const en = new Set(flatten(load('en.json')).map(base));
  const zh = new Set(flatten(load('zh-CN.json')).map(base));

  // serverMessages and serverPatterns put the server's English messages into Chinese; in English they pass through
  // unchanged, so only zh-CN has them (lib/server-message.test.ts checks they cover the server).
  const own = (k: string) => !k.startsWith('serverMessages.') && !k.startsWith('serverPatterns.');

  it('has the same keys in English and Chinese', () => {
    expect([...en].filter((k) => own(k) && !zh.has(k))).toEqual([]);
    expect([...zh].filter((k) => own(k) && !en.has(k))).toEqual([]);
  });

  it('translates every literal key used by the UI', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(WEB)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/key: '([a-z]+\.[a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !en.has(k)).sort()).toEqual([]);
  });
});
