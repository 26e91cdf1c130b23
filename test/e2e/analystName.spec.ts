// The analyst's name, asked at first run and changed in Settings, is what every log entry is
// attributed to: a name too long is refused with a word, never cut off unseen, and a name of
// nothing visible is no name.
import { expect, test } from './fixtures';

const LONG = 'Dr. Maximiliane Theodora von und zu Hohenzollern-Sigmaringen-Wittelsbach (Compliance, Legal & Risk)';

test.describe('at first run', () => {
  test.use({ analyst: null });

  test('a name over 80 characters is refused and says so, not saved cut off; an invisible one is refused', async ({ page }) => {
    await page.goto('/');
    const name = page.getByLabel('Your name');
    await name.fill(LONG);
    await expect(name).toHaveValue(LONG);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('alert')).toHaveText(`A name is at most 80 characters; this one has ${LONG.length}`);
    await expect(page.getByRole('heading', { name: 'Who is deciding?' })).toBeVisible();
    await name.fill('\u200b');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('alert')).toHaveText('Enter your name: every decision is logged under it');
    await name.fill('M. von Hohenzollern');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: 'Who is deciding?' })).toHaveCount(0);
  });
});

test('in Settings, a name over 80 characters is refused and the name in force stays', async ({ page }) => {
  await page.getByRole('link', { name: 'Settings' }).click();
  const panel = page.getByRole('region', { name: 'Analyst' });
  const name = panel.getByLabel('Analyst name');
  await expect(name).toHaveValue('K. Weber');
  await name.fill(LONG);
  await expect(name).toHaveValue(LONG);
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('alert')).toHaveText(`A name is at most 80 characters; this one has ${LONG.length}`);
  await page.reload();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(name).toHaveValue('K. Weber');
});

test('in Settings, saving a new name says "Saved." beside the button, until the name is edited again', async ({ page }) => {
  await page.getByRole('link', { name: 'Settings' }).click();
  const panel = page.getByRole('region', { name: 'Analyst' });
  const name = panel.getByLabel('Analyst name');
  await expect(name).toHaveValue('K. Weber');
  await expect(panel.getByText('Saved.')).toHaveCount(0);
  await name.fill('K. Weber-Lindt');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByText('Saved.')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Save' })).toBeDisabled();
  await name.fill('K. Weber-Lindt (Compliance)');
  await expect(panel.getByText('Saved.')).toHaveCount(0);
});
