"use client";

import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { useRef, useState, useTransition, type CSSProperties, type ReactNode } from "react";
import type { MovePlan } from "@/lib/admin/schedule";
import { moveAction, previewMoveAction } from "./actions";
import { gridCollisions, gridKeyboardCoordinates } from "./keyboard";
import { MoveForm, type Option } from "./move-form";
import { describePlan } from "./plan-text";
import type { LarpassStatus } from "@/lib/domain";

export type BoardLarpass = {
  id: number;
  title: string;
  status: LarpassStatus;
  timeSlotId: number | null;
  roomId: number | null;
  version: number;
  speakers: string;
  seats: string;
  overCapacity: boolean;
  conflicts: string[];
};
export type BoardSlot = { id: number; label: string; longLabel: string };
export type BoardDay = { id: number; heading: string; slots: BoardSlot[]; noRoomColumn: boolean };
export type BoardRoom = { id: number; name: string; capacity: number };

type Target = { timeSlotId: number | null; roomId: number | null; label: string };
type Pending = { larpass: BoardLarpass; target: Target; plan: MovePlan | null; version: number; error: string | null };

const UNSCHEDULED = "utan-tid";
const cellId = (slotId: number, roomId: number | null) => `cell-${slotId}-${roomId ?? "ingen"}`;
const statusLabels = { draft: "Utkast", cancelled: "Inställt", published: null } as const;

