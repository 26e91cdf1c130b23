// The Settings dialogs (back up, restore, clear the cache, erase, purge) are modal: opening one moves the focus
// into it, Tab stays inside, Escape cancels it unless what it runs cannot be called back, and the
// focus goes back to the button that opened it. A wrong passphrase is said inside the dialog.
import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { backUp, PASSPHRASE } from './backupSteps';
import { expect, loadDemo, test, visibleRows } from './fixtures';

/** Presses Tab more times than the dialog has controls: the focus never leaves it. */
async function tabStaysIn(page: Page, dialog: Locator): Promise<void> {
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement) && document.activeElement !== d), `after ${i + 1} Tab`).toBe(true);
  }
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement) && document.activeElement !== d), `after ${i + 1} Shift+Tab`).toBe(true);
  }
}

test('Back up and Clear local cache open with the focus inside, keep Tab inside, close on Escape and give the focus back', async ({ page }) => {
  await page.getByRole('link', { name: 'Settings' }).click();
  const backupButton = page.getByRole('button', { name: 'Back up to file…' });
  await backupButton.click();
  const backup = page.getByRole('dialog', { name: 'Back up the cache' });
  await expect(backup).toBeVisible();
  await expect(backup.getByLabel('Backup passphrase')).toBeFocused();
  await expectNoSeriousViolations(page, 'the backup dialog');
  await tabStaysIn(page, backup);
  await page.keyboard.press('Escape');
  await expect(backup).toHaveCount(0);
  await expect(backupButton).toBeFocused();

  const wipeButton = page.getByRole('button', { name: 'Clear local cache…' });
  await wipeButton.click();
  const wipe = page.getByRole('dialog', { name: 'Confirm clearing the cache' });
  await expect(wipe).toBeVisible();
  // Enter on arrival must not clear the cache: the focus starts on Cancel.
  await expect(wipe.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoSeriousViolations(page, 'the clear-the-cache dialog');
  await tabStaysIn(page, wipe);
  await page.keyboard.press('Escape');
  await expect(wipe).toHaveCount(0);
  await expect(wipeButton).toBeFocused();

  // Cancel does the same as Escape.
  await wipeButton.click();
  await wipe.getByRole('button', { name: 'Cancel' }).click();
  await expect(wipe).toHaveCount(0);
  await expect(wipeButton).toBeFocused();
});

test('the restore dialogs take the focus, keep a wrong passphrase inside, close on Escape and give the focus back to Restore', async ({ page }, testInfo) => {
  await loadDemo(page);
  const file = testInfo.outputPath('backup.fwbackup');
  await backUp(page, file);
  const restoreButton = page.getByRole('button', { name: 'Restore from file…' });
  const choose = async () => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), restoreButton.click()]);
    await chooser.setFiles(file);
  };

  await choose();
  const ask = page.getByRole('dialog', { name: 'Backup passphrase' });
  await expect(ask.getByLabel('Passphrase of the backup')).toBeFocused();
  await expectNoSeriousViolations(page, 'the backup passphrase dialog');
  await tabStaysIn(page, ask);
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(restoreButton).toBeFocused();

  // A wrong passphrase is worth another try: the dialog stays, saying why inside it.
  await choose();
  await ask.getByLabel('Passphrase of the backup').fill('not the passphrase');
  await page.keyboard.press('Enter');
  await expect(ask.getByRole('alert')).toHaveText('The passphrase is not the one this backup was written with');
  await ask.getByLabel('Passphrase of the backup').fill(PASSPHRASE);
  await ask.getByRole('button', { name: 'Read backup' }).click();

  const confirm = page.getByRole('dialog', { name: 'Confirm restore' });
  await expect(confirm.getByTestId('restore-summary')).toBeVisible();
  await expect(ask).toHaveCount(0);
  expect(await confirm.evaluate((d) => d.contains(document.activeElement) && document.activeElement !== d)).toBe(true);
  await expectNoSeriousViolations(page, 'the restore confirmation');
  await tabStaysIn(page, confirm);
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(restoreButton).toBeFocused();
  await expect(page.getByText(/^Restored from/)).toHaveCount(0);
});

test('the purge and erasure confirmations take the focus, close on Escape and give it back; the erasure asks its reference inside', async ({ page }) => {
  await loadDemo(page);
  await expect.poll(async () => (await visibleRows(page))[0]?.Email ?? '').toContain('@');
  const email = (await visibleRows(page))[0]!.Email!;
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel(/Keep personal data of orders and payments for/).fill('6');
  await page.getByRole('form', { name: 'Retention period' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Personal data is kept for 6 months.')).toBeVisible();
  const purgeButton = page.getByRole('button', { name: 'Purge older data now…' });
  await purgeButton.click();
  const purge = page.getByRole('dialog', { name: 'Confirm purge' });
  await expect(purge.getByTestId('personal-plan')).toBeVisible();
  await expect(purge.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoSeriousViolations(page, 'the purge confirmation');
  await tabStaysIn(page, purge);
  await page.keyboard.press('Escape');
  await expect(purge).toHaveCount(0);
  await expect(purgeButton).toBeFocused();

  // Found without a reference: the dialog asks for it, where the focus is (the page behind is inert).
  await page.getByLabel('Customer email or customer id').fill(email);
  const find = page.getByRole('button', { name: 'Find…' });
  await find.click();
  const erase = page.getByRole('dialog', { name: 'Confirm erasure' });
  await expect(erase.getByTestId('personal-plan')).toBeVisible();
  await expect(erase.getByRole('button', { name: 'Erase' })).toBeDisabled();
  await expect(erase.getByLabel('Request reference (logged)')).toBeFocused();
  await page.keyboard.type('GDPR-2026-200');
  await expect(erase.getByRole('button', { name: 'Erase' })).toBeEnabled();
  await expectNoSeriousViolations(page, 'the erasure confirmation');
  await page.keyboard.press('Escape');
  await expect(erase).toHaveCount(0);
  await expect(find).toBeFocused();
  await expect(page.getByLabel('Request reference', { exact: true })).toHaveValue('GDPR-2026-200');
});
