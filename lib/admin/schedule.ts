// Moving a lärpass in the schedule (another time slot and/or room). Members who chose it move with it
// when the new time is free for them; otherwise their choice is released. Everyone affected gets a mail.
import { eq, inArray } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { events, larpass, registrations, rooms, timeSlots } from "@/db/schema";
import { recordChange } from "@/lib/changes";
import { sendPending, type PendingMail } from "@/lib/mail";
import { overlappingChoices, promoteWaitlist } from "@/lib/registrations";
import { recordRevision, snapshotLarpass, type RevisionAuthor } from "@/lib/revisions";
import { siteUrl } from "@/lib/site-url";
import { formatDay, formatTimeRange } from "@/lib/time";
import { effectiveCapacity } from "@/lib/capacity";

type Tx = Pick<DB, "select" | "insert" | "update" | "delete">;

export type MoveTarget = { timeSlotId: number | null; roomId: number | null };

export type MovePlan = {
  larpassId: number;
  title: string;
  from: { slot: string | null; room: string | null };
  to: { slot: string | null; room: string | null };
  /** Members with a seat or queue place that follow the lärpass to the new time. */
  follow: number;
  /** Members whose choice is released because the new time collides with another choice (or there is no time). */
  released: number;
  seatsAfter: number | null;
  confirmed: number;
  /** Seats still taken after the move (the confirmed members who follow). */
  confirmedAfter: number;
  timeChanged: boolean;
  roomChanged: boolean;
};

export type MoveResult =
  | { ok: true; plan: MovePlan; version: number }
  | { ok: false; reason: "not_found" | "stale" | "invalid"; message: string };

function slotLabel(slot: { startsAt: Date; endsAt: Date } | null | undefined, timeZone: string): string | null {
  return slot ? `${formatDay(slot.startsAt, timeZone)} ${formatTimeRange(slot.startsAt, slot.endsAt, timeZone)}` : null;
}

type Analysis = {
  plan: MovePlan;
  follow: { id: number; userId: string }[];
  release: { id: number; userId: string; status: string; collidesWith: string | null }[];
  newSlot: { id: number; startsAt: Date; endsAt: Date } | null;
  timeChanged: boolean;
  roomChanged: boolean;
  version: number;
  timeZone: string;
};

function analyse(tx: Tx, larpassId: number, target: MoveTarget, eventId?: number): Analysis | { error: MoveResult & { ok: false } } {
  const row = tx
    .select({ l: larpass, timeZone: events.timeZone })
    .from(larpass)
    .innerJoin(events, eq(events.id, larpass.eventId))
    .where(eq(larpass.id, larpassId))
    .get();
  if (!row || (eventId !== undefined && row.l.eventId !== eventId)) {
    return { error: { ok: false, reason: "not_found", message: "Lärpasset finns inte." } };
  }
  const { l, timeZone } = row;
  const oldSlot = l.timeSlotId ? tx.select().from(timeSlots).where(eq(timeSlots.id, l.timeSlotId)).get() : null;
  const newSlot = target.timeSlotId ? tx.select().from(timeSlots).where(eq(timeSlots.id, target.timeSlotId)).get() : null;
  const oldRoom = l.roomId ? tx.select().from(rooms).where(eq(rooms.id, l.roomId)).get() : null;
  const newRoom = target.roomId ? tx.select().from(rooms).where(eq(rooms.id, target.roomId)).get() : null;
  if ((target.timeSlotId && (!newSlot || newSlot.eventId !== l.eventId)) || (target.roomId && (!newRoom || newRoom.eventId !== l.eventId))) {
    return { error: { ok: false, reason: "invalid", message: "Tiden eller lokalen hör inte till det här evenemanget." } };
  }
  const regs = tx.select().from(registrations).where(eq(registrations.larpassId, larpassId)).all();
  const timeChanged = (l.timeSlotId ?? null) !== (target.timeSlotId ?? null);
  const follow: Analysis["follow"] = [];
  const release: Analysis["release"] = [];
  if (!timeChanged) {
    follow.push(...regs.map((r) => ({ id: r.id, userId: r.userId })));
  } else if (!newSlot) {
    release.push(...regs.map((r) => ({ id: r.id, userId: r.userId, status: r.status, collidesWith: null })));
  } else {
    // The members' other choices at the new time (same status counts: a seat collides with a seat,
    // a queue place with a queue place, as the sign-up rules allow one of each per time).
    const others = overlappingChoices(tx, {
      userIds: regs.map((r) => r.userId),
      startsAt: newSlot.startsAt,
      endsAt: newSlot.endsAt,
      exceptLarpassId: larpassId,
    });
    for (const r of regs) {
      const clash = others.find((o) => o.userId === r.userId && o.status === r.status);
      if (clash) release.push({ id: r.id, userId: r.userId, status: r.status, collidesWith: clash.title });
      else follow.push({ id: r.id, userId: r.userId });
    }
  }
  const capacity = effectiveCapacity(l.capacity, newRoom?.capacity);
  const roomChanged = (l.roomId ?? null) !== (target.roomId ?? null);
  const confirmed = regs.filter((r) => r.status === "confirmed").length;
  return {
    plan: {
      larpassId,
      title: l.title,
      from: { slot: slotLabel(oldSlot, timeZone), room: oldRoom?.name ?? null },
      to: { slot: slotLabel(newSlot, timeZone), room: newRoom?.name ?? null },
      follow: follow.length,
      released: release.length,
      seatsAfter: capacity,
      confirmed,
      confirmedAfter: confirmed - release.filter((r) => r.status === "confirmed").length,
      timeChanged,
      roomChanged,
    },
    follow,
    release,
    newSlot: newSlot ?? null,
    timeChanged,
    roomChanged,
    version: l.version,
    timeZone,
  };
}

