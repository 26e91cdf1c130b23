// The command line runs the same import core in plain Node: JSON shape, counts across files,
// exit codes (1 unreadable file, 2 usage error, 3 a file no format reads, 4 two files of one shop
// disagree on an order of one number).
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliIn, cliProcess } from '../../support/cli';
import { FIXTURES } from './support';

const fx = (name: string) => path.join(FIXTURES, name);

interface FileJson {
  file: string;
  format: string | null;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  quarantined: { line: number; column: number | null; columnName: string | null; reason: string }[];
  quarantinedCount: number;
  errors: { code: string; message: string }[];
  warnings: { code: string; message: string }[];
}

describe('npm run cli -- import --dry-run --json', () => {
  // The one run of `import` as its own process; the other cases call the command in process.
  it('reports every file with its format and buckets, sharing one cache across the run', () => {
    const r = cliProcess(
      'import',
      '--dry-run',
      '--json',
      fx('shopify-orders.csv'),
      fx('amazon-all-orders.txt'),
      fx('amazon-unshipped.txt'),
      fx('stripe-payments.csv'),
      fx('shopify-orders.csv'),
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const files = (JSON.parse(r.stdout) as { files: FileJson[] }).files;
    expect(files.map((f) => [path.basename(f.file), f.format, f.rows, f.created, f.updated, f.unchanged, f.quarantined.length])).toEqual([
      ['shopify-orders.csv', 'shopify-orders', 6, 6, 0, 0, 0],
      ['amazon-all-orders.txt', 'amazon-all-orders', 3, 3, 0, 0, 0],
      ['amazon-unshipped.txt', 'amazon-unshipped', 1, 0, 1, 0, 0],
      ['stripe-payments.csv', 'stripe-payments', 4, 4, 0, 0, 0],
      ['shopify-orders.csv', 'shopify-orders', 6, 0, 0, 6, 0],
    ]);
  });

  it('lists quarantined rows with line, column and reason', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fw-cli-'));
    const file = path.join(dir, 'disputes.csv');
    writeFileSync(
      file,
      'PSP Reference,Order Reference,Reason Code,Amount,Currency,Opened Date,Due Date,Status\nP1,#1,10.4,10.00,EUR,2026-05-01,2026-05-20,open\nP2,#2,10.4,10.00,EUR,2026-05-01\nP3,#3,4837,ten,EUR,2026-05-01,2026-05-20,open\n',
    );
    const r = await cli('import', '--dry-run', '--json', file);
    expect(r.status).toBe(0);
    const [f] = (JSON.parse(r.stdout) as { files: FileJson[] }).files;
    expect(f).toMatchObject({ format: 'generic-disputes', rows: 3, created: 1, updated: 0, unchanged: 0 });
    expect(f!.quarantined).toEqual([
      expect.objectContaining({
        line: 3,
        column: 7,
        columnName: 'Due Date',
        reason: 'row has 6 fields, the header has 8: column 7 (Due Date) onwards are missing',
      }),
      expect.objectContaining({ line: 4, column: 4, columnName: 'Amount', reason: 'column 4 (Amount) is not an amount' }),
    ]);
  });

  it('a file no format reads is reported in its entry, said on stderr, and exits 3', async () => {
    const r = await cli('import', '--dry-run', '--json', fx('orders-with-card-numbers.csv'));
    expect(r.status).toBe(3);
    const [f] = (JSON.parse(r.stdout) as { files: FileJson[] }).files;
    expect(f).toMatchObject({ format: null, rows: 0, quarantined: [] });
    expect(f!.errors.map((e) => e.code)).toEqual(['unknown-format']);
    expect(r.stderr).toMatch(/orders-with-card-numbers\.csv: .*format/);
  });

  it('rings and report take --format and --preset like import, and refuse a file no format reads', async () => {
    for (const command of [
      ['rings', '--json'],
      ['report', 'kpi', '--json'],
    ]) {
      const unknown = await cli(...command, fx('orders-with-card-numbers.csv'));
      expect(unknown.status, command.join(' ')).toBe(3);
      expect(unknown.stdout).toBe('');
      expect(unknown.stderr).toMatch(/orders-with-card-numbers\.csv: /);
      const bad = await cli(...command, '--format', 'no-such-format', fx('shopify-orders.csv'));
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('unknown format no-such-format');
      const chosen = await cli(...command, '--format', 'shopify-orders', fx('shopify-orders.csv'));
      expect(chosen.status, chosen.stderr).toBe(0);
    }
  });

  it('--shop reads own-shop files as that shop: the same file twice, once as another shop, creates its orders again', async () => {
    const plain = await cli('import', '--dry-run', '--json', fx('shopify-orders.csv'));
    const named = await cli('import', '--dry-run', '--json', '--shop', 'Outlet', fx('shopify-orders.csv'));
    expect(named.status, named.stderr).toBe(0);
    const [a] = (JSON.parse(plain.stdout) as { files: FileJson[] }).files;
    const [b] = (JSON.parse(named.stdout) as { files: FileJson[] }).files;
    expect(b).toMatchObject({ format: 'shopify-orders', created: a!.created, quarantined: [] });
    const bad = await cli('import', '--dry-run', '--json', '--shop', 'a@b', fx('shopify-orders.csv'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--shop: a shop name cannot hold @');
  });

  it('a saved preset (validated) reads a custom file; no card number reaches the output', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fw-cli-'));
    const preset = path.join(dir, 'webshop.json');
    writeFileSync(
      preset,
      JSON.stringify({
        id: 'custom:webshop',
        label: 'Webshop export',
        kind: 'orders',
        markerColumns: ['Order Number'],
        mapping: {
          externalId: 'Order Number',
          createdAt: 'Order Date',
          total: 'Total',
          currency: 'Currency',
          email: 'Email',
          cardNumber: 'Card Number',
          shipStreet: 'Street',
        },
        options: { source: 'webshop', marketplace: 'shop', timeZone: 'Europe/Berlin' },
      }),
    );
    const r = await cli('import', '--dry-run', '--json', '--preset', preset, fx('orders-with-card-numbers.csv'));
    expect(r.status).toBe(0);
    const [f] = (JSON.parse(r.stdout) as { files: FileJson[] }).files;
    expect(f).toMatchObject({ format: 'custom:webshop', rows: 3, created: 3 });
    expect(f!.warnings.map((w) => w.code)).toEqual(['security-code-column', 'card-number-column', 'masked-card-number']);
    expect(r.stdout).not.toMatch(/4111111111111111|5555-5555-5555-4444|378282246310005|4012 8888 8888 1881/);
  });

  it('an unreadable file exits 1 and the other files are still reported', async () => {
    const r = await cli('import', '--dry-run', '--json', path.join(FIXTURES, 'no-such-file.csv'), fx('amazon-all-orders.txt'));
    expect(r.status).toBe(1);
    const files = (JSON.parse(r.stdout) as { files: FileJson[] }).files;
    expect(files[0]).toMatchObject({ rows: 0, format: null, errors: [{ code: 'unreadable', message: 'cannot read file: ENOENT' }] });
    expect(files[1]).toMatchObject({ format: 'amazon-all-orders', created: 3 });
  });

  it('reads relative file names from the directory it runs in', async () => {
    const r = await cliIn(FIXTURES, 'import', '--dry-run', '--json', 'zalando-orders-de.csv');
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { files: FileJson[] }).files.map((f) => [f.file, f.format, f.created])).toEqual([
      ['zalando-orders-de.csv', 'zalando-orders', 3],
    ]);
  });

  it('prints a readable table without --json', async () => {
    const r = await cli('import', '--dry-run', fx('zalando-orders-de.csv'));
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^file\s+format\s+rows\s+created\s+updated\s+unchanged\s+quarantined$/);
    expect(r.stdout).toMatch(/zalando-orders-de\.csv\s+zalando-orders\s+3\s+3\s+0\s+0\s+0/);
  });

  it.each([
    [[], 'usage: npm run cli'],
    [['frobnicate'], 'unknown command: frobnicate'],
    [['toString'], 'unknown command: toString'],
    [['import', fx('shopify-orders.csv')], 'use --dry-run'],
    [['import', '--dry-run'], 'name at least one file'],
    [['import', '--dry-run', '--format', 'nope', fx('shopify-orders.csv')], 'unknown format nope'],
    [['import', '--dry-run', '--verbose', fx('shopify-orders.csv')], 'unknown option --verbose'],
  ])('usage error %j exits 2 with the usage line', async (args, message) => {
    const r = await cli(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('usage: npm run cli -- <command>');
    expect(r.stdout).toBe('');
  });

  // The one run of `formats` as its own process.
  it('lists the formats it knows', () => {
    const r = cliProcess('formats', '--json');
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { formats: { id: string }[] }).formats.map((f) => f.id)).toContain('adyen-disputes');
  });
});

