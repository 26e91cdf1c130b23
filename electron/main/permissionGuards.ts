// Every web permission (camera, geolocation, notifications, clipboard read, HID, serial,
// USB...) is denied: a fraud workbench reading CSV files needs none of them.
import type { Session } from 'electron';

export type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

export function denyAllPermissions(session: PermissionSession, log: (message: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`[guard] permission "${permission}" refused`);
    callback(false);
  });
  // Checks are synchronous queries ("may I?") that happen often; deny without logging.
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