/** What a move would do, for the organiser to confirm: nothing is written. */
export function previewMove({
  larpassId,
  target,
  eventId,
  database = defaultDb,
}: {
  larpassId: number;
  target: MoveTarget;
  eventId?: number;
  database?: DB;
}): MoveResult {
  const a = analyse(database, larpassId, target, eventId);
  if ("error" in a) return a.error;
  return { ok: true, plan: a.plan, version: a.version };
}

/**
 * The rule for asking first: a change that affects members (they follow the lärpass to a new time or room,
 * or lose their choice) is shown to the organiser with the counts before anything is written. Moves in the
 * schedule and a time slot's new time (lib/admin/events.ts updateSlot) both ask by it.
 */
export function needsConfirmation(affectedMembers: number, confirmed: boolean): boolean {
  return affectedMembers > 0 && !confirmed;
}

export const moveMessages = {
  notFound: "Lärpasset finns inte i det här evenemanget.",
  stale: "Lärpasset har ändrats av någon annan sedan du öppnade sidan. Ladda om och försök igen.",
  unchanged: "Lärpasset är redan där. Välj en annan tid eller lokal.",
  suggestionStale: "Schemat har ändrats sedan du öppnade sidan. Ladda om och titta på förslaget igen.",
  suggestionGone: "Ett av lärpassen finns inte längre. Ladda om sidan.",
} as const;

export type MoveCheck = { ok: true; plan: MovePlan; version: number; ask: boolean } | { ok: false; message: string };

/**
 * An organiser's move checked before anything is written: the lärpass belongs to the event, and the view it
 * was planned on is not stale (`expectedVersion`). For the move form (`confirmed` given) a move to where the
 * lärpass already is is refused, and `ask` says whether to show the plan first; the drag-and-drop preview
 * leaves `confirmed` out and only wants the plan.
 */
export function checkMove({
  larpassId,
  target,
  eventId,
  expectedVersion,
  confirmed,
  database = defaultDb,
}: {
  larpassId: number;
  target: MoveTarget;
  eventId: number;
  expectedVersion: number;
  confirmed?: boolean;
  database?: DB;
}): MoveCheck {
  const preview = previewMove({ larpassId, target, eventId, database });
  if (!preview.ok) return { ok: false, message: preview.reason === "not_found" ? moveMessages.notFound : preview.message };
  if (preview.version !== expectedVersion) return { ok: false, message: moveMessages.stale };
  const { plan } = preview;
  if (confirmed === undefined) return { ok: true, plan, version: preview.version, ask: false };
  if (!plan.timeChanged && !plan.roomChanged) return { ok: false, message: moveMessages.unchanged };
  return { ok: true, plan, version: preview.version, ask: needsConfirmation(plan.follow + plan.released, confirmed) };
}