// Two own shops number their orders alike: shop A's #1001 and the outlet's #1001 are two orders.
const SHOP_HEAD =
  'Name,Email,Financial Status,Currency,Total,Created at,Lineitem name,Shipping Name,Shipping Address1,Shipping City,Shipping Zip,Shipping Country';
const SHOP_A = `${SHOP_HEAD}
#1001,ann@example.org,paid,EUR,40.00,2026-05-04 12:00:00 +0200,Hut,Ann Berg,Am Markt 1,Bonn,53111,DE
#1002,bob@example.net,paid,EUR,41.00,2026-05-04 13:00:00 +0200,Hut,Bob Falk,Ringweg 3,Köln,50667,DE
`;
// The outlet's #1001: another day, amount and buyer, shipped to Ann's address (a ring across the two shops).
const OUTLET = `${SHOP_HEAD}
#1001,cyd@example.com,paid,EUR,99.00,2026-05-05 09:00:00 +0200,Zelt,Cyd Roth,Am Markt 1,Bonn,53111,DE
#1003,dan@example.com,paid,EUR,12.00,2026-06-02 09:00:00 +0200,Zelt,Dan Roth,Bahnhofstr. 1,Essen,45127,DE
`;

function shopFiles(outlet = OUTLET): { a: string; outlet: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fw-cli-shops-'));
  const a = path.join(dir, 'shop-a-orders.csv');
  const b = path.join(dir, 'outlet-orders.csv');
  writeFileSync(a, SHOP_A);
  writeFileSync(b, outlet);
  return { a, outlet: b };
}

