"use client";

// Grouping answers into themes by drag and drop (mouse, touch or keyboard), on top of the page's plain
// "Flytta till tema" forms, which stay for use without JavaScript. A drop sends the same form the select
// does (the moderate action, passed in by the page), so the rules and the revision are the same.
import {
  closestCenter,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
} from "@dnd-kit/core";
import { createContext, useContext, useState, useSyncExternalStore, useTransition, type ReactNode } from "react";

type Zone = { themeId: number | null; label: string };
type Card = { answerId: number; themeId: number | null; label: string };

const zoneId = (themeId: number | null) => `tema-${themeId ?? "utan"}`;
const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** Up and down (or left and right) jump to the theme above or below, instead of 25 px steps. */
const themeKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const down = event.code === "ArrowDown" || event.code === "ArrowRight";
  const up = event.code === "ArrowUp" || event.code === "ArrowLeft";
  if (!down && !up) return undefined;
  event.preventDefault();
  const { collisionRect, droppableRects, droppableContainers, over } = context;
  if (!collisionRect) return undefined;
  const zones = droppableContainers
    .getEnabled()
    .map((c) => ({ id: c.id, rect: droppableRects.get(c.id) }))
    .filter((z): z is { id: typeof z.id; rect: NonNullable<typeof z.rect> } => Boolean(z.rect))
    .sort((a, b) => a.rect.top - b.rect.top);
  const at = zones.findIndex((z) => z.id === over?.id);
  const target = at < 0 ? (down ? zones[0] : zones.at(-1)) : zones[at + (down ? 1 : -1)];
  if (!target) return undefined;
  return {
    x: target.rect.left + target.rect.width / 2 - collisionRect.width / 2,
    y: target.rect.top + target.rect.height / 2 - collisionRect.height / 2,
  };
};

/** The mouse drops where the pointer is; the keyboard where the card's centre is. */
const collisions: CollisionDetection = (args) => (args.pointerCoordinates ? pointerWithin(args) : closestCenter(args));

const Ready = createContext(false);
const noSubscription = () => () => {};

export function ThemeDnd({
  action,
  eventId,
  questionId,
  children,
}: {
  action: (formData: FormData) => Promise<void>;
  eventId: number;
  questionId: number;
  children: ReactNode;
}) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor, { coordinateGetter: themeKeyboardCoordinates }));
  const [dragging, setDragging] = useState<Card | null>(null);
  const [status, setStatus] = useState("");
  const [busy, startTransition] = useTransition();
  // The handles appear only once the page runs script (false on the server and while hydrating): without
  // script, the select does the same.
  const ready = useSyncExternalStore(noSubscription, () => true, () => false);

  const card = (data: unknown) => data as Card | undefined;
  const zone = (data: unknown) => data as Zone | undefined;
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Du har lyft svaret ”${card(active.data.current)?.label}”. Flytta det mellan teman med piltangenterna, släpp med mellanslag, avbryt med Escape.`,
    onDragOver: ({ active, over }) =>
      over ? `Svaret ”${card(active.data.current)?.label}” är över ${zone(over.data.current)?.label}.` : `Svaret är inte över något tema.`,
    onDragEnd: ({ active, over }) =>
      over ? `Svaret ”${card(active.data.current)?.label}” släpptes på ${zone(over.data.current)?.label}.` : "Svaret släpptes utanför temana. Inget har flyttats.",
    onDragCancel: () => "Flytten avbröts. Svaret ligger kvar.",
  };

  function onDragEnd(e: DragEndEvent) {
    setDragging(null);
    const c = card(e.active.data.current);
    const z = zone(e.over?.data.current);
    if (!c || !z || c.themeId === z.themeId) return;
    const fd = new FormData();
    fd.set("eventId", String(eventId));
    fd.set("questionId", String(questionId));
    fd.set("answerId", String(c.answerId));
    fd.set("op", "theme");
    fd.set("themeId", z.themeId == null ? "" : String(z.themeId));
    setStatus(`Flyttar svaret till ${z.label} …`);
    // The action redirects back to this page with the answer in its new theme.
    startTransition(() => action(fd));
  }

  return (
    <Ready.Provider value={ready && !busy}>
      <DndContext
        id="tema-dnd"
        sensors={sensors}
        collisionDetection={collisions}
        onDragStart={(e) => setDragging(card(e.active.data.current) ?? null)}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(null)}
        accessibility={{
          announcements,
          screenReaderInstructions: {
            draggable:
              "Tryck mellanslag eller Enter för att lyfta svaret. Flytta det till ett annat tema med piltangenterna. Tryck mellanslag eller Enter igen för att släppa, eller Escape för att avbryta. Formuläret Flytta till tema gör samma sak utan att dra.",
          },
        }}
      >
        <p role="status" className="meta">
          {status}
        </p>
        {children}
        <DragOverlay dropAnimation={null}>{dragging ? <div className="grid-card dragging">{dragging.label}</div> : null}</DragOverlay>
      </DndContext>
    </Ready.Provider>
  );
}

/** A theme's answers (or "Utan tema"), a place to drop an answer. */
export function ThemeDropZone({ themeId, label, children }: { themeId: number | null; label: string; children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: zoneId(themeId), data: { themeId, label } satisfies Zone });
  return (
    <div ref={setNodeRef} className={`theme-zone${isOver ? " over" : ""}`} data-drop={zoneId(themeId)}>
      {children}
    </div>
  );
}

/** The handle an answer is dragged by (shown once the page runs script). */
export function AnswerDragHandle({ answerId, themeId, text }: { answerId: number; themeId: number | null; text: string }) {
  const ready = useContext(Ready);
  const label = short(text || "Ingen kommentar");
  const { attributes, listeners, setNodeRef } = useDraggable({
    id: `svar-${answerId}-drag`,
    data: { answerId, themeId, label } satisfies Card,
    attributes: { roleDescription: "flyttbart svar" },
    disabled: !ready,
  });
  if (!ready) return null;
  return (
    <button type="button" ref={setNodeRef} className="drag-handle" {...attributes} {...listeners}>
      <span aria-hidden="true">⠿</span>
      <span className="visually-hidden">Dra svaret {label}</span>
    </button>
  );
}
