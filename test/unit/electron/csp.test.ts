// The Content-Security-Policy is strict: scripts only from the app itself, no eval, no
// remote origin anywhere, and the same string for every way the app is served.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META, CSP_DIRECTIVES, contentSecurityPolicy } from '../../../shared/security/csp';
import { readTeamOrigin } from '../../../shared/team/origin';

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

  it('has a <meta> variant without the header-only frame-ancestors whose connect-src is the outer bound of any team origin', () => {
    const meta = directives(CONTENT_SECURITY_POLICY_META);
    expect(meta.has('frame-ancestors')).toBe(false);
    expect(meta.get('connect-src')).toEqual(["'self'", 'https:', 'http://127.0.0.1:*', 'http://localhost:*']);
    const rest = (p: Map<string, string[]>) => Object.fromEntries([...p].filter(([name]) => name !== 'connect-src' && name !== 'frame-ancestors'));
    expect(rest(meta)).toEqual(rest(policy));
    expect(directives(CONTENT_SECURITY_POLICY_META).get('script-src')).toEqual(["'self'"]);
  });
});

describe('contentSecurityPolicy(teamOrigin)', () => {
  it('is the base policy when no team server is configured', () => {
    expect(contentSecurityPolicy(null)).toBe(CONTENT_SECURITY_POLICY);
  });

  it('adds the one origin to connect-src and changes no other directive', () => {
    const withTeam = directives(contentSecurityPolicy('https://workbench.example.com'));
    expect(withTeam.get('connect-src')).toEqual(["'self'", 'https://workbench.example.com']);
    const base = directives(CONTENT_SECURITY_POLICY);
    for (const [name, sources] of base) if (name !== 'connect-src') expect(withTeam.get(name), name).toEqual(sources);
    expect(directives(contentSecurityPolicy('http://127.0.0.1:8787')).get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:8787']);
  });

  it('refuses anything that is not a bare origin, so no directive can be smuggled in', () => {
    for (const bad of ['https://a.example; script-src *', 'https://a.example/path', '*', "'unsafe-eval'", 'https://a.example https://b.example']) {
      expect(() => contentSecurityPolicy(bad), bad).toThrow(/bare origin/);
    }
  });
});

describe('a team origin that names no single host', () => {
  // WHATWG URLs take '*', ';', ',' and quotes in a host name: https://*.example.com parses, and
  // in connect-src it would allow every subdomain (https://* every https host) while the request
  // filter, comparing origins exactly, would block them all; a ';' would end connect-src early.
  const hostless = [
    'https://*.example.com',
    'https://*',
    'https://a%2a.example.com',
    'https://team.example.com;sandbox',
    'https://a,b.example',
    "https://a'b.example",
    'https://a_b.example',
  ];

  it.each(hostless)('is refused where it is read: %s', (raw) => {
    expect(readTeamOrigin(raw)).toMatchObject({ ok: false });
  });

  it('never reaches connect-src', () => {
    for (const raw of hostless) expect(() => contentSecurityPolicy(new URL(raw).origin), raw).toThrow(/bare origin/);
  });

  it('leaves host names, IPv4 loopback and a trailing dot alone', () => {
    for (const raw of ['https://team-1.example.com', 'https://xn--bcher-kva.example', 'http://127.0.0.1:8787', 'https://team.example.com.']) {
      const read = readTeamOrigin(raw);
      expect(read, raw).toMatchObject({ ok: true });
      if (read.ok) expect(() => contentSecurityPolicy(read.origin)).not.toThrow();
    }
  });
});
