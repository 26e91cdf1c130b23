// The menu offers import, backup, print and quit, standard edit roles, zoom, and About;
// reload and DevTools appear only while developing.
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, screenUrl, type MenuActions } from '../../../electron/main/menu';

function actions() {
  return {
    openScreen: vi.fn<MenuActions['openScreen']>(),
    printReport: vi.fn<MenuActions['printReport']>(),
    showAbout: vi.fn<MenuActions['showAbout']>(),
  };
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const item = flatten(items).find((i) => i.label === label);
  if (!item) throw new Error(`no menu item "${label}"`);
  return item;
}

const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help (and the app menu first on macOS)', () => {
    expect(buildMenuTemplate(actions(), { isDev: false, isMac: false }).map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(buildMenuTemplate(actions(), { isDev: false, isMac: true })[0]).toEqual({ role: 'appMenu' });
  });

  it('wires File items to their actions and ends with Quit', () => {
    const a = actions();
    const template = buildMenuTemplate(a, { isDev: false, isMac: false });
    click(find(template, 'Import…'));
    expect(a.openScreen).toHaveBeenLastCalledWith('imports');
    click(find(template, 'Backup…'));
    expect(a.openScreen).toHaveBeenLastCalledWith('settings');
    click(find(template, 'Print report to PDF…'));
    expect(a.printReport).toHaveBeenCalledOnce();
    click(find(template, 'About Fraud Workbench'));
    expect(a.showAbout).toHaveBeenCalledOnce();
    const file = template[0]!.submenu as MenuItemConstructorOptions[];
    expect(file.at(-1)).toEqual({ role: 'quit' });
  });

  it('uses roles for editing', () => {
    const roles = flatten(buildMenuTemplate(actions(), { isDev: false, isMac: false })).map((i) => i.role);
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
  });

  it('offers reload and DevTools only in development', () => {
    const devRoles = ['reload', 'forceReload', 'toggleDevTools'];
    const prod = flatten(buildMenuTemplate(actions(), { isDev: false, isMac: false })).map((i) => i.role);
    const dev = flatten(buildMenuTemplate(actions(), { isDev: true, isMac: false })).map((i) => i.role);
    for (const role of devRoles) {
      expect(prod).not.toContain(role);
      expect(dev).toContain(role);
    }
    expect(prod).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut']));
  });
});

describe('screenUrl', () => {
  it('replaces only the hash route of the current app URL', () => {
    expect(screenUrl('app://workbench/index.html#/orders', 'imports')).toBe('app://workbench/index.html#/imports');
    expect(screenUrl('app://workbench/index.html', 'settings')).toBe('app://workbench/index.html#/settings');
    expect(screenUrl('http://localhost:5173/?x=1#/rings', 'imports')).toBe('http://localhost:5173/?x=1#/imports');
  });
});
