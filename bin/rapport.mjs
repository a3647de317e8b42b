#!/usr/bin/env node
// Entry point of the `rapport` command: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/server/cli.ts');
await main(process.argv.slice(2));
