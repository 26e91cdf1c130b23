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
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(goTo).toBeFocused();
});
