// The ring detail says how strong each link is: a fingerprint links strongly, BIN + last 4 +
// expiry at medium, a 6-digit BIN + last 4 or a /24 network weakly.
import { expect, loadDemo, test } from './fixtures';

/** The strength each rule links at (shared/normalize), by the words the evidence uses for it. */
const STRENGTH_OF_RULE: [RegExp, 'strong' | 'medium' | 'weak'][] = [
  [/^fingerprint match$/, 'strong'],
  [/^same BIN, last 4 and expiry$/, 'medium'],
  [/^same 8-digit BIN and last 4/, 'medium'],
  [/^same BIN and last 4 only/, 'weak'],
  [/^same (device id|checkout session|e-mail address|Gmail mailbox|mailbox|number|customer account)/, 'strong'],
  [/^same (collection point|street, house number|IP$|DHL Postnummer)/, 'medium'],
  [/^same (street and postcode|\/24 network|\/64 network|name and postcode)$/, 'weak'],
];

test('each link in a ring names its strength, weak keys included', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Rings' }).click();
  const count = page.getByTestId('rings-count');
  await expect(count).toHaveText(/rings over/, { timeout: 60_000 });
  const options = page.getByRole('group', { name: 'Linking options' });
  const before = await count.textContent();
  await options.getByLabel('Weakest key').selectOption('weak');
  await expect(count).not.toHaveText(before!);
  await page.getByRole('tab', { name: /^Largest/ }).click();
  await page.getByRole('table', { name: 'Rings' }).locator('tbody tr').first().click();
  const ring = page.getByRole('region', { name: /^Ring / });
  const lines = await ring.getByTestId('ring-evidence').locator('li').allTextContents();
  expect(lines.length).toBeGreaterThan(0);
  const seen = new Set<string>();
  for (const line of lines) {
    const m = /\(([^()]*)\),? (strong|medium|weak) link/.exec(line);
    expect(m, `no strength in "${line}"`).not.toBeNull();
    const [, rule, strength] = m!;
    const expected = STRENGTH_OF_RULE.find(([words]) => words.test(rule!))?.[1];
    expect(expected, `unknown rule words "${rule}"`).toBeDefined();
    expect(strength, line).toBe(expected);
    seen.add(strength!);
  }
  // The demo's largest ring, weak keys allowed, links at all three strengths.
  expect([...seen].sort()).toEqual(['medium', 'strong', 'weak']);
});
