// How this laptop shows numbers, money and dates, and light or dark: the system's, or chosen.
import { formatCount, formatMoney, showDateTime } from '../../../../shared/domain/money';
import { resolveLocale, resolveTheme, usePrefs, type LocaleChoice, type ThemeChoice } from '../../state/prefs';
import { Choice } from '../../ui/Choice';

const LOCALE_NAME = { iso: 'ISO (2026-05-01, 1,234.56)', 'en-GB': 'English, UK (01/05/2026, €1,234.56)', 'de-DE': 'Deutsch (01.05.2026, 1.234,56 €)' } as const;
const THEME_NAME = { light: 'light', dark: 'dark' } as const;
/** The example every choice is shown on: 1 May 2026, 09:05 UTC. */
const EXAMPLE = Date.UTC(2026, 4, 1, 9, 5);

export function DisplayPanel() {
  const p = usePrefs();
  return (
    <section className="panel" aria-labelledby="display-title">
      <h2 id="display-title">Display</h2>
      <div className="toolbar">
        <Choice<LocaleChoice>
          label="Numbers, money and dates"
          value={p.locale}
          options={[
            ['system', `as the system says: ${LOCALE_NAME[resolveLocale('system')]}`],
            ...Object.entries(LOCALE_NAME).map(([k, v]) => [k as LocaleChoice, v] as const),
          ]}
          onChange={p.setLocale}
        />
        <Choice<ThemeChoice>
          label="Theme"
          value={p.theme}
          options={[
            ['system', `as the system says: ${THEME_NAME[resolveTheme('system')]}`],
            ['light', 'light'],
            ['dark', 'dark'],
          ]}
          onChange={p.setTheme}
        />
      </div>
      <p className="muted" data-testid="display-example">
        Shown as: {showDateTime(EXAMPLE)} UTC · {formatMoney(123456, 'EUR')} · {formatCount(10000)} orders. Exports, logs and evidence files keep ISO dates.
      </p>
    </section>
  );
}
