// The web app's layout rules, checked on the source: one-way imports, features only through index.ts, kebab-case, small files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const WEB = fileURLToPath(new URL('.', import.meta.url));
const SHARED = ['lib', 'components', 'api', 'hooks', 'types', 'locales'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

const sources = files(WEB).filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes(`${path.sep}e2e${path.sep}`) && !f.endsWith('.test.ts'));
const rel = (f: string) => path.relative(WEB, f).split(path.sep).join('/');

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from '(\.[^']+)'/g)].map((m) => rel(path.resolve(path.dirname(file), m[1]!)));
}

describe('web architecture', () => {
  it('shared code never imports features or app', () => {
    const bad = sources
      .filter((f) => SHARED.includes(rel(f).split('/')[0]!))
      .flatMap((f) => imports(f).filter((i) => i.startsWith('features/') || i.startsWith('app/')).map((i) => `${rel(f)} → ${i}`));
    expect(bad).toEqual([]);
  });

  it('features never import app, and reach other features only through their index', () => {
    const bad = sources
      .filter((f) => rel(f).startsWith('features/'))
      .flatMap((f) => {
        const own = rel(f).split('/')[1];
        return imports(f)
          .filter((i) => i.startsWith('app/') || (i.startsWith('features/') && i.split('/')[1] !== own && i.split('/').length > 2))
          .map((i) => `${rel(f)} → ${i}`);
      });
    expect(bad).toEqual([]);
  });

  it('names files in kebab-case and keeps them small', () => {
    // Locale files carry their BCP 47 tag (zh-CN); READMEs keep their usual name.
    const named = (f: string) => /^[a-z0-9/-]+(\.[a-z0-9-]+)*\.[a-z]+$/.test(f) || /(^|\/)README\.md$/.test(f) || /^locales\/[a-zA-Z-]+\.json$/.test(f);
    expect(files(WEB).map(rel).filter((f) => !named(f))).toEqual([]);
    expect(sources.filter((f) => readFileSync(f, 'utf8').split('\n').length > 230).map(rel)).toEqual([]);
  });
});
