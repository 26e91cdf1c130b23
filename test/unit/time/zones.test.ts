// Time zones from Intl: zones the old hand-written table got wrong (Moscow, Istanbul and Minsk read
// as CET, America/* and Asia/* as UTC), DST gaps and overlaps on both hemispheres, names refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PRESETS, parseFormatPreset, parseTimestamp, type FormatPreset } from '../../../shared/ingest';
import { timeZoneNamed, timeZoneProblem, UTC_ZONE, type TimeZone } from '../../../shared/time/zones';
import { runImport } from '../ingest/support';

const zone = (name: string): TimeZone => {
  const z = timeZoneNamed(name);
  if (!z) throw new Error(`${name} should be a zone`);
  return z;
};
/** Wall-clock `YYYY-MM-DD HH:MM` in `name` -> ISO instant. */
const instant = (wall: string, name: string) => new Date(parseTimestamp(wall, zone(name))).toISOString();

describe('zones the old table read wrong', () => {
  it.each([
    // Moscow, Istanbul and Minsk keep +03:00 all year (the table made them CET with EU summer time).
    ['2026-07-01 12:00', 'Europe/Moscow', '2026-07-01T09:00:00.000Z'],
    ['2026-01-15 12:00', 'Europe/Moscow', '2026-01-15T09:00:00.000Z'],
    ['2026-07-01 12:00', 'Europe/Istanbul', '2026-07-01T09:00:00.000Z'],
    ['2026-01-15 12:00', 'Europe/Istanbul', '2026-01-15T09:00:00.000Z'],
    ['2026-07-01 12:00', 'Europe/Minsk', '2026-07-01T09:00:00.000Z'],
    ['2026-01-15 12:00', 'Europe/Minsk', '2026-01-15T09:00:00.000Z'],
    // America/* and Asia/* fell back to UTC.
    ['2026-01-15 12:00', 'America/New_York', '2026-01-15T17:00:00.000Z'],
    ['2026-07-01 12:00', 'America/New_York', '2026-07-01T16:00:00.000Z'],
    ['2026-01-15 12:00', 'Asia/Kolkata', '2026-01-15T06:30:00.000Z'],
    ['2026-07-01 12:00', 'Asia/Kolkata', '2026-07-01T06:30:00.000Z'],
    // Southern hemisphere: Sydney's summer time is in January (+11), its standard time in July (+10).
    ['2026-01-15 12:00', 'Australia/Sydney', '2026-01-15T01:00:00.000Z'],
    ['2026-07-01 12:00', 'Australia/Sydney', '2026-07-01T02:00:00.000Z'],
  ])('%s in %s is %s', (wall, name, expected) => {
    expect(instant(wall, name)).toBe(expected);
  });

  it('a zone name written after the time is read the same way', () => {
    expect(new Date(parseTimestamp('2026-07-01 12:00 Europe/Moscow', UTC_ZONE)).toISOString()).toBe('2026-07-01T09:00:00.000Z');
    expect(new Date(parseTimestamp('2026-07-01 12:00 Asia/Kolkata', UTC_ZONE)).toISOString()).toBe('2026-07-01T06:30:00.000Z');
  });
});

