import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { conflictKindLabels, conflictsByLarpass } from "@/lib/admin/conflicts";
import { getScheduleGrid } from "@/lib/admin/grid";
import { requirePageRole } from "@/lib/auth/page-guards";
import { formatDay, formatTimeRange, formatIsoDate } from "@/lib/time";
import { idParamSchema } from "@/lib/validation/schedule";
import { EventHeader } from "@/components/event-header";
import { ScheduleBoard, type BoardDay, type BoardLarpass } from "./schedule-board";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Schema" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function SchedulePage({ params, searchParams }: Props) {
  const { id } = await params;
  await requirePageRole("organiser", `/arrangor/evenemang/${id}/schema`);
  const eventId = idParamSchema.safeParse(id);
  if (!eventId.success) notFound();
  const grid = getScheduleGrid({ eventId: eventId.data });
  if (!grid) notFound();
  const { event, rooms, conflicts } = grid;
  const tz = event.timeZone;
  const query = await searchParams;

  const multiDay = grid.days.filter((d) => d.slots.length > 0).length > 1;
  const slotLabel = (s: { startsAt: Date; endsAt: Date }) => formatTimeRange(s.startsAt, s.endsAt, tz);
  const longLabel = (s: { startsAt: Date; endsAt: Date }) => `${formatDay(s.startsAt, tz)} ${slotLabel(s)}`;
  const byLarpass = conflictsByLarpass(conflicts);

  const days: BoardDay[] = grid.days.map((d) => ({
    id: d.id,
    heading: `${formatIsoDate(d.date)}${d.name ? ` – ${d.name}` : ""}`,
    slots: d.slots.map((s) => ({ id: s.id, label: slotLabel(s), longLabel: longLabel(s) })),
    noRoomColumn: grid.larpass.some((l) => l.roomId == null && d.slots.some((s) => s.id === l.timeSlotId)),
  }));
  const larpass: BoardLarpass[] = grid.larpass.map((l) => ({
    id: l.id,
    title: l.title,
    status: l.status,
    timeSlotId: l.timeSlotId,
    roomId: l.roomId,
    version: l.version,
    speakers: l.speakers.map((s) => s.name).join(", "),
    seats:
      l.capacity == null
        ? `${l.seats.confirmed} med plats${l.seats.waitlisted ? `, ${l.seats.waitlisted} i kö` : ""} (antal platser okänt)`
        : `${l.seats.confirmed} av ${l.capacity} platser${l.seats.waitlisted ? `, ${l.seats.waitlisted} i kö` : ""}`,
    overCapacity: l.capacity != null && l.seats.confirmed + l.seats.waitlisted > l.capacity,
    conflicts: (byLarpass.get(l.id) ?? []).map((c) => c.message),
  }));

  const movedId = idParamSchema.safeParse(query.flyttad);
  const moved = movedId.success ? grid.larpass.find((l) => l.id === movedId.data) : undefined;
  const movedTo = moved
    ? [
        moved.timeSlotId != null ? longLabel(grid.slots.find((s) => s.id === moved.timeSlotId)!) : "Utan tid",
        moved.roomId != null ? rooms.find((r) => r.id === moved.roomId)?.name : null,
      ]
        .filter(Boolean)
        .join(", ")
    : "";

  return (
    <>
      <EventHeader
        event={event}
        title="Schema"
        lead="Dra ett lärpass till en annan tid och lokal, eller använd formuläret Flytta på lärpasset. Medlemmar som valt det följer med när den nya tiden är ledig för dem; de andra släpps. Alla får mejl."
      />

      <div role="status" className="flash">
        {moved ? (
          <p className="inline-notice">
            {moved.title} är flyttat: {movedTo}.
          </p>
        ) : null}
      </div>

      <section aria-labelledby="konflikter-rubrik" className="conflicts">
        <h2 id="konflikter-rubrik">Konflikter</h2>
        <div role="status">
          {conflicts.length === 0 ? (
            <p>Inga konflikter i schemat.</p>
          ) : (
            <>
              <p className="conflict-summary">{conflicts.length === 1 ? "1 konflikt" : `${conflicts.length} konflikter`} i schemat:</p>
              <ul className="conflict-overview">
                {conflicts.map((c) => (
                  <li key={`${c.kind}-${c.larpassIds.join("-")}-${c.message}`}>
                    <strong>{conflictKindLabels[c.kind]}:</strong> {c.message}{" "}
                    <a href={`#lp-${c.larpassIds[0]}`}>
                      Visa<span className="visually-hidden"> {grid.larpass.find((l) => l.id === c.larpassIds[0])?.title}</span> i schemat
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </section>

      {rooms.length === 0 && grid.slots.length === 0 ? (
        <p className="notice">Evenemanget har inga tider eller lokaler ännu.</p>
      ) : null}

      <ScheduleBoard
        eventId={event.id}
        days={days}
        rooms={rooms}
        larpass={larpass}
        slotOptions={grid.slots.map((s) => ({ id: s.id, label: multiDay ? longLabel(s) : slotLabel(s) }))}
        roomOptions={rooms.map((r) => ({ id: r.id, label: `${r.name} (${r.capacity} platser)` }))}
      />
    </>
  );
}
