#!/usr/bin/env node
// `npm run security`: scans the Electron shell with electronegativity, fully offline, and
// fails on any finding that resources/scripts/security-allowlist.json does not explain.
//
// Electronegativity runs in this process rather than as its CLI for two reasons: its CLI
// always fetches translation updates from the internet (answered locally here with
// "nothing new"), and the in-process runner returns findings with severity and confidence,
// which its CSV/SARIF outputs flatten.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCAN_DIR = join(PROJECT_ROOT, 'electron');
const ALLOWLIST_FILE = join(PROJECT_ROOT, 'resources', 'scripts', 'security-allowlist.json');
const CSP_FILE = join(PROJECT_ROOT, 'shared', 'security', 'csp.json');

// AvailableSecurityFixesGlobalCheck downloads Electron's release feed from the internet;
// keeping Electron current is tracked through npm (outdated/audit) instead.
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const require = createRequire(import.meta.url);
const scannerDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));

/**
 * The Electron version the scan judges: the exact pin in package.json, which is what ships.
 * A node_modules copy that differs (a stale install) fails the scan rather than judging
 * code against rules for a version the app does not use.
 */
function electronVersion() {
  const pinned = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).devDependencies?.electron;
  if (typeof pinned !== 'string' || !/^\d+\.\d+\.\d+$/.test(pinned)) {
    throw new Error(`package.json must pin electron to an exact version (x.y.z), found ${JSON.stringify(pinned)}`);
  }
  const installed = JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  if (installed !== pinned) {
    throw new Error(`node_modules has Electron ${installed} but package.json pins ${pinned}; run ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci`);
  }
  return pinned;
}

/** Makes electronegativity's translation download a local no-op, so the scan never goes online. */
function keepScannerOffline() {
  const gotPath = createRequire(join(scannerDir, 'dist', 'locales', 'i18n.js')).resolve('got');
  const noUpdate = async () => ({ statusCode: 204, body: '' });
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: noUpdate, children: [], paths: [] };
}

async function scanShell(version) {
  keepScannerOffline();
  const run = require(join(scannerDir, 'dist', 'runner.js'));
  const result = await run(
    {
      input: SCAN_DIR,
      customScan: [],
      excludeFromScan: EXCLUDED_CHECKS.map((check) => check.toLowerCase()),
      isRelative: false,
      electronVersionOverride: version,
      parserPlugins: [],
    },
    false,
  );
  return {
    checks: result.globalChecks + result.atomicChecks,
    errors: result.errors,
    findings: result.issues.map((issue) => ({
      check: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file === 'N/A' ? 'N/A' : relative(PROJECT_ROOT, issue.file).split('\\').join('/'),
      line: issue.location?.line ?? 0,
      description: issue.description,
      manualReview: Boolean(issue.manualReview),
    })),
  };
}

/**
 * The scanner only recognises a CSP written as a string literal in webRequest code, so it
 * cannot see the policy the shell sends on every app:// response. Evaluate the real policy
 * with the scanner's own CSP evaluator, mapped the way its CSP_GLOBAL_CHECK maps results.
 */
function evaluateContentSecurityPolicy() {
  const csp = createRequire(join(scannerDir, 'package.json'))('@doyensec/csp-evaluator');
  const policy = JSON.parse(readFileSync(CSP_FILE, 'utf8')).directives.join('; ');
  const parsed = new csp.CspParser(policy);
  const results = new csp.CspEvaluator(parsed.csp, csp.Version.CSP3).evaluate();
  const { HIGH, SYNTAX, MEDIUM, HIGH_MAYBE, MEDIUM_MAYBE } = csp.severities;
  return results
    .filter((r) => [HIGH, SYNTAX, MEDIUM, HIGH_MAYBE, MEDIUM_MAYBE].includes(r.severity))
    .map((r) => ({
      check: 'CSP_EVALUATOR',
      severity: [HIGH, SYNTAX, MEDIUM].includes(r.severity) ? 'HIGH' : 'LOW',
      confidence: [HIGH, SYNTAX, MEDIUM].includes(r.severity) ? 'CERTAIN' : 'FIRM',
      file: relative(PROJECT_ROOT, CSP_FILE).split('\\').join('/'),
      line: 0,
      description: `${r.directive}: ${r.description}`,
      manualReview: ![HIGH, SYNTAX, MEDIUM].includes(r.severity),
    }));
}

// The only modules a sandboxed preload can require; anything else must be bundled in.
const SANDBOXED_PRELOAD_MODULES = new Set(['electron', 'events', 'timers', 'url', 'node:events', 'node:timers', 'node:url']);