describe('DST gaps move forward, overlaps take the earlier instant', () => {
  it.each([
    // Berlin springs forward on the last Sunday of March (29 March 2026) at 02:00 CET -> 03:00 CEST.
    ['2026-03-29 01:59', '2026-03-29T00:59:00.000Z'],
    ['2026-03-29 02:00', '2026-03-29T01:00:00.000Z'], // 02:00 does not exist: 03:00 CEST
    ['2026-03-29 02:30', '2026-03-29T01:30:00.000Z'], // 02:30 does not exist: 03:30 CEST
    ['2026-03-29 03:00', '2026-03-29T01:00:00.000Z'],
    ['2026-03-29 03:30', '2026-03-29T01:30:00.000Z'],
    // Berlin falls back on the last Sunday of October (25 October 2026) at 03:00 CEST -> 02:00 CET.
    ['2026-10-25 01:59', '2026-10-24T23:59:00.000Z'],
    ['2026-10-25 02:00', '2026-10-25T00:00:00.000Z'], // 02:00-02:59 come twice: the CEST one
    ['2026-10-25 02:30', '2026-10-25T00:30:00.000Z'],
    ['2026-10-25 02:59', '2026-10-25T00:59:00.000Z'],
    ['2026-10-25 03:00', '2026-10-25T02:00:00.000Z'],
  ])('Europe/Berlin %s is %s', (wall, expected) => {
    expect(instant(wall, 'Europe/Berlin')).toBe(expected);
    // CET, as reports write it, is the Berlin zone.
    expect(instant(wall, 'CET')).toBe(expected);
  });

  it.each([
    // New York springs forward on the second Sunday of March (8 March 2026) at 02:00 EST -> 03:00 EDT.
    ['2026-03-08 01:59', '2026-03-08T06:59:00.000Z'],
    ['2026-03-08 02:30', '2026-03-08T07:30:00.000Z'], // 03:30 EDT
    ['2026-03-08 03:00', '2026-03-08T07:00:00.000Z'],
    // It falls back on the first Sunday of November (1 November 2026) at 02:00 EDT -> 01:00 EST.
    ['2026-11-01 00:59', '2026-11-01T04:59:00.000Z'],
    ['2026-11-01 01:30', '2026-11-01T05:30:00.000Z'], // 01:30 EDT, not 01:30 EST (06:30Z)
    ['2026-11-01 02:00', '2026-11-01T07:00:00.000Z'],
  ])('America/New_York %s is %s', (wall, expected) => {
    expect(instant(wall, 'America/New_York')).toBe(expected);
  });

  it.each([
    // Sydney falls back on the first Sunday of April (5 April 2026) at 03:00 AEDT -> 02:00 AEST.
    ['2026-04-05 02:30', '2026-04-04T15:30:00.000Z'], // 02:30 AEDT, the earlier one
    ['2026-04-05 03:00', '2026-04-04T17:00:00.000Z'],
    // It springs forward on the first Sunday of October (4 October 2026) at 02:00 AEST -> 03:00 AEDT.
    ['2026-10-04 02:30', '2026-10-03T16:30:00.000Z'], // 03:30 AEDT
    ['2026-10-04 03:00', '2026-10-03T16:00:00.000Z'],
  ])('Australia/Sydney %s is %s', (wall, expected) => {
    expect(instant(wall, 'Australia/Sydney')).toBe(expected);
  });

  it("finds a switch that falls inside a UTC hour (St. John's switches at 05:30Z)", () => {
    const stJohns = zone('America/St_Johns');
    const H = 3_600_000;
    expect(stJohns.offsetAt(Date.UTC(2026, 2, 8, 5, 29, 59))).toBe(-3.5 * H);
    expect(stJohns.offsetAt(Date.UTC(2026, 2, 8, 5, 30))).toBe(-2.5 * H);
    expect(instant('2026-03-08 02:30', 'America/St_Johns')).toBe('2026-03-08T06:00:00.000Z'); // in the gap: 03:30 NDT
    expect(instant('2026-03-08 03:30', 'America/St_Johns')).toBe('2026-03-08T06:00:00.000Z');
  });

  it('any wall time reads back to an instant showing that wall time, the earliest such', () => {
    const names = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'America/St_Johns', 'Asia/Kolkata', 'Europe/Moscow'];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 }), (name, minute) => {
        const z = zone(name);
        const t = minute * 60_000;
        const wall = t + z.offsetAt(t);
        const back = z.instantOf(wall);
        expect(back + z.offsetAt(back)).toBe(wall);
        expect(back).toBeLessThanOrEqual(t);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('zone names', () => {
  it.each([
    ['UTC', 'UTC'],
    ['gmt', 'UTC'],
    ['Z', 'UTC'],
    ['Etc/UTC', 'UTC'],
    ['CEST', '+02:00'],
    ['europe/moscow', 'Europe/Moscow'],
    [' Europe/Berlin ', 'Europe/Berlin'],
  ])('%j is the zone %s', (name, expected) => {
    expect(zone(name).name).toBe(expected);
  });

  it('reads IANA names Intl lists under another spelling (Asia/Kolkata, Europe/Kyiv) by their resolved name', () => {
    expect(zone('Asia/Kolkata').name).toMatch(/^Asia\/(Kolkata|Calcutta)$/);
    expect(zone('Europe/Kyiv').name).toMatch(/^Europe\/(Kyiv|Kiev)$/);
  });

  it.each(['Mars/Olympus', 'PST', 'IST', 'Berlin', '+02:00', ''])('%j is refused with a message that says what to write', (name) => {
    expect(timeZoneNamed(name)).toBeNull();
    expect(timeZoneProblem(name)).toBe(`"${name}" is not a time zone: use an IANA name such as Europe/Berlin or America/New_York, or UTC, GMT, CET or CEST`);
  });

  it('every built-in format names a zone', () => {
    for (const p of BUILT_IN_PRESETS) expect(timeZoneProblem(p.options.timeZone ?? 'UTC'), p.id).toBeNull();
  });
});

describe('a preset with a zone name', () => {
  const preset = (timeZone: string): FormatPreset => ({
    id: 'custom:moscow',
    label: 'Moscow shop',
    kind: 'orders',
    markerColumns: ['Order'],
    mapping: { externalId: 'Order', createdAt: 'Date', total: 'Total', currency: 'Currency', email: 'Email' },
    options: { source: 'moscow', marketplace: 'shop', timeZone },
  });

  it('is refused when saved or loaded if the zone is unknown, naming the option and the name', () => {
    expect(parseFormatPreset(preset('Europe/Moskau'))).toEqual({
      ok: false,
      error: 'options.timeZone: "Europe/Moskau" is not a time zone: use an IANA name such as Europe/Berlin or America/New_York, or UTC, GMT, CET or CEST',
    });
    expect(parseFormatPreset(preset('Europe/Moscow')).ok).toBe(true);
  });

  it('reads times without an offset in its zone', async () => {
    const run = await runImport('Order,Date,Total,Currency,Email\nM-1,2026-07-01 12:00,10.00,RUB,a@example.ru\n', { preset: preset('Europe/Moscow') });
    expect(run.summary.warnings).toEqual([]);
    expect(run.written[0]!.value).toMatchObject({ externalId: 'M-1', createdAt: Date.UTC(2026, 6, 1, 9) });
  });

  it('handed in unchecked with an unknown zone, the file is read as UTC with a warning naming it', async () => {
    const run = await runImport('Order,Date,Total,Currency,Email\nM-1,2026-07-01 12:00,10.00,RUB,a@example.ru\n', { preset: preset('Mars/Olympus') });
    expect(run.summary.warnings.map((w) => w.message)).toContain(
      'the format\'s time zone "Mars/Olympus" is not a time zone: use an IANA name such as Europe/Berlin or America/New_York, or UTC, GMT, CET or CEST; times without an offset were read as UTC',
    );
    expect(run.written[0]!.value).toMatchObject({ createdAt: Date.UTC(2026, 6, 1, 12) });
  });
});
