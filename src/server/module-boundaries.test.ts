// Modules use each other only through their index.ts (DESIGN.md); this check keeps that true as the code grows.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, 'modules');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Seeds use a module only through its index.ts, as any outside code would (benchmarks may measure internals). */
function outsideViolations(): string[] {
  const dirs = [path.join(import.meta.dirname, 'seed')];
  const out: string[] = [];
  for (const file of dirs.flatMap((d) => files(d))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
      const rel = path.relative(root, path.resolve(path.dirname(file), m[1]!));
      if (rel.startsWith('..')) continue;
      if (rel.split(path.sep).slice(1).join('/') !== 'index.js') out.push(`${path.relative(root, file)} imports ${m[1]}`);
    }
  }
  return out;
}

describe('module boundaries', () => {
  it('seeds use modules only through their index.ts', () => {
    expect(outsideViolations()).toEqual([]);
  });

  it('no module reaches into another module except through its index.ts', () => {
    const violations: string[] = [];
    for (const file of files(root)) {
      const own = path.relative(root, file).split(path.sep)[0];
      for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
        const target = path.resolve(path.dirname(file), m[1]!);
        const rel = path.relative(root, target);
        if (rel.startsWith('..')) continue; // core, test harness, app-level files
        const [other, ...rest] = rel.split(path.sep);
        if (other !== own && rest.join('/') !== 'index.js') violations.push(`${path.relative(root, file)} imports ${m[1]}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
