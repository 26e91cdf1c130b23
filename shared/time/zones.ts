// Time zones from Intl: the zone a name in an export or a preset means (IANA `Europe/Moscow`, or one
// of the few abbreviations reports write), and the instant a wall-clock time names in that zone.

/** A zone as the import reads times in it. */
export interface TimeZone {
  /** The IANA name Intl resolved (`Asia/Calcutta` for `Asia/Kolkata` on older ICU), or a fixed `+02:00`. */
  readonly name: string;
  /** Offset from UTC in ms in force at the instant `utcMs`. */
  offsetAt(utcMs: number): number;
  /**
   * The instant (epoch ms) a wall-clock time names; `localMs` is that time's fields read as if UTC
   * (`Date.UTC(y, m, d, h, mi)`). DST, deterministically, as Temporal's 'compatible': a time in the
   * spring-forward gap moves forward by the gap (02:30 in Berlin's gap is 03:30 CEST, 01:30Z); a
   * time the autumn fall-back repeats is its first, earlier instant (02:30 CEST, not 02:30 CET).
   */
  instantOf(localMs: number): number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Per-zone caches are dropped past this many hours (~115 years), so odd dates cannot grow them without end. */
const MAX_CACHED_HOURS = 1_000_000;

class FixedZone implements TimeZone {
  constructor(
    readonly name: string,
    private readonly offset: number,
  ) {}

  offsetAt(): number {
    return this.offset;
  }

