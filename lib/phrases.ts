// Sentences with counts, in Swedish, through the one plural helper (lib/plural.ts). Kept here so that
// the words can be tested in one place.
import { plural } from "./plural";

/** "1 anmäld av 1 plats", "3 anmälda av 30 platser", "2 anmälda (antal platser okänt)". */
export function seatsTaken(confirmed: number, capacity: number | null): string {
  const who = plural(confirmed, "anmäld", "anmälda");
  return capacity == null ? `${who} (antal platser okänt)` : `${who} av ${plural(capacity, "plats", "platser")}`;
}

/** The count beside a slot's heading: "1 lärpass", "5 parallella lärpass"; without a time: "12 lärpass utan tid". */
export function slotCount(n: number, hasTime: boolean): string {
  if (!hasTime) return `${n} lärpass utan tid`;
  return n === 1 ? "1 lärpass" : `${n} parallella lärpass`;
}

/**
 * The promotion mail's line about the seat the member had at the same time: it is left, and only the
 * queue there decides whether someone else gets it, so the mail does not claim that anybody did.
 */
export function promotionReleasedLine(titles: string[]): string {
  const names = titles.map((t) => `"${t}"`).join(" och ");
  return `Din plats på ${names} vid samma tid är lämnad, eftersom du bara kan ha en plats per tid. Står någon i kö där får den platsen.`;
}

/** The seats line of a card: "3 platser kvar av 30", "Fullt (1 plats) · 2 i kö"; `mine`: the reader has one of them. */
export function seatsLeft(capacity: number, confirmed: number, waitlisted: number, mine = false): { text: string; full: boolean } {
  const left = Math.max(0, capacity - confirmed);
  if (left > 0) return { text: `${plural(left, "plats", "platser")} kvar av ${capacity}`, full: false };
  const queue = waitlisted > 0 ? ` · ${waitlisted} i kö` : "";
  if (mine) return { text: `${capacity === 1 ? "Den enda platsen är din" : `Alla ${capacity} platser är tagna, en av dem är din`}${queue}`, full: false };
  return { text: `Fullt (${plural(capacity, "plats", "platser")})${queue}`, full: true };
}
