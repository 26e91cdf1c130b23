// scripts/serve.mjs (browser mode) serves the built renderer on loopback with the same
// CSP as the shell, correct MIME types, and refuses traversal and foreign Host headers.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../../../shared/security/csp';
import { readTeamOrigin } from '../../../shared/team/origin';
// @ts-expect-error -- a plain .mjs script without types; its two exports are checked against shared/ below
import { contentSecurityPolicyFor, readTeamOrigin as readTeamOriginInScript } from '../../../resources/scripts/serve.mjs';

const SERVE = fileURLToPath(new URL('../../../resources/scripts/serve.mjs', import.meta.url));

let base: string;
let root: string;
let child: ChildProcess;
let origin: string;
let port: number;

/** Starts the CLI and resolves with the first stdout line, or rejects with stderr on exit. */
function startCli(args: string[]): Promise<{ child: ChildProcess; line: string }> {
  return new Promise((resolveStart, rejectStart) => {
    const proc = spawn(process.execPath, [SERVE, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolveStart({ child: proc, line: out.split('\n')[0]! });
    });
    proc.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    proc.on('exit', (code) => rejectStart(new Error(`exit ${code}: ${err.trim()}`)));
  });
}

/** A raw request, so paths reach the server exactly as written (fetch would normalise them). */
function rawGet(path: string, host = `127.0.0.1:${port}`): Promise<{ status: number; body: string }> {
  return new Promise((resolveGet, rejectGet) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolveGet({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', rejectGet);
    req.end();
  });
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'fw-serve-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Fraud Workbench</title>');
  writeFileSync(join(root, 'assets', 'main.mjs'), 'export {}');
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(join(root, 'assets', 'parse.wasm'), 'wasm');
  writeFileSync(join(base, 'secret.csv'), 'email\njane@example.com');
  const started = await startCli(['--port', '0', '--dir', root]);
  child = started.child;
  const match = /^Fraud Workbench \(browser mode\) at (http:\/\/127\.0\.0\.1:(\d+)\/)$/.exec(started.line);
  expect(match, started.line).not.toBeNull();
  origin = match![1]!;
  port = Number(match![2]);
});

afterAll(() => {
  child?.kill();
  rmSync(base, { recursive: true, force: true });
});

describe('scripts/serve.mjs', () => {
  it('serves index.html at / with the shared CSP', async () => {
    const response = await fetch(origin);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('Fraud Workbench');
  });

  it.each([
    ['assets/main.mjs', 'text/javascript; charset=utf-8'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/parse.wasm', 'application/wasm'],
  ])('serves %s as %s', async (path, type) => {
    const response = await fetch(`${origin}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
  });

  it('refuses traversal out of the folder', async () => {
    for (const path of ['/..%2fsecret.csv', '/assets/..%2f..%2fsecret.csv', '/../secret.csv', '/%2e%2e/secret.csv']) {
      const { status, body } = await rawGet(path);
      expect(status, path).toBe(404);
      expect(body).not.toContain('jane@example.com');
    }
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    expect((await rawGet('/index.html', `evil.example:${port}`)).status).toBe(421);
    expect((await rawGet('/index.html', `localhost:${port}`)).status).toBe(200);
  });

  it('refuses writes', async () => {
    expect((await fetch(origin, { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('will not bind a non-loopback address', async () => {
    await expect(startCli(['--port', '0', '--dir', root, '--host', '0.0.0.0'])).rejects.toThrow(/binds loopback only/);
  });

  it('says clearly when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const taken = (blocker.address() as { port: number }).port;
    try {
      await expect(startCli(['--port', String(taken), '--dir', root])).rejects.toThrow(/already in use/);
    } finally {
      blocker.close();
    }
  });
});

describe('scripts/serve.mjs with a team server', () => {
  it('adds exactly the team origin to connect-src and tells the page which it is', async () => {
    const started = await startCli(['--port', '0', '--dir', root, '--team-origin', 'http://127.0.0.1:8787/']);
    try {
      expect(started.line).toMatch(/\(team server http:\/\/127\.0\.0\.1:8787\)$/);
      const at = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(started.line)![1]!;
      const page = await fetch(at);
      expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy('http://127.0.0.1:8787'));
      expect(await (await fetch(`${at}team-server.json`)).json()).toEqual({ origin: 'http://127.0.0.1:8787' });
    } finally {
      started.child.kill();
    }
  });

  it('says no team server when none is configured', async () => {
    expect(await (await fetch(`${origin}team-server.json`)).json()).toEqual({ origin: null });
  });

  it('refuses a team origin that is not https or loopback http', async () => {
    await expect(startCli(['--port', '0', '--dir', root, '--team-origin', 'http://workbench.example.com'])).rejects.toThrow(/must use https/);
  });

  it('reads origins and builds the policy exactly as shared/ does', () => {
    for (const raw of [
      'https://Workbench.example.com/',
      'http://localhost:9000',
      'http://[::1]:9',
      'https://[2001:db8::1]',
      'http://10.0.0.1',
      'https://a.example/x',
      'https://u:p@a.example',
      'https://*.example.com',
      'https://a;b.example',
      'nope',
    ]) {
      const shared = readTeamOrigin(raw);
      const script = readTeamOriginInScript(raw) as string | Error;
      expect(script instanceof Error ? { ok: false, reason: script.message } : { ok: true, origin: script }, raw).toEqual(shared);
      if (shared.ok) expect(contentSecurityPolicyFor(shared.origin)).toBe(contentSecurityPolicy(shared.origin));
    }
  });
});