/**
 * A sandboxed preload that requires anything else throws at start-up and leaves the page
 * without its bridge; no static scanner looks at this, so check the built bundle.
 */
function checkSandboxedPreload() {
  const bundle = join(PROJECT_ROOT, 'out', 'preload', 'index.cjs');
  if (!existsSync(bundle)) {
    return { findings: [], note: 'out/preload/index.cjs is not built, so its requires were not checked (run npx electron-vite build).' };
  }
  const source = readFileSync(bundle, 'utf8');
  const required = new Set([...source.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]));
  const findings = [...required]
    .filter((name) => !SANDBOXED_PRELOAD_MODULES.has(name))
    .map((name) => ({
      check: 'SANDBOXED_PRELOAD_REQUIRE',
      severity: 'HIGH',
      confidence: 'CERTAIN',
      file: 'out/preload/index.cjs',
      line: 0,
      description: `require("${name}") fails in a sandboxed preload; bundle it instead of externalising it`,
      manualReview: false,
    }));
  return { findings, note: `out/preload/index.cjs requires only: ${[...required].join(', ') || 'nothing'}.` };
}

/** Each allowance names a check, a file, optionally a text the finding must contain, and why. */
function readAllowlist() {
  const { allowances } = JSON.parse(readFileSync(ALLOWLIST_FILE, 'utf8'));
  const problems = [];
  for (const [index, a] of allowances.entries()) {
    const where = `allowance #${index + 1} (${a.check ?? '?'})`;
    if (typeof a.check !== 'string' || typeof a.file !== 'string') problems.push(`${where} needs "check" and "file"`);
    if (typeof a.why !== 'string' || a.why.trim().length < 40) problems.push(`${where} must say why, in a sentence`);
    for (const evidence of a.evidence ?? []) {
      if (!existsSync(join(PROJECT_ROOT, evidence))) problems.push(`${where} cites missing evidence ${evidence}`);
    }
  }
  return { allowances, problems };
}

function allows(allowance, finding) {
  return (
    allowance.check === finding.check &&
    allowance.file === finding.file &&
    (allowance.contains === undefined || finding.description.includes(allowance.contains))
  );
}

function printTable(rows) {
  const headers = ['Status', 'Check', 'Severity/Confidence', 'Where', 'Finding'];
  const cells = rows.map((r) => [r.status, r.check, `${r.severity}/${r.confidence}`, r.where, r.description]);
  const widths = headers.map((h, i) => Math.min(60, Math.max(h.length, ...cells.map((c) => c[i].length))));
  const line = (values) => values.map((v, i) => (v.length > widths[i] ? `${v.slice(0, widths[i] - 1)}…` : v.padEnd(widths[i]))).join('  ');
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

async function main() {
  const version = electronVersion();
  console.log(`electronegativity on electron/ (Electron ${version}, offline; excluded: ${EXCLUDED_CHECKS.join(', ')})`);
  const scan = await scanShell(version);
  const preload = checkSandboxedPreload();
  const findings = [...scan.findings, ...evaluateContentSecurityPolicy(), ...preload.findings];
  const { allowances, problems } = readAllowlist();

  const used = new Set();
  const rows = findings.map((finding) => {
    const allowance = allowances.find((a) => allows(a, finding));
    if (allowance) used.add(allowance);
    return {
      ...finding,
      status: allowance ? 'allowed' : 'FAIL',
      where: finding.file === 'N/A' ? '(whole app)' : `${finding.file}${finding.line ? `:${finding.line}` : ''}`,
    };
  });

  console.log(`${scan.checks} scanner checks run, plus the CSP evaluator and the preload bundle check.`);
  console.log(`Preload: ${preload.note}`);
  console.log(`${findings.length} findings\n`);
  if (rows.length > 0) printTable(rows);

  const failures = rows.filter((r) => r.status === 'FAIL');
  const stale = allowances.filter((a) => !used.has(a));
  const parseErrors = scan.errors.filter((e) => !e.tolerable);

  for (const error of parseErrors) console.error(`\nNot scanned: ${relative(PROJECT_ROOT, error.file)}: ${error.message}`);
  for (const problem of problems) console.error(`\nAllowlist: ${problem}`);
  for (const a of stale) console.error(`\nAllowlist: "${a.check}" for ${a.file} no longer matches any finding; remove it.`);
  if (failures.length > 0) {
    console.error(`\n${failures.length} finding(s) not allowed. Fix them, or add a justified entry to resources/scripts/security-allowlist.json.`);
  }

  const ok = failures.length === 0 && stale.length === 0 && parseErrors.length === 0 && problems.length === 0;
  if (ok) console.log(`\nSecurity scan passed: every finding is explained in resources/scripts/security-allowlist.json.`);
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