  instantOf(localMs: number): number {
    return localMs - this.offset;
  }
}

function fixedName(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** One UTC hour's offsets: `start` until `switchAt`, `end` from then on (equal for almost every hour). */
interface HourOffsets {
  start: number;
  end: number;
  switchAt: number;
}

/**
 * An IANA zone read through one Intl.DateTimeFormat. Imports convert millions of times, so offsets
 * are cached per UTC hour, and conversions per local hour whose whole day either side has one
 * offset (every hour but the ~two days around each DST switch, which take the exact path).
 * Assumes at most one offset change within any two days, true of every zone in the tz database.
 */
class IanaZone implements TimeZone {
  private format: Intl.DateTimeFormat | null = null;
  private readonly byUtcHour = new Map<number, HourOffsets>();
  /** Local hour -> offset of every time in it; NaN for hours near a switch. */
  private readonly byLocalHour = new Map<number, number>();
  private lastLocalHour = NaN;
  private lastLocalOffset = 0;

  constructor(readonly name: string) {}

  /** Offset at `utcMs`, to the second, straight from Intl. */
  private measured(utcMs: number): number {
    this.format ??= new Intl.DateTimeFormat('en-US', {
      timeZone: this.name,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    const at = utcMs - (((utcMs % 1000) + 1000) % 1000);
    const f: Record<string, string> = {};
    for (const p of this.format.formatToParts(at)) f[p.type] = p.value;
    const year = f['era'] === 'BC' || f['era'] === 'B' ? 1 - Number(f['year']) : Number(f['year']);
    const wall = new Date(0);
    wall.setUTCFullYear(year, Number(f['month']) - 1, Number(f['day']));
    wall.setUTCHours(Number(f['hour']) % 24, Number(f['minute']), Number(f['second']), 0);
    return wall.getTime() - at;
  }

  private hour(utcHour: number): HourOffsets {
    let h = this.byUtcHour.get(utcHour);
    if (h) return h;
    const from = utcHour * HOUR;
    const start = this.measured(from);
    const end = this.measured(from + HOUR - 1000);
    let switchAt = from + HOUR;
    if (start !== end) {
      // Find the switch to the second: the first second on the new offset.
      let lo = from;
      let hi = from + HOUR - 1000;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (this.measured(mid) === start) lo = mid;
        else hi = mid;
      }
      switchAt = hi;
    }
    h = { start, end, switchAt };
    if (this.byUtcHour.size >= MAX_CACHED_HOURS) this.byUtcHour.clear();
    this.byUtcHour.set(utcHour, h);
    return h;
  }

  offsetAt(utcMs: number): number {
    const h = this.hour(Math.floor(utcMs / HOUR));
    return utcMs < h.switchAt ? h.start : h.end;
  }

  instantOf(localMs: number): number {
    const localHour = Math.floor(localMs / HOUR);
    if (localHour === this.lastLocalHour) return localMs - this.lastLocalOffset;
    let offset = this.byLocalHour.get(localHour);
    if (offset === undefined) {
      const from = localHour * HOUR;
      const before = this.offsetAt(from - DAY);
      offset = before === this.offsetAt(from + HOUR + DAY) ? before : NaN;
      if (this.byLocalHour.size >= MAX_CACHED_HOURS) this.byLocalHour.clear();
      this.byLocalHour.set(localHour, offset);
    }
    if (Number.isNaN(offset)) return this.instantNearSwitch(localMs);
    this.lastLocalHour = localHour;
    this.lastLocalOffset = offset;
    return localMs - offset;
  }

  /** The exact path: which of the offsets a day either side give back this wall time. */
  private instantNearSwitch(localMs: number): number {
    const before = this.offsetAt(localMs - DAY);
    const after = this.offsetAt(localMs + DAY);
    const byBefore = localMs - before;
    const byAfter = localMs - after;
    const beforeHolds = this.offsetAt(byBefore) === before;
    const afterHolds = this.offsetAt(byAfter) === after;
    if (beforeHolds && afterHolds) return Math.min(byBefore, byAfter); // repeated (fall back): the earlier instant
    if (afterHolds) return byAfter;
    // In the gap (spring forward), read with the offset before the switch, which lands after it;
    // otherwise the one offset that holds.
    return byBefore;
  }
}

export const UTC_ZONE: TimeZone = new FixedZone('UTC', 0);

/**
 * Abbreviations are ambiguous (IST is India, Israel or Ireland; ICU reads PST and CST too), so
 * only these, which exports and presets write, are read, each with one meaning. CET and MEZ name
 * the zone as reports use it, summer dates included (Adyen's "Record Date TimeZone": CET in July).
 */
const ABBREVIATIONS: Record<string, () => TimeZone> = {
  z: () => UTC_ZONE,
  utc: () => UTC_ZONE,
  gmt: () => UTC_ZONE,
  'etc/utc': () => UTC_ZONE,
  'etc/gmt': () => UTC_ZONE,
  cet: () => ianaZone('Europe/Berlin'),
  mez: () => ianaZone('Europe/Berlin'),
  cest: () => fixedZone(120),
  mesz: () => fixedZone(120),
  bst: () => fixedZone(60),
  wet: () => ianaZone('Europe/Lisbon'),
  eet: () => ianaZone('Europe/Athens'),
};

const zones = new Map<string, TimeZone>();

function ianaZone(name: string): TimeZone {
  let z = zones.get(name);
  if (!z) zones.set(name, (z = new IanaZone(name)));
  return z;
}

function fixedZone(minutes: number): TimeZone {
  const name = fixedName(minutes);
  let z = zones.get(name);
  if (!z) zones.set(name, (z = new FixedZone(name, minutes * MINUTE)));
  return z;
}

/** Lower-cased IANA name -> the name as Intl lists it. */
let supported: Map<string, string> | null = null;

function supportedZones(): Map<string, string> {
  supported ??= new Map(Intl.supportedValuesOf('timeZone').map((n) => [n.toLowerCase(), n]));
  return supported;
}

function lookUp(name: string): TimeZone | null {
  const key = name.trim().toLowerCase();
  if (key === '') return null;
  const abbreviation = ABBREVIATIONS[key];
  if (abbreviation) return abbreviation();
  const listed = supportedZones().get(key);
  if (listed) return ianaZone(listed);
  // An IANA name Intl knows under another spelling (Asia/Kolkata, Europe/Kyiv, US/Eastern): resolved
  // to the one it lists. Only area/location names: ICU also resolves bare abbreviations like PST.
  if (!key.includes('/')) return null;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name.trim() }).resolvedOptions().timeZone;
    const canonical = supportedZones().get(resolved.toLowerCase());
    return canonical ? ianaZone(canonical) : null;
  } catch {
    return null;
  }
}

/** Names seen so far, found or not: per-row zone columns ask the same few names millions of times. */
const named = new Map<string, TimeZone | null>();
const MAX_NAMES = 10_000;

/** The zone a name means (`Europe/Berlin`, `america/new_york`, `UTC`, `CET`); null if none. */
export function timeZoneNamed(name: string): TimeZone | null {
  let z = named.get(name);
  if (z !== undefined) return z;
  z = lookUp(name);
  if (named.size < MAX_NAMES) named.set(name, z);
  return z;
}

/** Why a name is not a time zone, in the analyst's words; null when it is one. */
export function timeZoneProblem(name: string): string | null {
  if (timeZoneNamed(name)) return null;
  const shown = name.length > 60 ? `${name.slice(0, 60)}…` : name;
  return `"${shown}" is not a time zone: use an IANA name such as Europe/Berlin or America/New_York, or UTC, GMT, CET or CEST`;
}
