// The managed policy file is read strictly: every key and type checked, unknown keys refused,
// each problem naming the key (never the value), and a broken file refused rather than thrown.
import { describe, expect, it } from 'vitest';
import {
  managedPolicyReadingSchema,
  managedPolicySchema,
  MAX_POLICY_BYTES,
  parseManagedPolicy,
  type ManagedPolicyReading,
} from '../../../shared/policy/managedPolicy';
import { managedPolicyValues } from '../../../shared/policy/managedPolicyValues';

const SOURCE = '/etc/fraud-workbench/policy.json';
const utf8 = (text: string) => new TextEncoder().encode(text);
const parse = (value: unknown) => parseManagedPolicy(utf8(JSON.stringify(value)), SOURCE);
const problemsOf = (reading: ManagedPolicyReading) => (reading.status === 'refused' ? reading.problems : []);

const FULL = {
  review: { slaHours: 12, windowDays: 30 },
  backup: { reminderDays: 7 },
  checkpoint: { reminderDays: 1 },
  teamServer: { origin: 'https://workbench.example.com' },
};

describe('parseManagedPolicy: policies in force', () => {
  it('takes every key', () => {
    expect(parse(FULL)).toEqual({ status: 'in-force', source: SOURCE, policy: FULL });
  });

  it('takes a policy that sets only some keys, and an empty one', () => {
    expect(parse({ backup: { reminderDays: 14 } })).toEqual({ status: 'in-force', source: SOURCE, policy: { backup: { reminderDays: 14 } } });
    expect(parse({})).toEqual({ status: 'in-force', source: SOURCE, policy: {} });
  });

  it('accepts the bounds of each range', () => {
    expect(parse({ review: { slaHours: 1, windowDays: 365 }, backup: { reminderDays: 1 }, checkpoint: { reminderDays: 365 } }).status).toBe('in-force');
    expect(parse({ review: { slaHours: 720 } }).status).toBe('in-force');
  });

  it('reads files saved with a UTF-8 byte-order mark or as UTF-16LE (Windows PowerShell)', () => {
    const text = JSON.stringify({ review: { slaHours: 8 } });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer)]);
    for (const bytes of [withBom, utf16]) {
      expect(parseManagedPolicy(bytes, SOURCE)).toEqual({ status: 'in-force', source: SOURCE, policy: { review: { slaHours: 8 } } });
    }
  });
});

describe('parseManagedPolicy: refused files', () => {
  it('refuses unknown keys at any depth, naming each by its dotted path', () => {
    expect(problemsOf(parse({ ...FULL, reveiw: {} }))).toEqual(['unknown key "reveiw"']);
    expect(problemsOf(parse({ review: { slaHour: 24, slaHours: 24 } }))).toEqual(['unknown key "review.slaHour"']);
    expect(problemsOf(parse({ teamServer: { origin: 'https://a.example', token: 'x' } }))).toEqual(['unknown key "teamServer.token"']);
  });

  it.each([
    ['a string', '24'],
    ['a fraction', 24.5],
    ['zero', 0],
    ['over 30 days', 721],
    ['null', null],
    ['a boolean', true],
  ])('refuses review.slaHours as %s, naming the key and the expectation', (_what, value) => {
    expect(problemsOf(parse({ review: { slaHours: value } }))).toEqual(['"review.slaHours" must be a whole number of hours from 1 to 720']);
  });

  it('refuses day counts out of range', () => {
    expect(problemsOf(parse({ review: { windowDays: 366 }, backup: { reminderDays: 0 }, checkpoint: { reminderDays: -1 } }))).toEqual([
      '"review.windowDays" must be a whole number of days from 1 to 365',
      '"backup.reminderDays" must be a whole number of days from 1 to 365',
      '"checkpoint.reminderDays" must be a whole number of days from 1 to 365',
    ]);
  });

  it('refuses a section or a file that is not an object', () => {
    expect(problemsOf(parse({ review: 24 }))).toEqual(['"review" must be an object of settings']);
    expect(problemsOf(parse([FULL]))).toEqual(['the file must hold one JSON object of settings']);
    expect(problemsOf(parse('review'))).toEqual(['the file must hold one JSON object of settings']);
  });

  it('refuses text that is not JSON without quoting it', () => {
    const reading = parseManagedPolicy(utf8('{ "review": { "slaHours": 24, }, // secret-note\n}'), SOURCE);
    expect(reading).toEqual({ status: 'refused', source: SOURCE, problems: ['the file is not valid JSON (comments and trailing commas are not allowed)'] });
    expect(parseManagedPolicy(new Uint8Array(), SOURCE).status).toBe('refused');
  });

  it('refuses bytes that are not UTF-8 text', () => {
    expect(problemsOf(parseManagedPolicy(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), SOURCE))).toEqual(['the file is not UTF-8 (or UTF-16LE) text']);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const big = utf8(`{"review":{"slaHours":24}}${' '.repeat(MAX_POLICY_BYTES)}`);
    expect(problemsOf(parseManagedPolicy(big, SOURCE))[0]).toMatch(/over the 65536-byte limit/);
  });

  it('reports several problems of one file together', () => {
    expect(problemsOf(parse({ review: { slaHours: 'x' }, extra: 1 }))).toHaveLength(2);
  });
});

