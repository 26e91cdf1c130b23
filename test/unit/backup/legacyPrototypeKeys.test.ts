// A JSON backup of an earlier version is read by dexie-export-import, whose typed-value reviver
// (Typeson) follows the key paths a row's `$types` names and writes what it revives there. A path
// through `__proto__` or `constructor.prototype` reaches Object.prototype itself: a crafted file,
// refused or not, changed every object of the cache worker for as long as it ran. Such a file
// must be refused before any row of it is revived, the worker's objects untouched.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { readBackup } from '../../../renderer/src/core/backup';
import { fixtureName } from '../../fixtures/backups/fixtures';

const legacy = () => JSON.parse(readFileSync(fileURLToPath(new URL(`../../fixtures/backups/${fixtureName(6)}`, import.meta.url)), 'utf8'));
const valueOf = (o: object, n: string) => {
  const d = Object.getOwnPropertyDescriptor(o, n)!;
  return 'value' in d ? d.value : d.get;
};
const ownNames = (o: object) => Object.getOwnPropertyNames(o).map((n) => [n, valueOf(o, n)] as const);
const PROTOTYPES: object[] = [Object.prototype, Array.prototype, String.prototype, Function.prototype];
const before = () => PROTOTYPES.map(ownNames);
const untouched = before();

afterEach(() => {
  // Put back whatever a failing run changed, so one test's damage does not fail the next for it.
  PROTOTYPES.forEach((p, i) => {
    for (const [n, v] of untouched[i]!) if (valueOf(p, n) !== v) Object.defineProperty(p, n, { value: v });
  });
});

describe('a JSON backup whose rows name key paths into the prototypes', () => {
  for (const path of ['__proto__.toString', 'constructor.prototype.valueOf', 'orderKey.__proto__.hasOwnProperty']) {
    it(`is refused and leaves the prototypes as they were: ${path}`, async () => {
      const json = legacy();
      json.data.data.find((t: { tableName: string }) => t.tableName === 'disputes').rows[0].$types = { [path]: 'arrayNonindexKeys' };
      await expect(readBackup(new File([JSON.stringify(json)], 'backup.json'), null)).rejects.toThrow(/changed by hand/);
      expect(before()).toEqual(untouched);
    });
  }

  it('is refused when the key is written with escapes that JSON reads as the same letters', async () => {
    const json = legacy();
    json.data.data.find((t: { tableName: string }) => t.tableName === 'disputes').rows[0].$types = { PATH: 'arrayNonindexKeys' };
    const text = JSON.stringify(json).replace('"PATH"', '"\\u005f_proto\\u005f_.toString"');
    await expect(readBackup(new File([text], 'backup.json'), null)).rejects.toThrow(/changed by hand/);
    expect(before()).toEqual(untouched);
  });

  it('a note that merely says "constructor" or "__proto__" still restores', async () => {
    const json = legacy();
    json.data.data.find((t: { tableName: string }) => t.tableName === 'disputes').rows[0].reasonCode = '__proto__ constructor prototype';
    const staged = await readBackup(new File([JSON.stringify(json)], 'backup.json'), null);
    expect((staged.tables.get('disputes')![0] as { reasonCode: string }).reasonCode).toBe('__proto__ constructor prototype');
  });
});
