import type { MovePlan } from "@/lib/admin/schedule";

const members = (n: number) => (n === 1 ? "1 medlem" : `${n} medlemmar`);

const quoted = (titles: string[]) => titles.map((t) => `”${t}”`).join(" och ");

/** The warning for a move into a room that is taken at that time, or null; shown first, before the move. */
export function occupiedWarning(plan: MovePlan): string | null {
  if (plan.occupiedBy.length === 0) return null;
  return `Obs! ${plan.to.room ?? "Lokalen"} är redan upptagen vid den tiden av ${quoted(plan.occupiedBy)}. Flyttar du hit blir det två lärpass i samma lokal samtidigt.`;
}

/** What a move does to the members, in sentences for the confirmation (form and dialog alike). */
export function describePlan(plan: MovePlan): string[] {
  const from = [plan.from.slot ?? "ingen tid", plan.from.room ?? "ingen lokal"].join(", ");
  const to = [plan.to.slot ?? "ingen tid", plan.to.room ?? "ingen lokal"].join(", ");
  const lines = [`Från ${from} till ${to}.`];
  const affected = plan.follow + plan.released;
  if (affected === 0) {
    lines.push("Ingen medlem har valt lärpasset.");
  } else {
    lines.push(plan.follow === 0 ? "Ingen medlem följer med." : `${members(plan.follow)} följer med till den nya tiden och lokalen.`);
    lines.push(
      plan.released === 0
        ? "Ingen medlem släpps."
        : plan.to.slot
          ? `${members(plan.released)} släpps: den nya tiden krockar med något de redan valt, så deras val tas bort.`
          : `${members(plan.released)} släpps: lärpasset får ingen tid, så deras val tas bort.`,
    );
    lines.push(`Alla ${members(affected)} får mejl om ändringen.`);
  }
  if (plan.seatsAfter != null && plan.confirmedAfter > plan.seatsAfter) {
    lines.push(`Obs! ${plan.confirmedAfter} har plats men den nya lokalen rymmer bara ${plan.seatsAfter}.`);
  }
  return lines;
}
