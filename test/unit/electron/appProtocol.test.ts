// The app:// protocol serves files from the built renderer folder only, each with the
// app's CSP, and refuses every way of reaching outside that folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentTypeFor, registerAppSchemeAsPrivileged, resolveRendererFile, serveRendererRequest } from '../../../electron/main/appProtocol';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../../../shared/security/csp';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'fw-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Fraud Workbench</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(root, 'assets', 'font.woff2'), 'woff2');
  // A neighbour folder whose name starts like the root: a naive prefix check would let it through.
  mkdirSync(join(base, 'renderer-secrets'));
  writeFileSync(join(base, 'renderer-secrets', 'cases.csv'), 'order_id,email\n1,jane@example.com');
  writeFileSync(join(base, 'outside.txt'), 'outside');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveRendererFile', () => {
  it('maps app://workbench paths into the renderer folder', () => {
    expect(resolveRendererFile(root, 'app://workbench/index.html')).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, 'app://workbench/assets/app.js?v=1#x')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveRendererFile(root, 'app://workbench/')).toBe(join(root, 'index.html'));
  });

  it('refuses traversal hidden in percent-encoding', () => {
    expect(resolveRendererFile(root, 'app://workbench/..%2foutside.txt')).toBeNull();
    expect(resolveRendererFile(root, 'app://workbench/assets/..%2f..%2foutside.txt')).toBeNull();
    expect(resolveRendererFile(root, 'app://workbench/..%2frenderer-secrets%2fcases.csv')).toBeNull();
    expect(resolveRendererFile(root, 'app://workbench/%2e%2e%2f%2e%2e%2fetc%2fpasswd')).toBeNull();
    expect(resolveRendererFile(root, 'app://workbench/..%5coutside.txt')).not.toBe(join(base, 'outside.txt'));
  });

  it('keeps plain dot segments inside the folder (the URL parser collapses them first)', () => {
    const resolved = resolveRendererFile(root, 'app://workbench/../../outside.txt');
    expect(resolved).toBe(join(root, 'outside.txt'));
  });

  it('refuses NUL bytes, malformed escapes, other hosts and other schemes', () => {
    expect(resolveRendererFile(root, 'app://workbench/index.html%00.png')).toBeNull();
    expect(resolveRendererFile(root, 'app://workbench/%E0%A4%A')).toBeNull();
    expect(resolveRendererFile(root, 'app://elsewhere/index.html')).toBeNull();
    expect(resolveRendererFile(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveRendererFile(root, 'https://workbench/index.html')).toBeNull();
    expect(resolveRendererFile(root, 'not a url')).toBeNull();
  });
});

describe('serveRendererRequest', () => {
  it('serves a file with its content type and the CSP header', async () => {
    const response = await serveRendererRequest(root, new Request('app://workbench/assets/app.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log("app")');
  });

  it("sends the run's policy when the managed policy names a team server", async () => {
    const policy = contentSecurityPolicy('https://workbench.example.com');
    const response = await serveRendererRequest(root, new Request('app://workbench/assets/app.js'), policy);
    expect(response.headers.get('content-security-policy')).toBe(policy);
    expect((await serveRendererRequest(root, new Request('app://workbench/nope'), policy)).headers.get('content-security-policy')).toBe(policy);
  });

  it('answers refusals with 404 and the CSP header too', async () => {
    const traversal = await serveRendererRequest(root, new Request('app://workbench/..%2frenderer-secrets%2fcases.csv'));
    expect(traversal.status).toBe(404);
    expect(await traversal.text()).not.toContain('jane@example.com');
    expect(traversal.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);

    expect((await serveRendererRequest(root, new Request('app://workbench/missing.js'))).status).toBe(404);
    expect((await serveRendererRequest(root, new Request('app://workbench/assets'))).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await serveRendererRequest(root, new Request('app://workbench/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });
});

describe('contentTypeFor', () => {
  it('knows the bundle file types and falls back to an inert type', () => {
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('x.mjs')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('x.WASM')).toBe('application/wasm');
    expect(contentTypeFor('x.woff2')).toBe('font/woff2');
    expect(contentTypeFor('x.exe')).toBe('application/octet-stream');
  });
});

describe('registerAppSchemeAsPrivileged', () => {
  it('registers app: as standard, secure and fetch-capable, without bypassing CSP', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppSchemeAsPrivileged({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });
});
