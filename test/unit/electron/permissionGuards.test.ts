// Every permission request and check is denied, whatever the permission or origin.
import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, type PermissionSession } from '../../../electron/main/permissionGuards';

function installedHandlers() {
  const handlers: Record<string, (...args: unknown[]) => unknown> = {};
  const session = {
    setPermissionRequestHandler: (h: (...args: unknown[]) => unknown) => (handlers['request'] = h),
    setPermissionCheckHandler: (h: (...args: unknown[]) => unknown) => (handlers['check'] = h),
    setDevicePermissionHandler: (h: (...args: unknown[]) => unknown) => (handlers['device'] = h),
  };
  const log = vi.fn();
  denyAllPermissions(session as unknown as PermissionSession, log);
  return { handlers, log };
}

describe('denyAllPermissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'unknown'])(
    'denies a "%s" request',
    (permission) => {
      const { handlers, log } = installedHandlers();
      const callback = vi.fn();
      handlers['request']!({}, permission, callback, { requestingUrl: 'app://workbench/index.html' });
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(log).toHaveBeenCalledWith(expect.stringContaining(permission));
    },
  );

  it('answers every permission check and device request with false, even from the app', () => {
    const { handlers } = installedHandlers();
    expect(handlers['check']!(null, 'clipboard-sanitized-write', 'app://workbench', {})).toBe(false);
    expect(handlers['check']!(null, 'media', 'https://example.com', {})).toBe(false);
    expect(handlers['device']!({ deviceType: 'usb', origin: 'app://workbench' })).toBe(false);
  });
});
