import "server-only";
// The printable programme and the door signs: the public programme (published and cancelled lärpass)
// arranged for paper. A grid per day (time slots as rows, rooms as columns), and per room and day the
// lärpass held there, by time.
import type { Event } from "@/db/schema";
import { getEventBySlug, getProgramme, type LarpassView, type SlotRef } from "@/lib/programme";
import { compareSv } from "@/lib/text";
import { utcToZoned } from "@/lib/time";

/** The column for lärpass with a time but no room yet. */
export const NO_ROOM = "Lokal meddelas senare";

export type PrintRow = { slot: SlotRef; cells: Record<string, LarpassView[]> };
/** Up to this many room columns a day fits an upright A4; a wider day is printed on a landscape sheet. */
export const PORTRAIT_MAX_ROOMS = 5;

export type PrintDay = { date: string; rooms: string[]; rows: PrintRow[]; landscape: boolean };
export type PrintableProgramme = {
  event: Event;
  lastUpdated: Date | null;
  days: PrintDay[];
  /** Public lärpass without a time yet, listed after the grid. */
  unscheduled: LarpassView[];
  all: LarpassView[];
};

export async function getPrintableProgramme({ eventSlug }: { eventSlug: string }): Promise<PrintableProgramme | null> {
  const event = await getEventBySlug({ slug: eventSlug });
  if (!event) return null;
  const { all, lastUpdated } = await getProgramme({ eventId: event.id });
  const byDate = new Map<string, LarpassView[]>();
  for (const l of all) {
    if (!l.slot) continue;
    const date = utcToZoned(l.slot.startsAt, event.timeZone).date;
    byDate.set(date, [...(byDate.get(date) ?? []), l]);
  }
  const days = [...byDate.keys()].sort().map((date) => {
    const list = byDate.get(date)!;
    const named = [...new Set(list.flatMap((l) => (l.room ? [l.room.name] : [])))].sort(compareSv);
    const rooms = list.some((l) => !l.room) ? [...named, NO_ROOM] : named;
    const slots = new Map<number, SlotRef>();
    for (const l of list) slots.set(l.slot!.id, l.slot!);
    const rows = [...slots.values()]
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id)
      .map((slot) => {
        const cells: Record<string, LarpassView[]> = {};
        for (const l of list.filter((x) => x.slot!.id === slot.id)) {
          const room = l.room?.name ?? NO_ROOM;
          (cells[room] ??= []).push(l);
        }
        return { slot, cells };
      });
    return { date, rooms, rows, landscape: rooms.length > PORTRAIT_MAX_ROOMS };
  });
  return { event, lastUpdated, days, unscheduled: all.filter((l) => !l.slot), all };
}

export type DoorSign = { room: string; date: string; larpass: LarpassView[] };

/** One sign per room and day, with the lärpass held there by time (lärpass without a room have no door). */
export function doorSigns(p: PrintableProgramme): DoorSign[] {
  return p.days.flatMap((day) =>
    day.rooms
      .filter((room) => room !== NO_ROOM)
      .map((room) => ({ room, date: day.date, larpass: day.rows.flatMap((r) => r.cells[room] ?? []) }))
      .filter((s) => s.larpass.length > 0),
  );
}