export function ScheduleBoard({
  eventId,
  days,
  rooms,
  larpass,
  slotOptions,
  roomOptions,
}: {
  eventId: number;
  days: BoardDay[];
  rooms: BoardRoom[];
  larpass: BoardLarpass[];
  slotOptions: Option[];
  roomOptions: Option[];
}) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: gridKeyboardCoordinates }),
  );
  const [dragging, setDragging] = useState<BoardLarpass | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();
  const dialog = useRef<HTMLDialogElement>(null);
  const byId = new Map(larpass.map((l) => [l.id, l]));
  const titleOf = (id: string | number) => byId.get(Number(String(id).replace("lp-", "")))?.title ?? "lärpasset";
  const targetLabel = (data: unknown) => (data as { label?: string } | undefined)?.label ?? "okänd plats";

  const announcements: Announcements = {
    onDragStart: ({ active }) => `Du har lyft ${titleOf(active.id)}. Flytta med piltangenterna, släpp med mellanslag, avbryt med Escape.`,
    onDragOver: ({ active, over }) =>
      over ? `${titleOf(active.id)} är över ${targetLabel(over.data.current)}.` : `${titleOf(active.id)} är inte över någon plats i schemat.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `${titleOf(active.id)} släpptes på ${targetLabel(over.data.current)}. Bekräfta flytten i dialogrutan.`
        : `${titleOf(active.id)} släpptes utanför schemat. Inget har flyttats.`,
    onDragCancel: ({ active }) => `Flytten avbröts. ${titleOf(active.id)} ligger kvar.`,
  };

  function onDragStart(e: DragStartEvent) {
    setError(null);
    setDragging(byId.get(Number(String(e.active.id).replace("lp-", ""))) ?? null);
  }

  function onDragEnd(e: DragEndEvent) {
    setDragging(null);
    const l = byId.get(Number(String(e.active.id).replace("lp-", "")));
    const data = e.over?.data.current as Target | undefined;
    if (!l || !data) return;
    if ((l.timeSlotId ?? null) === data.timeSlotId && (l.roomId ?? null) === data.roomId) return;
    const next: Pending = { larpass: l, target: data, plan: null, version: l.version, error: null };
    setPending(next);
    dialog.current?.showModal();
    startTransition(async () => {
      const res = await previewMoveAction(eventId, l.id, { timeSlotId: data.timeSlotId, roomId: data.roomId, version: l.version });
      setPending(res.ok ? { ...next, plan: res.plan, version: res.version } : { ...next, error: res.message });
    });
  }

  function cancel() {
    dialog.current?.close();
    setPending(null);
  }

  function confirm() {
    if (!pending?.plan) return;
    const { larpass: l, target, version } = pending;
    const form = new FormData();
    form.set("timeSlotId", target.timeSlotId == null ? "" : String(target.timeSlotId));
    form.set("roomId", target.roomId == null ? "" : String(target.roomId));
    form.set("version", String(version));
    form.set("confirm", "1");
    form.set("eventId", String(eventId));
    form.set("larpassId", String(l.id));
    dialog.current?.close();
    setPending(null);
    startTransition(async () => {
      // On success the action redirects (the page shows the result); otherwise it says why.
      const state = await moveAction({}, form);
      if (state?.errors) setError(Object.values(state.errors).filter(Boolean).join(" "));
    });
  }

  const card = (l: BoardLarpass) => <LarpassCard key={l.id} l={l} eventId={eventId} slots={slotOptions} rooms={roomOptions} />;
  const unscheduled = larpass.filter((l) => l.timeSlotId == null);

  return (
    <DndContext
      id="schema-dnd"
      sensors={sensors}
      collisionDetection={gridCollisions}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            "Tryck mellanslag eller Enter för att lyfta lärpasset. Flytta det med piltangenterna mellan tider och lokaler. Tryck mellanslag eller Enter igen för att släppa, eller Escape för att avbryta. Formuläret Flytta gör samma sak utan att dra.",
        },
      }}
    >
      <p className="inline-notice error" role="alert" hidden={!error}>
        {error ?? ""}
      </p>

      <section aria-labelledby="utan-tid-rubrik" className="unscheduled">
        <h2 id="utan-tid-rubrik">Utan tid</h2>
        <DropZone id={UNSCHEDULED} target={{ timeSlotId: null, roomId: null, label: "listan Utan tid" }} className="unscheduled-zone">
          {unscheduled.length === 0 ? <p className="muted">Alla lärpass har en tid. Dra hit ett lärpass för att ta bort dess tid.</p> : null}
          <ul className="grid-cards">
            {unscheduled.map((l) => (
              <li key={l.id}>{card(l)}</li>
            ))}
          </ul>
        </DropZone>
      </section>

      {days.map((day) => (
        <section key={day.id} aria-labelledby={`dag-${day.id}`} className="schedule-day">
          <h2 id={`dag-${day.id}`}>{day.heading}</h2>
          {day.slots.length === 0 ? (
            <p className="muted">Inga tider den här dagen.</p>
          ) : (
            <div className="table-wrap">
              <table className="schedule-grid" style={{ "--columns": rooms.length + (day.noRoomColumn ? 1 : 0) } as CSSProperties}>
                <caption className="visually-hidden">Schema {day.heading}: tider i rader, lokaler i kolumner</caption>
                <thead>
                  <tr>
                    <th scope="col">Tid</th>
                    {rooms.map((r) => (
                      <th key={r.id} scope="col">
                        {r.name} <span className="meta">({r.capacity} platser)</span>
                      </th>
                    ))}
                    {day.noRoomColumn ? <th scope="col">Ingen lokal</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {day.slots.map((slot) => {
                    const cols: (BoardRoom | null)[] = [...rooms, ...(day.noRoomColumn ? [null] : [])];
                    return (
                      <tr key={slot.id}>
                        <th scope="row">{slot.label}</th>
                        {cols.map((room) => {
                          const here = larpass.filter((l) => l.timeSlotId === slot.id && (l.roomId ?? null) === (room?.id ?? null));
                          return (
                            <td key={room?.id ?? "ingen"} className={here.length > 1 ? "crowded" : undefined}>
                              <DropZone
                                id={cellId(slot.id, room?.id ?? null)}
                                target={{ timeSlotId: slot.id, roomId: room?.id ?? null, label: `${slot.longLabel}, ${room?.name ?? "ingen lokal"}` }}
                                className="cell"
                              >
                                {here.map(card)}
                              </DropZone>
                            </td>
                          );
                        })}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}

      <DragOverlay dropAnimation={null}>{dragging ? <div className="grid-card dragging">{dragging.title}</div> : null}</DragOverlay>

      <dialog ref={dialog} className="move-dialog" aria-labelledby="flytt-rubrik" onCancel={() => setPending(null)}>
        {pending ? (
          <>
            <h2 id="flytt-rubrik">Flytta {pending.larpass.title}?</h2>
            <div aria-live="polite">
              {pending.error ? (
                <p className="inline-notice error">{pending.error}</p>
              ) : pending.plan ? (
                describePlan(pending.plan).map((line) => <p key={line}>{line}</p>)
              ) : (
                <p>Räknar ut vilka medlemmar som påverkas …</p>
              )}
            </div>
            <div className="actions">
              <button type="button" onClick={confirm} disabled={!pending.plan || busy}>
                Flytta
              </button>
              <button type="button" className="secondary" onClick={cancel}>
                Avbryt
              </button>
            </div>
          </>
        ) : null}
      </dialog>
    </DndContext>
  );
}

function DropZone({ id, target, className, children }: { id: string; target: Target; className: string; children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id, data: target });
  return (
    <div ref={setNodeRef} className={`${className}${isOver ? " over" : ""}`} data-drop={id}>
      {children}
    </div>
  );
}

function LarpassCard({ l, eventId, slots, rooms }: { l: BoardLarpass; eventId: number; slots: Option[]; rooms: Option[] }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: `lp-${l.id}`,
    attributes: { roleDescription: "flyttbart lärpass" },
  });
  const status = statusLabels[l.status];
  return (
    <article
      ref={setNodeRef}
      id={`lp-${l.id}`}
      className={`grid-card${l.conflicts.length ? " has-conflict" : ""}${l.status === "cancelled" ? " cancelled" : ""}${isDragging ? " is-dragging" : ""}`}
      aria-labelledby={`lp-${l.id}-titel`}
    >
      <div className="grid-card-head">
        <button type="button" ref={setActivatorNodeRef} className="drag-handle" {...attributes} {...listeners}>
          <span aria-hidden="true">⠿</span>
          <span className="visually-hidden">Dra {l.title}</span>
        </button>
        <h3 id={`lp-${l.id}-titel`}>{l.title}</h3>
      </div>
      {status ? <span className={`badge${l.status === "cancelled" ? " cancelled" : ""}`}>{status}</span> : null}
      {l.speakers ? <p className="meta">{l.speakers}</p> : null}
      <p className={`seats${l.overCapacity ? " full" : ""}`}>{l.seats}</p>
      {l.conflicts.length ? (
        <ul className="conflict-list" aria-label={`Konflikter för ${l.title}`}>
          {l.conflicts.map((c) => (
            <li key={c}>
              <span aria-hidden="true">⚠ </span>
              {c}
            </li>
          ))}
        </ul>
      ) : null}
      <MoveForm eventId={eventId} larpass={l} slots={slots} rooms={rooms} />
    </article>
  );
}
