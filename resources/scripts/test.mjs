#!/usr/bin/env node
// npm test: every check the project has, in order of cost, with one summary at the end.
// Typecheck, lint, formatting (prettier --check), unit tests (vitest), the team server's tests against a throwaway
// PostgreSQL, the Electron security scan (electronegativity,
// offline), a production build, then end-to-end tests in Debian Chromium (Playwright).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium, ensureNodeModules } from './setup.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
ensureNodeModules();
ensureChromium();

const reports = path.join(root, 'test-results/reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const steps = [
  { name: 'typecheck', cmd: bin('tsc'), args: ['-p', 'tsconfig.json', '--noEmit'] },
  { name: 'lint', cmd: bin('eslint'), args: ['--max-warnings=0', '.'] },
  { name: 'format', cmd: bin('prettier'), args: ['--check', '--log-level=warn', '.'] },
  {
    name: 'unit',
    cmd: bin('vitest'),
    args: ['run', '--config', 'test/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(reports, 'vitest.json')}`],
    counts: () => {
      const r = JSON.parse(readFileSync(path.join(reports, 'vitest.json'), 'utf8'));
      return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
    },
  },
  {
    // The team server against a real PostgreSQL the tests start themselves (a throwaway cluster).
    name: 'server',
    cmd: bin('vitest'),
    args: [
      'run',
      '--config',
      'test/server/vitest.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${path.join(reports, 'server.json')}`,
    ],
    counts: () => {
      const r = JSON.parse(readFileSync(path.join(reports, 'server.json'), 'utf8'));
      return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
    },
  },
  { name: 'security', cmd: process.execPath, args: [path.join(root, 'resources/scripts/security.mjs')] },
  { name: 'build', cmd: bin('electron-vite'), args: ['build'] },
  {
    name: 'e2e',
    cmd: bin('playwright'),
    args: ['test', '--config', 'test/playwright.config.ts', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reports, 'playwright.json') },
    counts: () => {
      const r = JSON.parse(readFileSync(path.join(reports, 'playwright.json'), 'utf8'));
      return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped };
    },
  },
];

const only = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
const results = [];
for (const step of steps) {
  if (only.length && !only.includes(step.name)) continue;
  console.log(`\n=== ${step.name} ===`);
  const t0 = Date.now();
  const r = spawnSync(step.cmd, step.args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...step.env } });
  const ok = r.status === 0;
  let counts = null;
  if (step.counts) {
    try {
      counts = step.counts();
    } catch {
      counts = null;
    }
  }
  if (counts) {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
  } else if (ok) {
    totals.passed += 1; // a check with no test count (typecheck, lint, scan, build) counts once
  }
  if (!ok && !(counts && counts.failed > 0)) totals.failed += 1;
  results.push({ name: step.name, ok, seconds: ((Date.now() - t0) / 1000).toFixed(1), counts });
  if (!ok && !process.env.TEST_KEEP_GOING) break;
}

console.log('\n=== summary ===');
for (const r of results) {
  const c = r.counts ? ` (${r.counts.passed} passed, ${r.counts.failed} failed, ${r.counts.skipped} skipped)` : '';
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(10)} ${r.seconds.padStart(6)} s${c}`);
}
const failed = results.some((r) => !r.ok);
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failed ? 1 : 0);
