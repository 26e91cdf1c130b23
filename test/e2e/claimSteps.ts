// Entering a refund claim by hand, as an analyst does it on the Disputes screen.
import type { Locator, Page } from '@playwright/test';

/**
 * Opens the claim form and fills in Amazon A-to-z claim A2Z-7001 (order 302-1111111-2222222,
 * €59.90, clock started 2026-11-17 10:00 UTC); returns the form, not yet submitted.
 */
export async function fillAtoZClaim(page: Page): Promise<Locator> {
  const form = page.getByRole('form', { name: 'Enter a refund claim' });
  await page.getByText('Enter a refund claim (A-to-z, SAFE-T, PayPal, marketplace return)').click();
  await form.getByLabel('Kind').selectOption({ label: 'Amazon A-to-z claim' });
  await form.getByLabel('Claim or case reference').fill('A2Z-7001');
  await form.getByLabel('Order number').fill('302-1111111-2222222');
  await form.getByLabel('Amount').fill('59.90');
  await form.getByLabel(/^Clock starts \(UTC\)/).fill('2026-11-17T10:00');
  return form;
}
