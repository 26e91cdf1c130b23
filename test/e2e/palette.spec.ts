// The command palette (Ctrl/Cmd+K): screens, orders, their rings and disputes by typing, recent
// choices first, keyboard only, and the focus back where it was.
import { expectNoSeriousViolations } from './axe';
import { expect, loadDemo, test, visibleRows } from './fixtures';

test('the command palette jumps to a screen, an order and a dispute by typing, keyboard only, recent first', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Orders' }).click();
  const first = (await visibleRows(page))[0]!;
  const number = first.Order!;

  // A screen: Ctrl+K, a few letters, Enter.
  await page.keyboard.press('Control+K');
  const dialog = page.getByRole('dialog', { name: 'Go to' });
  const box = dialog.getByRole('combobox');
  await expect(box).toBeFocused();
  await expectNoSeriousViolations(page, 'the command palette');
  await box.fill('disp');
  await expect(dialog.getByRole('option').first()).toContainText('Disputes');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Disputes');

  // An order by its number: the Orders screen searches it and opens it.
  await page.keyboard.press('Control+K');
  await box.fill(number);
  const orderOption = dialog.getByRole('option').filter({ hasText: 'Order' }).filter({ hasText: number }).first();
  await expect(orderOption).toBeVisible();
  await expect(dialog.getByRole('option').filter({ hasText: `Ring of ${number}` })).toBeVisible();
  await orderOption.hover();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: `Order ${number}` })).toBeVisible();
  await expect(page.getByRole('searchbox')).toHaveValue(`order:${number}`);

  // Nothing typed: what was chosen last comes first.
  await page.keyboard.press('Control+K');
  await expect(dialog.getByRole('option').first()).toContainText(number);
  await expect(dialog.getByRole('option').nth(1)).toContainText('Disputes');

  // A dispute: the kind's name narrows to disputes; arrows move; Enter opens the dispute.
  await box.fill('dispute');
  const disputeOption = dialog
    .getByRole('option')
    .filter({ hasText: /^Dispute/ })
    .first();
  await expect(disputeOption).toBeVisible();
  const id = (await disputeOption.locator('.palette-label').textContent())!;
  const index = await dialog.getByRole('option').evaluateAll((els, want) => els.findIndex((e) => e.querySelector('.palette-label')?.textContent === want), id);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('option').nth(index)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: `Dispute ${id}` })).toBeVisible();

  // Escape closes it and gives the focus back to what had it.
  const goTo = page.getByRole('button', { name: /Go to/ });
  await goTo.focus();
  await page.keyboard.press('Enter');
  await expect(box).toBeFocused();
  // Modal: Tab does not walk out into the page behind it.
  await page.keyboard.press('Tab');
  await expect(box).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(box).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(goTo).toBeFocused();
  // A press on the dimmed page around it closes it too; one inside it does not.
  await page.keyboard.press('Enter');
  await box.click();
  await expect(dialog).toBeVisible();
  await page.mouse.click(5, 890);
  await expect(dialog).toBeHidden();
});

test('"Verify the decision log" from the palette verifies it, from any screen, with the focus on Verify log', async ({ page }) => {
  await loadDemo(page);
  const dialog = page.getByRole('dialog', { name: 'Go to' });
  const verifyFromPalette = async (verdict: string) => {
    await page.keyboard.press('Control+K');
    await dialog.getByRole('combobox').fill('verify');
    await expect(dialog.getByRole('option').first()).toContainText('Verify the decision log');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review');
    // Its label promises a verification: the verdict shows without another click.
    await expect(page.getByTestId('log-verdict')).toHaveText(verdict, { timeout: 60_000 });
    await expect(page.getByRole('button', { name: 'Verify log' })).toBeFocused();
  };
  // From another screen.
  await page.getByRole('link', { name: 'Orders' }).click();
  await verifyFromPalette('Log intact: no entries yet.');
  // From Review itself, after a decision (which clears the last verdict).
  await page.locator('section.review').focus();
  await page.keyboard.press('r');
  await page.getByRole('button', { name: 'Release', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Decisions' }).locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('log-verdict')).toHaveCount(0);
  await verifyFromPalette('Log intact: its 1 entry verified.');
});

test('the palette’s actions do what they say on arrival: the backup dialog, the restore and import file choosers, the hub rules in focus', async ({ page }) => {
  await loadDemo(page);
  const dialog = page.getByRole('dialog', { name: 'Go to' });
  const choose = async (typed: string, label: string) => {
    await page.keyboard.press('Control+K');
    await dialog.getByRole('combobox').fill(typed);
    await expect(dialog.getByRole('option').first()).toContainText(label);
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
  };
  await choose('back up', 'Back up the cache');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await expect(page.getByRole('dialog', { name: 'Back up the cache' }).getByLabel('Backup passphrase')).toBeVisible();
  await page.getByRole('dialog', { name: 'Back up the cache' }).getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('link', { name: 'Orders' }).click();
  const [restoreChooser] = await Promise.all([page.waitForEvent('filechooser'), choose('restore', 'Restore a backup')]);
  expect(restoreChooser.isMultiple()).toBe(false);

  const [importChooser] = await Promise.all([page.waitForEvent('filechooser'), choose('import files', 'Import files…')]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Imports');
  expect(importChooser.isMultiple()).toBe(true);

  await choose('hub rules', 'Edit the hub rules');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await expect(page.getByRole('table', { name: 'Hub rules' }).locator('input').first()).toBeFocused();
});