export type RoomMovesPreview = { ok: true; members: number; larpass: number; overfull: string[] } | { ok: false; message: string };

/**
 * A room suggestion for one time slot, before it is applied: every lärpass must still be where the page
 * showed it (same version, same time), and the answer sums the members affected (all follow: only rooms
 * change) and names the lärpass that would be over a smaller room's seats.
 */
export function previewRoomMoves({ moves, eventId, database = defaultDb }: { moves: Required<MoveRequest>[]; eventId: number; database?: DB }): RoomMovesPreview {
  let members = 0;
  const overfull: string[] = [];
  for (const r of moves) {
    const p = previewMove({ larpassId: r.larpassId, target: r.target, eventId, database });
    if (!p.ok) return { ok: false, message: p.reason === "not_found" ? moveMessages.suggestionGone : p.message };
    if (p.version !== r.expectedVersion || p.plan.timeChanged) return { ok: false, message: moveMessages.suggestionStale };
    members += p.plan.follow + p.plan.released;
    if (p.plan.seatsAfter != null && p.plan.confirmedAfter > p.plan.seatsAfter) {
      overfull.push(`${p.plan.title}: ${p.plan.confirmedAfter} har plats, ${p.plan.to.room} rymmer ${p.plan.seatsAfter}`);
    }
  }
  return { ok: true, members, larpass: moves.length, overfull };
}

export type MoveRequest = { larpassId: number; target: MoveTarget; expectedVersion?: number };

export type MoveManyResult =
  | { ok: true; plans: MovePlan[]; versions: number[] }
  | { ok: false; larpassId: number; reason: "not_found" | "stale" | "invalid"; message: string };

const staleMessage = moveMessages.stale;

/** Thrown inside the transaction to roll every move of a batch back when one of them is refused. */
class MoveRefused extends Error {
  constructor(readonly result: MoveResult & { ok: false }, readonly larpassId: number) {
    super(result.message);
  }
}

/**
 * One move inside the caller's transaction; the mails to send after the commit are pushed to `mails`.
 * Exported for edits that move a lärpass along with other changes in one transaction (lib/admin/larpass.ts,
 * deleting a time slot or a room in lib/admin/events.ts); call sendPending() and promoteWaitlist() after the commit.
 * With `author` the move is recorded as a revision of its own; an edit that moves as part of a bigger save
 * (updateLarpass) leaves it out and records the whole save as one revision.
 */
