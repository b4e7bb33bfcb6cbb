// Working hours: how many minutes of the organization's response hours lie between two moments,
// counted in the organization's time zone (the pack's `response_hours` and `timezone`).
//   hours = {days: ["mon", ..., "fri"], start: "08:00", end: "16:00", timezone: "Europe/Helsinki"}

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const DAY_MS = 24 * 3600 * 1000;
const MAX_DAYS = 400;          // older comments count as this old: enough to come first

function minutesOf(text) {
  const m = /^(\d{1,2}):(\d{2})$/.exec(String(text || ""));
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** The hours read and checked; the pack's defaults (weekdays 8–16, Helsinki) where missing. */
export function readHours(hours) {
  const h = hours || {};
  const days = Array.isArray(h.days) && h.days.length ? h.days.filter((d) => WEEKDAYS.includes(d)) : WEEKDAYS.slice(0, 5);
  const start = minutesOf(h.start) ?? 8 * 60;
  const end = minutesOf(h.end) ?? 16 * 60;
  let timezone = h.timezone || "Europe/Helsinki";
  try { new Intl.DateTimeFormat("en", { timeZone: timezone }); } catch (e) { timezone = "Europe/Helsinki"; }
  return { days: new Set(days.map((d) => WEEKDAYS.indexOf(d))), start, end: Math.max(end, start), timezone };
}

/** Minutes of one working day: the response window (an answer is due within one working day). */
export const windowMinutes = (hours) => readHours(hours).end - readHours(hours).start;

const formatters = new Map();
function partsIn(timezone, ms) {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone: timezone, hourCycle: "h23", year: "numeric", month: "2-digit",
      day: "2-digit", hour: "2-digit", minute: "2-digit", weekday: "short" });
    formatters.set(timezone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { y: +p.year, mo: +p.month, d: +p.day, minute: +p.hour * 60 + +p.minute,
    weekday: WEEKDAYS.indexOf(p.weekday.toLowerCase().slice(0, 3)) };
}

/** The instant of local `minute` on the local day of `ms` in `timezone`. */
function localInstant(timezone, ms, minute) {
  const here = partsIn(timezone, ms);
  let guess = ms + (minute - here.minute) * 60000;
  for (let i = 0; i < 2; i++) {            // correct for a DST change between the two
    const at = partsIn(timezone, guess);
    const dayShift = Date.UTC(here.y, here.mo - 1, here.d) - Date.UTC(at.y, at.mo - 1, at.d);
    guess += dayShift + (minute - at.minute) * 60000;
  }
  return guess;
}

/** Working minutes between two moments (Date or ms); 0 when `to` is not after `from`. */
export function workingMinutes(from, to, hours) {
  const h = readHours(hours);
  let a = +from, b = +to;
  if (!(b > a)) return 0;
  a = Math.max(a, b - MAX_DAYS * DAY_MS);
  let total = 0;
  // One step a day from local noon: a 23- or 25-hour day around a DST change stays one day.
  for (let day = localInstant(h.timezone, a, 12 * 60), n = 0; day < b + DAY_MS && n <= MAX_DAYS + 1; day += DAY_MS, n++) {
    const p = partsIn(h.timezone, day);
    if (!h.days.has(p.weekday)) continue;
    const open = localInstant(h.timezone, day, h.start), close = localInstant(h.timezone, day, h.end);
    const s = Math.max(open, a), e = Math.min(close, b);
    if (e > s) total += (e - s) / 60000;
  }
  return Math.round(total);
}