describe('teamServer.origin', () => {
  const originOf = (origin: unknown) => parse({ teamServer: { origin } });

  it('keeps an https origin in its normalised form', () => {
    expect(originOf('https://Workbench.Example.com/')).toMatchObject({ policy: { teamServer: { origin: 'https://workbench.example.com' } } });
    expect(originOf('https://workbench.example.com:8443')).toMatchObject({ policy: { teamServer: { origin: 'https://workbench.example.com:8443' } } });
  });

  it('takes plain http for a server on this computer only (loopback, as the team server itself allows)', () => {
    expect(originOf('http://127.0.0.1:8787')).toMatchObject({ policy: { teamServer: { origin: 'http://127.0.0.1:8787' } } });
    expect(originOf('http://localhost:8787/')).toMatchObject({ policy: { teamServer: { origin: 'http://localhost:8787' } } });
  });

  it.each([
    ['http://workbench.example.com', '"teamServer.origin" must use https (plain http only on 127.0.0.1 or localhost)'],
    ['http://10.0.0.7:8787', '"teamServer.origin" must use https (plain http only on 127.0.0.1 or localhost)'],
    // A content security policy cannot name an IPv6 address: a server there could never be reached.
    ['http://[::1]:8787', '"teamServer.origin" must name its host, 127.0.0.1 or localhost, not an IPv6 address (the app\'s security policy cannot name one)'],
    [
      'https://[2001:db8::1]',
      '"teamServer.origin" must name its host, 127.0.0.1 or localhost, not an IPv6 address (the app\'s security policy cannot name one)',
    ],
    ['https://workbench.example.com/api', '"teamServer.origin" must be an origin only, without a path, query or fragment'],
    ['https://workbench.example.com/?team=1', '"teamServer.origin" must be an origin only, without a path, query or fragment'],
    ['https://workbench.example.com#x', '"teamServer.origin" must be an origin only, without a path, query or fragment'],
    ['https://workbench.example.com?', '"teamServer.origin" must be an origin only, without a path, query or fragment'],
    ['https://admin:hunter2@workbench.example.com', '"teamServer.origin" must not carry a user name or password'],
    ['workbench.example.com', '"teamServer.origin" must be an https origin such as "https://workbench.example.com"'],
    [443, '"teamServer.origin" must be an https origin such as "https://workbench.example.com"'],
  ])('refuses %s', (origin, problem) => {
    const problems = problemsOf(originOf(origin));
    expect(problems).toEqual([problem]);
    expect(problems.join()).not.toContain('hunter2');
  });
});

describe('the reading as it crosses IPC', () => {
  it('matches the reading schema in every state', () => {
    for (const reading of [parse(FULL), parse({ x: 1 }), { status: 'none' } as const]) {
      expect(managedPolicyReadingSchema.parse(reading)).toEqual(reading);
    }
  });

  it('lists every schema key among the values Settings shows', () => {
    const schemaKeys = Object.entries(managedPolicySchema.shape).flatMap(([section, schema]) =>
      Object.keys(schema.unwrap().shape).map((key) => `${section}.${key}`),
    );
    const parsed = parse(FULL);
    const shown = parsed.status === 'in-force' ? managedPolicyValues(parsed.policy).map((v) => v.key) : [];
    expect(shown).toEqual(schemaKeys);
    expect(managedPolicyValues({ checkpoint: { reminderDays: 2 } })).toEqual([{ key: 'checkpoint.reminderDays', value: 2 }]);
  });
});
