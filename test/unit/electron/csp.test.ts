// The Content-Security-Policy is strict: scripts only from the app itself, no eval, no
// remote origin anywhere, and the same string for every way the app is served.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META, CSP_DIRECTIVES } from '../../../shared/security/csp';

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

describe('CONTENT_SECURITY_POLICY', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('has no unsafe-eval and no inline or eval escape hatch for scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    expect(policy.get('script-src')).toEqual(["'self'"]);
  });

  it('names no remote origin, wildcard or network scheme in any directive', () => {
    for (const [name, sources] of policy) {
      for (const source of sources) {
        expect(source, `${name} ${source}`).toMatch(/^('self'|'none'|'unsafe-inline'|data:|blob:)$/);
      }
    }
  });

  it('allows inline styles only for styles, nowhere else', () => {
    for (const [name, sources] of policy) {
      if (name !== 'style-src') expect(sources, name).not.toContain("'unsafe-inline'");
    }
  });

  it('sets exactly the agreed directives', () => {
    expect(Object.fromEntries(policy)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'worker-src': ["'self'", 'blob:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
  });

  it('is the csp.json list joined with "; ", the form scripts/serve.mjs reads', () => {
    const json = JSON.parse(readFileSync(new URL('../../../shared/security/csp.json', import.meta.url), 'utf8')) as {
      directives: string[];
    };
    expect(CSP_DIRECTIVES).toEqual(json.directives);
    expect(CONTENT_SECURITY_POLICY).toBe(json.directives.join('; '));
  });

  it('has a <meta> variant that differs only by the header-only frame-ancestors', () => {
    expect(CONTENT_SECURITY_POLICY_META).toBe(CSP_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; '));
    expect(directives(CONTENT_SECURITY_POLICY_META).has('frame-ancestors')).toBe(false);
    expect(directives(CONTENT_SECURITY_POLICY_META).get('script-src')).toEqual(["'self'"]);
  });
});
