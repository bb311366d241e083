import Holidays from 'date-holidays';

/**
 * When the contact centre answers chats: opening hours per weekday in the municipality's
 * time zone, closed on Swedish public holidays and on the eves that are de facto days off
 * (julafton, midsommarafton, nyårsafton), from the maintained date-holidays library.
 */
export interface OpeningHours {
  timeZone: string;
  /** Per weekday (0 = Sunday … 6 = Saturday), the open intervals in minutes after midnight. */
  week: [number, number][][];
  /** The open intervals on public holidays and days-off eves: none unless `holidays …` says so. */
  holidays: [number, number][];
}

const dayNames = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/**
 * Reads "mon-thu 08:00-16:30; fri 08:00-15:00" (days and ranges separated by semicolons;
 * several ranges for a day separated by commas). Days off are closed unless a part
 * `holidays 10:00-14:00` gives their hours. Throws with what is wrong.
 */
export function parseOpeningHours(text: string, timeZone: string): OpeningHours {
  if (!Intl.supportedValuesOf('timeZone').includes(timeZone) && timeZone !== 'UTC') throw new Error(`"${timeZone}" is not a time zone such as Europe/Stockholm`);
  const week: [number, number][][] = dayNames.map(() => []);
  const holidays: [number, number][] = [];
  for (const part of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const holidayHours = /^holidays\s+(.+)$/i.exec(part);
    const match = holidayHours ? null : /^([a-z]{3})(?:-([a-z]{3}))?\s+(.+)$/i.exec(part);
    if (holidayHours) {
      holidays.push(...ranges(holidayHours[1]!));
      continue;
    }
    if (!match) throw new Error(`"${part}" is not like "mon-fri 08:00-16:30"`);
    const from = dayNames.indexOf(match[1]!.toLowerCase() as (typeof dayNames)[number]);
    const to = match[2] ? dayNames.indexOf(match[2].toLowerCase() as (typeof dayNames)[number]) : from;
    if (from < 0 || to < 0) throw new Error(`"${part}": days are mon, tue, wed, thu, fri, sat, sun, or holidays`);
    const open = ranges(match[3]!);
    // mon-fri, or a range across the week's end such as fri-mon.
    for (let d = from; ; d = (d + 1) % 7) {
      week[d]!.push(...open);
      if (d === to) break;
    }
  }
  for (const day of [...week, holidays]) day.sort((a, b) => a[0] - b[0]);
  return { timeZone, week, holidays };
}

/** "08:00-12:00, 13:00-16:30" as minutes after midnight. */
function ranges(text: string): [number, number][] {
  return text.split(',').map((r) => {
    const m = /^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/.exec(r);
    if (!m) throw new Error(`"${r.trim()}" is not a time range such as 08:00-16:30`);
    const start = Number(m[1]) * 60 + Number(m[2]);
    const end = Number(m[3]) * 60 + Number(m[4]);
    if (Number(m[2]) > 59 || Number(m[4]) > 59 || start >= end || end > 24 * 60) throw new Error(`"${r.trim()}" is not a time range within one day`);
    return [start, end];
  });
}

/** The local calendar date, weekday and minute of `at` in the time zone. */
function local(at: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: dayNames.indexOf(parts.weekday!.toLowerCase().slice(0, 3) as (typeof dayNames)[number]),
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

const daysOff = new Map<string, Map<string, string>>();

/** The days off of a year in the time zone, by local date: computed once per year and zone. */
function daysOffIn(year: number, timeZone: string) {
  const key = `${timeZone} ${year}`;
  let days = daysOff.get(key);
  if (!days) {
    const hd = new Holidays('SE', { timezone: timeZone, types: ['public', 'bank'] });
    days = new Map(hd.getHolidays(year).filter((h) => h.type === 'public' || h.type === 'bank').map((h) => [h.date.slice(0, 10), h.name]));
    daysOff.set(key, days);
  }
  return days;
}

/** The holiday's name when the local date of `at` is a day off (public holiday or eve), else null. */
export function dayOff(at: Date, timeZone: string): string | null {
  const { date } = local(at, timeZone);
  return daysOffIn(Number(date.slice(0, 4)), timeZone).get(date) ?? null;
}

export function isOpen(hours: OpeningHours, at: Date): boolean {
  const { weekday, minute } = local(at, hours.timeZone);
  const today = dayOff(at, hours.timeZone) ? hours.holidays : hours.week[weekday]!;
  return today.some(([start, end]) => minute >= start && minute < end);
}

/**
 * When the centre next opens after `at` (at itself if open now), looking up to 21 days
 * ahead; null if it never opens in that time.
 */
export function nextOpening(hours: OpeningHours, at: Date): Date | null {
  if (isOpen(hours, at)) return at;
  // Walk forward in quarter hours (opening times are on the quarter in practice), then back
  // up to the exact minute; walking in real time keeps daylight-saving changes right.
  const start = Math.floor(at.getTime() / 60_000) * 60_000;
  for (let step = 15 * 60_000, t = start; t <= start + 21 * 86_400_000; t += step) {
    const candidate = new Date(t);
    if (isOpen(hours, candidate)) {
      // Back up to the exact opening minute.
      let exact = t;
      while (exact - 60_000 > at.getTime() && isOpen(hours, new Date(exact - 60_000))) exact -= 60_000;
      return new Date(exact);
    }
  }
  return null;
}