const filesOf = (r: { stdout: string }) => (JSON.parse(r.stdout) as { files: FileJson[] }).files;
const addsUp = (f: FileJson) => f.rows === f.created + f.updated + f.unchanged + f.quarantinedCount;

describe('npm run cli with two own shops: --shop names the shop of the files after it', () => {
  it('two shops’ files with the same order number stay two orders, each file counted whole', async () => {
    const { a, outlet } = shopFiles();
    const r = await cli('import', '--dry-run', '--json', a, '--shop', 'Outlet', outlet);
    expect(r.status, r.stderr).toBe(0);
    const files = filesOf(r);
    expect(files.map((f) => [path.basename(f.file), f.rows, f.created, f.updated, f.unchanged])).toEqual([
      ['shop-a-orders.csv', 2, 2, 0, 0],
      ['outlet-orders.csv', 2, 2, 0, 0],
    ]);
    expect(files.every(addsUp)).toBe(true);

    // The ring through Ann's address holds both #1001, one per shop: neither overwrote the other.
    const rings = await cli('rings', '--json', a, '--shop', 'Outlet', outlet);
    expect(rings.status, rings.stderr).toBe(0);
    const json = JSON.parse(rings.stdout) as { rings: { orderIds: string[] }[] };
    expect(json.rings.map((ring) => [...ring.orderIds].sort())).toEqual([['shopify:#1001', 'shopify@outlet:#1001']]);
  });

  it('each --shop applies up to the next one; a --shop with no file after it is a usage error', async () => {
    const { a, outlet } = shopFiles();
    const r = await cli('import', '--dry-run', '--json', '--shop', 'Main', a, '--shop', 'Outlet', outlet);
    expect(r.status, r.stderr).toBe(0);
    expect(filesOf(r).map((f) => f.created)).toEqual([2, 2]);
    // Formerly a --shop anywhere applied to every file; after the files it now names none, and says so.
    const late = await cli('import', '--dry-run', '--json', a, outlet, '--shop', 'Outlet');
    expect(late.status).toBe(2);
    expect(late.stderr).toContain('--shop Outlet names no file after it');
    const alike = await cli('import', '--dry-run', '--json', '--shop', 'Outlet', a, '--shop', 'Outlet+', outlet);
    expect(alike.status).toBe(2);
    expect(alike.stderr).toContain('“Outlet+” would file its orders under the same key as the shop “Outlet”');
  });

  it('refuses, naming both files, when two orders files would merge into one shop with other facts for one number', async () => {
    const { a, outlet } = shopFiles();
    for (const command of [
      ['import', '--dry-run', '--json'],
      ['rings', '--json'],
      ['report', 'kpi', '--json'],
    ]) {
      const r = await cli(...command, a, outlet);
      expect(r.status, command.join(' ')).toBe(4);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`${outlet}: Order #1001 exists from ${a} with other dates, amounts and buyers`);
      expect(r.stderr).toContain('--shop NAME');
      expect(r.stderr).toContain('--same-shop');
    }
    // One --shop for both files says which shop, not that they agree: still refused.
    const named = await cli('rings', '--json', '--shop', 'Outlet', a, outlet);
    expect(named.status).toBe(4);
    expect(named.stderr).toContain(`${outlet}: Order #1001 exists from ${a}`);
  });

  it('--same-shop lets a later file of the shop update its orders; a later export that only changes statuses never asks', async () => {
    const { a, outlet } = shopFiles();
    const same = await cli('import', '--dry-run', '--json', '--same-shop', a, outlet);
    expect(same.status, same.stderr).toBe(0);
    expect(filesOf(same).map((f) => [f.created, f.updated])).toEqual([
      [2, 0],
      [1, 1],
    ]);
    expect(filesOf(same).every(addsUp)).toBe(true);

    const later = shopFiles(SHOP_A.replace('#1001,ann@example.org,paid', '#1001,ann@example.org,refunded'));
    const r = await cli('import', '--dry-run', '--json', later.a, later.outlet);
    expect(r.status, r.stderr).toBe(0);
    expect(filesOf(r).map((f) => [f.created, f.updated, f.unchanged])).toEqual([
      [2, 0, 0],
      [0, 1, 1],
    ]);
  });
});
