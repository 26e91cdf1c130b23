// `npm run cli -- rings --json`: imports files in memory, folds Stripe card facts into shop orders,
// prints rings (two or more customers) with their shared normalised keys, and the hubs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliProcess } from '../../support/cli';

interface RingsJson {
  rings: { id: string; orderIds: string[]; size: number; keys: Record<string, string[]>; score: number }[];
  hubs: { keyType: string; value: string; customers: number }[];
}

const SHOP = `Name,Email,Financial Status,Currency,Total,Created at,Lineitem name,Shipping Name,Shipping Address1,Shipping Address2,Shipping City,Shipping Zip,Shipping Country,Shipping Phone
#2001,Anna.Schmidt+shop@gmail.com,paid,EUR,59.90,2026-05-01 10:00:00 +0200,Jacke,Anna Schmidt,Hauptstraße 5,,Berlin,10115,DE,+49 170 1234567
#2002,annaschmidt@googlemail.com,paid,EUR,80.00,2026-05-01 12:00:00 +0200,Schuh,Bernd Weber,Lindenweg 7,,Köln,50667,DE,0171 5550001
#2003,carl@example.org,paid,EUR,120.00,2026-05-02 09:00:00 +0200,Zelt,Carl Vogel,Königstraße 12,,Stuttgart,70173,DE,0172 5550002
#2004,dora@example.org,paid,EUR,130.00,2026-05-02 10:00:00 +0200,Zelt,Dora Kunz,"koenigstr.12, 2. OG",,Stuttgart,70173,DE,0049 (0)172 5550002
#2005,erik@example.org,paid,EUR,15.00,2026-05-03 10:00:00 +0200,Socken,Erik Lang,"Packstation 123, 84752319",,Hamburg,20095,DE,
#2006,fritz@example.org,paid,EUR,16.00,2026-05-03 11:00:00 +0200,Socken,Fritz Roth,"84752320, Packstation 123",,Hamburg,20095,DE,
#2007,gina@example.org,paid,EUR,17.00,2026-05-03 12:00:00 +0200,Socken,Gina Paul,Packstation 123 - 84752321,,Hamburg,20095,DE,
#2008,hans@example.org,paid,EUR,40.00,2026-05-04 12:00:00 +0200,Hut,Hans Berg,Am Markt 1,,Bonn,53111,DE,
#2009,ida@example.org,paid,EUR,41.00,2026-05-04 13:00:00 +0200,Hut,Ida Falk,Ringweg 3,,Bonn,53113,DE,
#2010,hans@example.org,paid,EUR,42.00,2026-05-05 13:00:00 +0200,Hut,Hans Berg,Am Markt 1,,Bonn,53111,DE,
`;
const STRIPE = `id,Description,Created date (UTC),Amount,Amount Refunded,Currency,Captured,Status,Customer Email,Card Brand,Card Last4,Card Exp Month,Card Exp Year,Card Issue Country,Card Fingerprint,order_id (metadata),ip (metadata)
ch_3A1,Shopify order #2008,2026-05-04 10:00:05,40.00,0.00,eur,true,Paid,hans@example.org,Visa,4242,3,2027,DE,FpRingCard01,#2008,203.0.113.7
ch_3A2,Shopify order #2009,2026-05-04 11:00:05,41.00,0.00,eur,true,Paid,ida@example.org,Visa,4242,3,2027,DE,FpRingCard01,#2009,198.51.100.9
`;

function files(): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fw-rings-'));
  const shop = path.join(dir, 'shop.csv');
  const stripe = path.join(dir, 'stripe.csv');
  writeFileSync(shop, SHOP);
  writeFileSync(stripe, STRIPE);
  return [shop, stripe];
}

// Rings come riskiest first; sorted by id here so the expectations read in file order.
const summary = (json: RingsJson) => [...json.rings].sort((a, b) => a.id.localeCompare(b.id)).map((r) => [r.orderIds, r.keys]);

