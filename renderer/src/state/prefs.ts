// This laptop's display preferences: how numbers, money and dates are written, and light or dark.
// Kept in localStorage (they are about the screen, not the data, and are not backed up); "system"
// follows the operating system's languages and colour scheme.
import { create } from 'zustand';
import { DISPLAY_LOCALES, localeOfSystem, setDisplayLocale, type DisplayLocale } from '../../../shared/domain/money';
import { followDisplay } from '../core/client';

export type LocaleChoice = 'system' | DisplayLocale;
export type ThemeChoice = 'system' | 'light' | 'dark';

const LOCALE_KEY = 'fw.locale';
const THEME_KEY = 'fw.theme';

function read<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  try {
    const v = localStorage.getItem(key);
    return v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // A blocked storage only forgets the choice.
  }
}

const darkQuery = () => window.matchMedia?.('(prefers-color-scheme: dark)');

export const resolveLocale = (choice: LocaleChoice): DisplayLocale =>
  choice === 'system' ? localeOfSystem(navigator.languages ?? [navigator.language]) : choice;
export const resolveTheme = (choice: ThemeChoice): 'light' | 'dark' => (choice === 'system' ? (darkQuery()?.matches ? 'dark' : 'light') : choice);

interface Prefs {
  locale: LocaleChoice;
  theme: ThemeChoice;
  /** What is in force: the choice, or what the system says. */
  shownLocale: DisplayLocale;
  shownTheme: 'light' | 'dark';
  setLocale(choice: LocaleChoice): void;
  setTheme(choice: ThemeChoice): void;
}

function applyTheme(theme: 'light' | 'dark') {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
}

const locale = read<LocaleChoice>(LOCALE_KEY, ['system', ...DISPLAY_LOCALES], 'system');
const theme = read<ThemeChoice>(THEME_KEY, ['system', 'light', 'dark'], 'system');
setDisplayLocale(resolveLocale(locale));
// The cache worker started before this chunk loaded (main.tsx), with the default: it follows now.
followDisplay(resolveLocale(locale));
applyTheme(resolveTheme(theme));

export const usePrefs = create<Prefs>((set) => ({
  locale,
  theme,
  shownLocale: resolveLocale(locale),
  shownTheme: resolveTheme(theme),
  setLocale: (choice) => {
    write(LOCALE_KEY, choice);
    const shown = resolveLocale(choice);
    setDisplayLocale(shown);
    followDisplay(shown);
    set({ locale: choice, shownLocale: shown });
  },
  setTheme: (choice) => {
    write(THEME_KEY, choice);
    const shown = resolveTheme(choice);
    applyTheme(shown);
    set({ theme: choice, shownTheme: shown });
  },
}));

// "System" follows the scheme when the operating system switches between light and dark.
darkQuery()?.addEventListener('change', () => {
  const { theme: choice } = usePrefs.getState();
  if (choice !== 'system') return;
  const shown = resolveTheme(choice);
  applyTheme(shown);
  usePrefs.setState({ shownTheme: shown });
});
