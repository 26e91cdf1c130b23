// app:info reports the product name, version and runtime in the contract's shape.
import { describe, expect, it } from 'vitest';
import { ipcContract } from '../../../shared/ipc';
import { workbenchAppInfo } from '../../../electron/main/appInfo';

describe('workbenchAppInfo', () => {
  it('matches the app:info result schema', () => {
    const info = workbenchAppInfo({ getVersion: () => '0.1.0' }, { ...process.versions, electron: '45.4.1', chrome: '142.0' }, 'linux', 'kweber');
    expect(info).toEqual({ name: 'Fraud Workbench', version: '0.1.0', electron: '45.4.1', chrome: '142.0', platform: 'linux', account: 'kweber' });
    expect(ipcContract['app:info'].result.parse(info)).toEqual(info);
  });
});
