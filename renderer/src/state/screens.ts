// The workbench's screens and which one a URL hash names: read by the UI store and, before the
// app's code has loaded, by main.tsx (the cache worker reads ahead for the first screen).

export const SCREENS = ['orders', 'rings', 'review', 'disputes', 'reports', 'imports', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

export function screenFromHash(hash: string): Screen {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] as Screen;
  return SCREENS.includes(name) ? name : 'orders';
}
