// "Waiting for an answer" (guideline C1): comments that ask the city something, with no reply
// from the page after them yet, each with its age in working hours. Questions past the
// response window (one working day of the pack's response_hours) come first.
import { windowMinutes, workingMinutes } from "./hours.js";

const QUESTION_WORDS = new Set([
  // Finnish
  "miksi", "milloin", "missä", "mistä", "mihin", "mitä", "mikä", "mitkä", "kuka", "ketkä", "kenen", "kenelle",
  "kuinka", "miten", "paljonko", "montako", "koska", "mille", "millä", "minkä", "kumpi",
  // Swedish
  "varför", "när", "var", "vart", "varifrån", "vad", "vem", "vilka", "vilken", "vilket", "hur", "kan", "får",
  "finns", "är", "ska", "skall", "blir", "kommer", "går", "har",
  // English
  "why", "when", "where", "what", "who", "which", "how", "can", "could", "is", "are", "does", "do", "will",
  "would", "should", "may",
]);
// A Finnish verb with the question clitic -ko/-kö: common verbs by name (a bare "-ko" ending is
// also in names such as Hanko and Marko), the passive (avataanko) and the polite plural
// conditional (kertoisitteko).
const FI_QUESTION_VERB = new RegExp("^(?:(?:on|ei|oli|olisi|ovat|olisivat|voi|voisi|voisin|voitte|saa|saisi|saan|"
  + "pitää|pitäisi|tietää|tiedät|tiedätte|tietäisi|onnistuu|aukeaa|aukee|tulee|kannattaa|kuuluu|mahtaa|"
  + "ehtii|pääsee|löytyy|käy|menee|toimii|jatkuu|alkaa|loppuu|riittää|maksaa|auttaisi|aiotte|aikoo|suunnitellaan)"
  + "(?:ko|kö)|\\p{L}{2,}(?:aan|ään)(?:ko|kö)|\\p{L}{2,}isit(?:te|ko)(?:ko|kö)?)(?:han|hän)?$", "u");
const URL_RE = /\bhttps?:\/\/\S+|\bwww\.\S+/gi;
const WORD_RE = /[\p{L}]+/gu;

/** Whether a comment asks something: a question mark, or a question word or -ko/-kö verb first. */
export function isQuestion(text) {
  const plain = String(text || "").replace(URL_RE, " ");
  if (/[?？]/.test(plain)) return true;
  for (const sentence of plain.split(/[.!\n]+/)) {
    const words = sentence.match(WORD_RE);
    if (!words) continue;
    const first = words[0].toLowerCase();
    if (QUESTION_WORDS.has(first) && words.length >= 3) return true;
    if (FI_QUESTION_VERB.test(first) && words.length >= 2) return true;   // Onko, Voisitteko, Avataanko
  }
  return false;
}

/**
 * The comments waiting for an answer, in the order to show them.
 * @param {Array<{id: string, text: string, isPage: boolean, parentId: string|null, time: number|null, order: number}>} comments
 *   every comment and reply read from the page, in page order (`order`)
 * @param {number} now  milliseconds
 * @param {object} hours the pack's response hours with its time zone
 * @returns {Array<{comment: object, minutes: number|null, overdue: boolean}>}
 */
export function waitingForAnswer(comments, now, hours) {
  const window = windowMinutes(hours);
  const thread = (c) => c.parentId || c.id;
  const result = [];
  for (const c of comments) {
    if (c.isPage || c.parentId || !isQuestion(c.text)) continue;
    const answered = comments.some((r) => r.isPage && thread(r) === thread(c) && r.order > c.order);
    if (answered) continue;
    const minutes = c.time ? workingMinutes(c.time, now, hours) : null;
    result.push({ comment: c, minutes, overdue: minutes !== null && minutes > window });
  }
  return result.sort((a, b) => (b.overdue - a.overdue)
    || ((b.minutes ?? -1) - (a.minutes ?? -1))
    || (a.comment.order - b.comment.order));
}
