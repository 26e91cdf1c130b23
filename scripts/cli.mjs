#!/usr/bin/env node
// The workbench's command line (`npm run cli -- <command>`). Runs the same shared/ TypeScript the
// app runs: bundles scripts/cli/main.ts with rolldown into out/cli/ when any source is newer.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'scripts/cli/main.ts');
const outFile = path.join(root, 'out/cli/main.mjs');
const SOURCE_DIRS = ['shared', 'scripts/cli'];

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|json)$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function isStale() {
  if (!existsSync(outFile)) return true;
  const built = statSync(outFile).mtimeMs;
  return SOURCE_DIRS.some((d) => newestSource(path.join(root, d)) > built) || statSync(new URL(import.meta.url)).mtimeMs > built;
}

async function build() {
  const { build: rolldownBuild } = await import('rolldown');
  mkdirSync(path.dirname(outFile), { recursive: true });
  // Written aside and renamed, so two CLI runs building at once never load a half-written file.
  const tmp = `${outFile}.${process.pid}.tmp.mjs`;
  try {
    await rolldownBuild({ input: entry, platform: 'node', logLevel: 'warn', output: { file: tmp, format: 'esm' } });
    renameSync(tmp, outFile);
  } finally {
    rmSync(tmp, { force: true });
  }
}

try {
  if (isStale()) await build();
} catch (error) {
  console.error(`cli: could not build ${path.relative(root, entry)}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(70);
}
const { main } = await import(pathToFileURL(outFile).href);
process.exitCode = await main(process.argv.slice(2));
