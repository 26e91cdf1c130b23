// Only https pages on the short list of card-network hosts may leave the app, and only
// through the system browser.
import { describe, expect, it } from 'vitest';
import { EXTERNAL_LINK_HOSTS, externalLinkToOpen } from '../../../electron/main/externalLinks';

describe('externalLinkToOpen', () => {
  it('opens https links to listed hosts, normalised', () => {
    expect(externalLinkToOpen('https://usa.visa.com/support/merchant/library.html')).toBe('https://usa.visa.com/support/merchant/library.html');
    expect(externalLinkToOpen('https://WWW.MASTERCARD.US/en-us/business.html')).toBe('https://www.mastercard.us/en-us/business.html');
  });

  it.each([
    ['http: (plain text on the wire)', 'http://usa.visa.com/'],
    ['file:', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(1)'],
    ['custom scheme launching another app', 'ms-msdt:/id PCWDiagnostic'],
    ['another custom scheme', 'slack://open'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['credentials in the URL', 'https://user:secret@usa.visa.com/'],
    ['a username alone', 'https://usa.visa.com@evil.example/'],
    ['a non-default port', 'https://usa.visa.com:8443/'],
    ['an unlisted host', 'https://example.com/'],
    ['a look-alike subdomain', 'https://usa.visa.com.evil.example/'],
    ['a parent domain of a listed host', 'https://visa.com/'],
    ['a trailing-dot host', 'https://usa.visa.com./'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_why, url) => {
    expect(externalLinkToOpen(url)).toBeNull();
  });

  it('keeps the allowlist short and https-host-shaped', () => {
    expect(EXTERNAL_LINK_HOSTS.length).toBeLessThanOrEqual(8);
    for (const host of EXTERNAL_LINK_HOSTS) expect(host).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(Object.isFrozen(EXTERNAL_LINK_HOSTS)).toBe(true);
  });
});
