// Runs axe-core on what the page shows and fails on any serious or critical WCAG 2.1 A/AA
// violation, naming the rule, its help and the first elements it found, so a failure says what to fix.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

export interface AxeScope {
  /** Only this part of the page (a CSS selector), e.g. an open panel. */
  include?: string;
  /** Elements axe cannot judge at their root, each with the reason it is left out. */
  exclude?: { selector: string; why: string }[];
}

export async function expectNoSeriousViolations(page: Page, what: string, scope: AxeScope = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_21_AA);
  if (scope.include) builder = builder.include(scope.include);
  for (const { selector } of scope.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  const blocking = violations.filter((v) => BLOCKING.has(v.impact ?? ''));
  const report = blocking.map((v) => {
    const targets = v.nodes
      .slice(0, 3)
      .map((n) => `    ${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.split('\n').slice(1, 2).join('').trim()})` : ''}`);
    const more = v.nodes.length > 3 ? [`    … and ${v.nodes.length - 3} more`] : [];
    return [`  ${v.id} [${v.impact}]: ${v.help}`, ...targets, ...more].join('\n');
  });
  expect.soft(report, `serious or critical accessibility violations on ${what}:\n${report.join('\n')}`).toEqual([]);
}