export function applyMove(
  tx: Tx,
  move: MoveRequest,
  eventId: number | undefined,
  mails: PendingMail[],
  author?: RevisionAuthor,
): MoveResult & { promote: boolean } {
  const { larpassId, target, expectedVersion } = move;
  const a = analyse(tx, larpassId, target, eventId);
  if ("error" in a) return { ...a.error, promote: false };
  if (expectedVersion !== undefined && expectedVersion !== a.version) {
    return { ok: false, reason: "stale", message: staleMessage, promote: false };
  }
  if (!a.timeChanged && !a.roomChanged) return { ok: true, plan: a.plan, version: a.version, promote: false };
  const before = author ? snapshotLarpass(tx, larpassId) : null;
  if (a.release.length) tx.delete(registrations).where(inArray(registrations.id, a.release.map((r) => r.id))).run();
  if (a.follow.length && a.timeChanged) {
    tx.update(registrations)
      .set({ timeSlotId: target.timeSlotId })
      .where(inArray(registrations.id, a.follow.map((r) => r.id)))
      .run();
  }
  tx.update(larpass)
    .set({ timeSlotId: target.timeSlotId, roomId: target.roomId, version: a.version + 1, updatedAt: new Date() })
    .where(eq(larpass.id, larpassId))
    .run();
  if (author) recordRevision(tx, { entity: "larpass", id: larpassId, version: a.version + 1, author, before, after: snapshotLarpass(tx, larpassId)! });
  if (a.timeChanged) recordChange(tx, { larpassId, kind: "time", before: a.plan.from.slot, after: a.plan.to.slot });
  if (a.roomChanged) recordChange(tx, { larpassId, kind: "room", before: a.plan.from.room, after: a.plan.to.room });

  const { title } = a.plan;
  const where = [a.plan.to.slot ?? "tid meddelas senare", a.plan.to.room].filter(Boolean).join(", ");
  for (const r of a.follow) {
    mails.push({
      userId: r.userId,
      movedTo: where,
      build: (email) => ({
        to: email,
        subject: `Ändrat: ${title}`,
        text: `Hej!\n\nLärpasset "${title}" som du har valt har flyttats. Ny tid och plats: ${where}.\nDitt val följer med, du behöver inte göra något.\n\nMitt program: ${siteUrl()}/mitt-program`,
      }),
    });
  }
  for (const r of a.release) {
    mails.push({
      userId: r.userId,
      build: (email) => ({
        to: email,
        subject: `Ditt val är släppt: ${title}`,
        text:
          `Hej!\n\nLärpasset "${title}" har flyttats (${where}). ` +
          (r.collidesWith
            ? `Den nya tiden krockar med "${r.collidesWith}" som du redan har valt, så din ${r.status === "confirmed" ? "plats" : "köplats"} på "${title}" är släppt.`
            : `Det har ingen tid just nu, så din ${r.status === "confirmed" ? "plats" : "köplats"} är släppt.`) +
          `\nVill du hellre gå på "${title}" kan du välja om i programmet.\n\nMitt program: ${siteUrl()}/mitt-program`,
      }),
    });
  }
  // With no known capacity (no room and no own number) the queue would be read as "unlimited" and
  // everyone in it seated: only a known number of seats is handed out.
  return { ok: true, plan: a.plan, version: a.version + 1, promote: a.plan.seatsAfter != null };
}

/**
 * Moves a lärpass. With `expectedVersion`, a move based on a stale view (someone else changed the
 * lärpass since) is refused. With `eventId`, a lärpass of another event is "not found". One transaction;
 * mails after the commit.
 */
export async function moveLarpass({
  larpassId,
  target,
  expectedVersion,
  eventId,
  author,
  database = defaultDb,
}: {
  larpassId: number;
  target: MoveTarget;
  expectedVersion?: number;
  eventId?: number;
  /** Who moves it, for the revision history. */
  author: RevisionAuthor;
  database?: DB;
}): Promise<MoveResult> {
  const result = await moveLarpasses({ moves: [{ larpassId, target, expectedVersion }], eventId, author, database });
  if (!result.ok) return { ok: false, reason: result.reason, message: result.message };
  return { ok: true, plan: result.plans[0], version: result.versions[0] };
}

/**
 * Several moves as one: all of them or none (a stale or invalid one rolls the others back). Used to
 * apply a room suggestion for a whole time slot.
 */
export async function moveLarpasses({
  moves,
  eventId,
  author,
  database = defaultDb,
}: {
  moves: MoveRequest[];
  eventId?: number;
  /** Who moves them: each moved lärpass gets a revision. */
  author: RevisionAuthor;
  database?: DB;
}): Promise<MoveManyResult> {
  const mails: PendingMail[] = [];
  const promote: number[] = [];
  const plans: MovePlan[] = [];
  const versions: number[] = [];
  try {
    database.transaction(
      (tx) => {
        for (const move of moves) {
          const r = applyMove(tx, move, eventId, mails, author);
          if (!r.ok) throw new MoveRefused(r, move.larpassId);
          if (r.promote) promote.push(move.larpassId);
          plans.push(r.plan);
          versions.push(r.version);
        }
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (error instanceof MoveRefused && !error.result.ok) {
      return { ok: false, larpassId: error.larpassId, reason: error.result.reason, message: error.result.message };
    }
    throw error;
  }
  await sendPending(mails, database);
  // A bigger room (or seats freed by released members) goes to the queue at once.
  for (const id of promote) await promoteWaitlist({ larpassId: id, database });
  return { ok: true, plans, versions };
}