describe('npm run cli -- rings --json', () => {
  // The one run of `rings` as its own process; the other cases call the command in process.
  it('prints rings with their shared normalised keys and the hubs', () => {
    const r = cliProcess('rings', '--json', ...files());
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as RingsJson;
    expect(summary(json)).toEqual([
      [['shopify:#2001', 'shopify:#2002'], { email: ['annaschmidt@gmail.com'] }],
      [['shopify:#2003', 'shopify:#2004'], { phone: ['+491725550002'], address: ['DE|70173|konigstr|12'] }],
      // Hans's repeat order joins by his own e-mail and address, Ida by the card from Stripe: only the
      // card joins two people, so only the card is the ring's shared value.
      [['shopify:#2008', 'shopify:#2009', 'shopify:#2010'], { card: ['fp:FpRingCard01'] }],
    ]);
    for (const ring of json.rings) {
      expect(ring).toMatchObject({ id: `ring:${ring.orderIds[0]}`, size: ring.orderIds.length });
      expect(ring.score).toBeGreaterThan(0);
    }
    expect(json.hubs).toEqual([{ keyType: 'address', value: 'DE|20095|packstation|123', customers: 3 }]);
  });

  it('--keys limits the key types that link', async () => {
    const r = await cli('rings', '--json', '--keys', 'card,address', ...files());
    expect(r.status).toBe(0);
    expect(summary(JSON.parse(r.stdout) as RingsJson)).toEqual([
      [['shopify:#2003', 'shopify:#2004'], { address: ['DE|70173|konigstr|12'] }],
      [['shopify:#2008', 'shopify:#2009', 'shopify:#2010'], { card: ['fp:FpRingCard01'] }],
    ]);
  });

  it('--hub-threshold sets the identities a hub is weighed by, collection points included', async () => {
    const r = await cli('rings', '--json', '--hub-threshold', '1', ...files());
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as RingsJson;
    // The span rule: these values are used within days, a burst, so they still link; so does the
    // Packstation, its 3 accounts within hours being more than half a hub of 1.
    expect(json.rings).toHaveLength(4);
    expect(json.hubs).toEqual([]);
  });

  // The app joins a payment onto its order by either spelling of the number, takes the payment
  // that speaks for the order (a succeeded one over a failed try) and lends its checkout device;
  // the command line must print the rings the app shows, not others.
  it('joins payments onto orders as the app does: device, either spelling, the succeeded payment', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fw-rings-'));
    const shop = path.join(dir, 'shop.csv');
    const stripe = path.join(dir, 'stripe.csv');
    writeFileSync(
      shop,
      `Name,Email,Financial Status,Currency,Total,Created at,Lineitem name,Shipping Name,Shipping Address1,Shipping City,Shipping Zip,Shipping Country
#3001,ann@example.org,paid,EUR,40.00,2026-05-04 12:00:00 +0200,Hut,Ann Berg,Am Markt 1,Bonn,53111,DE
#3002,bob@example.net,paid,EUR,41.00,2026-05-04 13:00:00 +0200,Hut,Bob Falk,Ringweg 3,Köln,50667,DE
#3003,cyd@example.com,paid,EUR,42.00,2026-05-04 14:00:00 +0200,Hut,Cyd Roth,Weg 9,Essen,45127,DE
`,
    );
    // Ann and Bob checked out on one device (metadata order ids without the #); Cyd paid with her own
    // card after a failed try with Ann's card, listed after the payment that went through.
    writeFileSync(
      stripe,
      `id,Description,Created date (UTC),Amount,Amount Refunded,Currency,Captured,Status,Customer Email,Card Brand,Card Last4,Card Exp Month,Card Exp Year,Card Issue Country,Card Fingerprint,order_id (metadata),device_id (metadata)
ch_1,Shopify order #3001,2026-05-04 10:00:05,40.00,0.00,eur,true,Paid,ann@example.org,Visa,4242,3,2027,DE,FpAnn0001,3001,dev-7f3a9c
ch_2,Shopify order #3002,2026-05-04 11:00:05,41.00,0.00,eur,true,Paid,bob@example.net,Visa,5556,4,2028,DE,FpBob0002,3002,dev-7f3a9c
ch_3a,Shopify order #3003,2026-05-04 12:00:05,42.00,0.00,eur,true,Paid,cyd@example.com,Visa,1881,5,2029,DE,FpCyd0003,#3003,
ch_3b,Shopify order #3003,2026-05-04 11:59:05,42.00,0.00,eur,true,Failed,cyd@example.com,Visa,4242,3,2027,DE,FpAnn0001,#3003,
`,
    );
    const r = await cli('rings', '--json', shop, stripe);
    expect(r.status).toBe(0);
    expect(summary(JSON.parse(r.stdout) as RingsJson)).toEqual([[['shopify:#3001', 'shopify:#3002'], { device: ['dev-7f3a9c'] }]]);
  });

  it.each([
    [['rings', '--json'], 'name at least one file'],
    [['rings', 'x.csv'], 'only --json'],
    [['rings', '--json', '--keys', 'card,shoe', 'x.csv'], 'unknown key type shoe'],
    [['rings', '--json', '--hub-threshold', 'many', 'x.csv'], 'needs a whole number'],
    [['rings', '--json', '--verbose', 'x.csv'], 'unknown option --verbose'],
  ])('usage error %j exits 2', async (args, message) => {
    const r = await cli(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('an unreadable file exits 1 with its name', async () => {
    const r = await cli('rings', '--json', path.join(os.tmpdir(), 'no-such-file-fw.csv'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no-such-file-fw.csv: cannot read file: ENOENT');
  });
});
