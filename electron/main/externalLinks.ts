// The only pages the app may hand to the system browser: card networks' public dispute
// and chargeback rules, linked from reason-code explanations. Everything else stays shut.

/** Exact host names; no wildcards, so a look-alike subdomain cannot slip through. */
export const EXTERNAL_LINK_HOSTS: readonly string[] = Object.freeze([
  'usa.visa.com',
  'www.mastercard.us',
  'www.americanexpress.com',
  'www.discoverglobalnetwork.com',
]);

/**
 * The normalised https URL to open in the system browser, or null when the link must be
 * refused: any scheme but https (http:, file:, javascript:, custom handlers that would
 * launch other apps), credentials in the URL, a non-default port, or a host not listed.
 */
export function externalLinkToOpen(rawUrl: string, allowedHosts: readonly string[] = EXTERNAL_LINK_HOSTS): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.port !== '') return null;
  if (!allowedHosts.includes(url.hostname)) return null;
  return url.href;
}
