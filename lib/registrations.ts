// Sign-up rules. Every change is one BEGIN IMMEDIATE transaction, so two server processes on the same
// file never interleave; mails go out after the commit. Used by server actions, route handlers and the
// benchmark, so no "server-only" here.
import { promotionReleasedLine } from "./phrases";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { events, larpass, registrations, rooms, timeSlots, type Event } from "@/db/schema";
import { sendPending, type PendingMail, withQueuedMails } from "./mail";
import { siteUrl } from "./site-url";
import type { RegistrationStatus } from "./domain";
import { formatDateTime, formatDay, formatTimeRange } from "./time";
import { effectiveCapacitySql } from "@/lib/capacity";

type Tx = Pick<DB, "select" | "insert" | "update" | "delete">;

export type SignupWindow =
  | { state: "open"; closesAt: Date | null }
  | { state: "not_open"; opensAt: Date | null }
  | { state: "closed"; closedAt: Date };

export function signupWindow(event: Pick<Event, "signupOpensAt" | "signupClosesAt">, now = new Date()): SignupWindow {
  if (!event.signupOpensAt || now < event.signupOpensAt) return { state: "not_open", opensAt: event.signupOpensAt };
  if (event.signupClosesAt && now >= event.signupClosesAt) return { state: "closed", closedAt: event.signupClosesAt };
  return { state: "open", closesAt: event.signupClosesAt };
}

export function describeWindow(w: SignupWindow, timeZone: string): string {
  if (w.state === "open")
    return w.closesAt ? `Anmälan är öppen till ${formatDateTime(w.closesAt, timeZone)}.` : "Anmälan är öppen.";
  if (w.state === "not_open")
    return w.opensAt ? `Anmälan öppnar ${formatDateTime(w.opensAt, timeZone)}.` : "Anmälan har inte öppnat ännu.";
  return `Anmälan stängde ${formatDateTime(w.closedAt, timeZone)}.`;
}

export type RefusalReason =
  | "not_found"
  | "cancelled"
  | "unscheduled"
  | "not_open"
  | "closed"
  | "full"
  | "not_registered";

export type ChooseOutcome =
  | { ok: true; status: "confirmed"; alreadyHad: boolean; released: { id: number; title: string }[] }
  | { ok: true; status: "waitlisted"; position: number; keptSeat: { id: number; title: string } | null }
  | { ok: false; reason: RefusalReason; message: string; window?: SignupWindow };

export type LeaveOutcome = { ok: true; was: RegistrationStatus } | { ok: false; reason: RefusalReason; message: string };

const refusalMessages: Record<RefusalReason, string> = {
  not_found: "Lärpasset finns inte.",
  cancelled: "Lärpasset är inställt.",
  unscheduled: "Lärpasset har ingen tid ännu, så det går inte att välja.",
  not_open: "Anmälan har inte öppnat ännu.",
  closed: "Anmälan har stängt.",
  full: "Lärpasset är fullt. Du kan ställa dig i kö.",
  not_registered: "Du är inte anmäld till det här lärpasset.",
};

export function refusalMessage(reason: string): string {
  return refusalMessages[reason as RefusalReason] ?? "Det gick inte att genomföra valet.";
}

function refuse(reason: RefusalReason, message = refusalMessages[reason], window?: SignupWindow) {
  return { ok: false as const, reason, message, ...(window ? { window } : {}) };
}

type Target = {
  id: number;
  title: string;
  status: string;
  eventPublished: boolean;
  event: Pick<Event, "signupOpensAt" | "signupClosesAt" | "timeZone" | "slug">;
  slotId: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
  capacity: number | null;
};

function loadTarget(tx: Tx, larpassId: number): Target | null {
  const row = tx
    .select({
      id: larpass.id,
      title: larpass.title,
      status: larpass.status,
      eventPublished: events.published,
      signupOpensAt: events.signupOpensAt,
      signupClosesAt: events.signupClosesAt,
      timeZone: events.timeZone,
      eventSlug: events.slug,
      slotId: timeSlots.id,
      startsAt: timeSlots.startsAt,
      endsAt: timeSlots.endsAt,
      capacity: effectiveCapacitySql,
    })
    .from(larpass)
    .innerJoin(events, eq(events.id, larpass.eventId))
    .leftJoin(timeSlots, eq(timeSlots.id, larpass.timeSlotId))
    .leftJoin(rooms, eq(rooms.id, larpass.roomId))
    .where(eq(larpass.id, larpassId))
    .get();
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    eventPublished: row.eventPublished,
    event: { signupOpensAt: row.signupOpensAt, signupClosesAt: row.signupClosesAt, timeZone: row.timeZone, slug: row.eventSlug },
    slotId: row.slotId,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    capacity: row.capacity,
  };
}

function confirmedCount(tx: Tx, larpassId: number): number {
  return tx
    .select({ n: sql<number>`count(*)` })
    .from(registrations)
    .where(and(eq(registrations.larpassId, larpassId), eq(registrations.status, "confirmed")))
    .get()!.n;
}

/**
 * Members' choices (seats and queue places, with their lärpass) whose time overlaps [startsAt, endsAt):
 * the sign-up rules' "one per time" check, and what an organiser's move or changed time slot collides
 * with (lib/admin/schedule.ts, lib/admin/events.ts). One query however many members.
 */
export function overlappingChoices(
  tx: Pick<DB, "select">,
  {
    userIds,
    startsAt,
    endsAt,
    status,
    exceptLarpassId,
    exceptSlotId,
  }: {
    userIds: string[];
    startsAt: Date;
    endsAt: Date;
    status?: RegistrationStatus;
    /** Leave out the choices of this lärpass (the one being moved). */
    exceptLarpassId?: number;
    /** Leave out the lärpass in this slot (the slot whose time changes). */
    exceptSlotId?: number;
  },
) {
  if (userIds.length === 0) return [];
  return tx
    .select({
      id: registrations.id,
      userId: registrations.userId,
      larpassId: registrations.larpassId,
      status: registrations.status,
      title: larpass.title,
    })
    .from(registrations)
    .innerJoin(larpass, eq(larpass.id, registrations.larpassId))
    .innerJoin(timeSlots, eq(timeSlots.id, larpass.timeSlotId))
    .where(
      and(
        userIds.length === 1 ? eq(registrations.userId, userIds[0]) : inArray(registrations.userId, userIds),
        status ? eq(registrations.status, status) : undefined,
        exceptLarpassId !== undefined ? ne(registrations.larpassId, exceptLarpassId) : undefined,
        exceptSlotId !== undefined ? ne(timeSlots.id, exceptSlotId) : undefined,
        sql`${timeSlots.startsAt} < ${endsAt.getTime()}`,
        sql`${timeSlots.endsAt} > ${startsAt.getTime()}`,
      ),
    )
    .all();
}

/** The user's registrations with the status whose time overlaps [startsAt, endsAt). */
function overlapping(tx: Tx, userId: string, startsAt: Date, endsAt: Date, status: RegistrationStatus) {
  return overlappingChoices(tx, { userIds: [userId], startsAt, endsAt, status });
}

export function waitlistPosition(tx: Tx, registrationId: number): number {
  const own = tx.select().from(registrations).where(eq(registrations.id, registrationId)).get();
  if (!own || own.status !== "waitlisted") return 0;
  return tx
    .select({ n: sql<number>`count(*)` })
    .from(registrations)
    .where(
      and(
        eq(registrations.larpassId, own.larpassId),
        eq(registrations.status, "waitlisted"),
        sql`(${registrations.queuedAt} < ${own.queuedAt.getTime()} OR (${registrations.queuedAt} = ${own.queuedAt.getTime()} AND ${registrations.id} <= ${own.id}))`,
      ),
    )
    .get()!.n;
}

/**
 * Gives free seats of a lärpass to the first on its waitlist, in order. A promoted member's seat in
 * another lärpass at the same time is released (they asked to be moved), which frees a seat there in
 * turn: the queue handles that cascade within the same transaction.
 */
export function fillFreeSeats(tx: Tx, startLarpassId: number, notices: PendingMail[]): void {
  const queue = [startLarpassId];
  while (queue.length > 0) {
    const larpassId = queue.shift()!;
    const target = loadTarget(tx, larpassId);
    if (!target || target.status !== "published" || !target.startsAt || !target.endsAt) continue;
    let free = target.capacity == null ? Infinity : target.capacity - confirmedCount(tx, larpassId);
    while (free > 0) {
      const next = tx
        .select()
        .from(registrations)
        .where(and(eq(registrations.larpassId, larpassId), eq(registrations.status, "waitlisted")))
        .orderBy(asc(registrations.queuedAt), asc(registrations.id))
        .limit(1)
        .get();
      if (!next) break;
      const released = overlapping(tx, next.userId, target.startsAt, target.endsAt, "confirmed").filter(
        (r) => r.larpassId !== larpassId,
      );
      if (released.length) {
        tx.delete(registrations).where(inArray(registrations.id, released.map((r) => r.id))).run();
        queue.push(...released.map((r) => r.larpassId));
      }
      tx.update(registrations)
        .set({ status: "confirmed", confirmedAt: new Date(), timeSlotId: target.slotId })
        .where(eq(registrations.id, next.id))
        .run();
      free--;
      const when = `${formatDay(target.startsAt, target.event.timeZone)} ${formatTimeRange(target.startsAt, target.endsAt, target.event.timeZone)}`;
      notices.push({
        userId: next.userId,
        build: (email) => ({
          to: email,
          subject: `Du har fått en plats: ${target.title}`,
          text: [
            `Hej!`,
            ``,
            `En plats blev ledig och du har nu en plats på lärpasset "${target.title}" (${when}).`,
            released.length ? promotionReleasedLine(released.map((r) => r.title)) : null,
            ``,
            `Ditt program: ${siteUrl()}/mitt-program`,
            `Kan du inte komma? Lämna platsen i Mitt program, så går den till nästa i kön.`,
          ]
            .filter((l) => l !== null)
            .join("\n"),
        }),
      });
    }
  }
}



/**
 * A member chooses a lärpass. A free seat is taken at once, releasing the member's seat in any lärpass
 * at an overlapping time (a move: both or neither). A full lärpass is refused unless `waitlist` is set:
 * then the member joins its queue and keeps any seat they have at that time until a seat frees up here.
 */
export async function chooseLarpass({
  userId,
  larpassId,
  waitlist = false,
  now: givenNow,
  database = defaultDb,
}: {
  userId: string;
  larpassId: number;
  waitlist?: boolean;
  now?: Date;
  database?: DB;
}): Promise<ChooseOutcome> {
  const notices: PendingMail[] = [];
  const outcome = database.transaction(
    withQueuedMails(notices, (tx): ChooseOutcome => {
      // The clock is read inside the write lock: another process may hold it for a while, and a time
      // taken before waiting would put this member ahead of people already told their queue place.
      const now = givenNow ?? new Date();
      const target = loadTarget(tx, larpassId);
      if (!target || !target.eventPublished || target.status === "draft") return refuse("not_found");
      if (target.status === "cancelled") return refuse("cancelled");
      if (!target.slotId || !target.startsAt || !target.endsAt) return refuse("unscheduled");
      const window = signupWindow(target.event, now);
      if (window.state !== "open") return refuse(window.state, describeWindow(window, target.event.timeZone), window);

      const mine = tx
        .select()
        .from(registrations)
        .where(and(eq(registrations.larpassId, larpassId), eq(registrations.userId, userId)))
        .get();
      if (mine?.status === "confirmed") return { ok: true, status: "confirmed", alreadyHad: true, released: [] };

      const hasSeat = target.capacity == null || confirmedCount(tx, larpassId) < target.capacity;
      if (hasSeat) {
        const released = overlapping(tx, userId, target.startsAt, target.endsAt, "confirmed");
        if (released.length) tx.delete(registrations).where(inArray(registrations.id, released.map((r) => r.id))).run();
        if (mine) {
          tx.update(registrations)
            .set({ status: "confirmed", confirmedAt: now, timeSlotId: target.slotId })
            .where(eq(registrations.id, mine.id))
            .run();
        } else {
          tx.insert(registrations)
            .values({ larpassId, userId, timeSlotId: target.slotId, status: "confirmed", queuedAt: now, confirmedAt: now })
            .run();
        }
        for (const r of released) fillFreeSeats(tx, r.larpassId, notices);
        return { ok: true, status: "confirmed", alreadyHad: false, released: released.map((r) => ({ id: r.larpassId, title: r.title })) };
      }

      if (!waitlist) return refuse("full");
      if (!mine) {
        // One waitlist place per time: joining another queue at the same time leaves the old one.
        const otherQueues = overlapping(tx, userId, target.startsAt, target.endsAt, "waitlisted");
        if (otherQueues.length) tx.delete(registrations).where(inArray(registrations.id, otherQueues.map((r) => r.id))).run();
        tx.insert(registrations)
          .values({ larpassId, userId, timeSlotId: target.slotId, status: "waitlisted", queuedAt: now })
          .run();
      }
      const reg = tx
        .select({ id: registrations.id })
        .from(registrations)
        .where(and(eq(registrations.larpassId, larpassId), eq(registrations.userId, userId)))
        .get()!;
      const [seat] = overlapping(tx, userId, target.startsAt, target.endsAt, "confirmed");
      return {
        ok: true,
        status: "waitlisted",
        position: waitlistPosition(tx, reg.id),
        keptSeat: seat ? { id: seat.larpassId, title: seat.title } : null,
      };
    }),
    { behavior: "immediate" },
  );
  await sendPending(notices, database);
  return outcome;
}

/**
 * A member leaves a lärpass (seat or queue place); a freed seat goes to the first in the queue.
 * Leaving is allowed also after sign-up has closed: a seat given back is better than an empty chair.
 */
export async function leaveLarpass({
  userId,
  larpassId,
  now: _now, // leaving ignores the window; callers pass the clock like everywhere else
  database = defaultDb,
}: {
  userId: string;
  larpassId: number;
  now?: Date;
  database?: DB;
}): Promise<LeaveOutcome> {
  const notices: PendingMail[] = [];
  const outcome = database.transaction(
    withQueuedMails(notices, (tx): LeaveOutcome => {
      const mine = tx
        .select()
        .from(registrations)
        .where(and(eq(registrations.larpassId, larpassId), eq(registrations.userId, userId)))
        .get();
      if (!mine) return refuse("not_registered");
      tx.delete(registrations).where(eq(registrations.id, mine.id)).run();
      if (mine.status === "confirmed") fillFreeSeats(tx, larpassId, notices);
      return { ok: true, was: mine.status };
    }),
    { behavior: "immediate" },
  );
  await sendPending(notices, database);
  return outcome;
}

/** Re-runs the queue after capacity grew or a room changed (organiser edits). */
export async function promoteWaitlist({ larpassId, database = defaultDb }: { larpassId: number; database?: DB }) {
  const notices: PendingMail[] = [];
  database.transaction(withQueuedMails(notices, (tx) => fillFreeSeats(tx, larpassId, notices)), { behavior: "immediate" });
  await sendPending(notices, database);
  return notices.length;
}

/** Cancels a lärpass: every seat and queue place is released and each member is told by mail. */
export async function cancelLarpass({ larpassId, database = defaultDb }: { larpassId: number; database?: DB }) {
  const notices: PendingMail[] = [];
  const affected = database.transaction(withQueuedMails(notices, (tx) => cancelInTransaction(tx, larpassId, notices)), { behavior: "immediate" });
  await sendPending(notices, database);
  return affected;
}

/**
 * The cancellation inside the caller's transaction (an organiser's save that also edits the lärpass,
 * lib/admin/larpass.ts): returns how many members lost a seat or queue place; their mails go to
 * `notices`, to be sent with sendPending() after the commit.
 */
export function cancelInTransaction(tx: Tx, larpassId: number, notices: PendingMail[]): number {
  const target = loadTarget(tx, larpassId);
  if (!target) return 0;
  const regs = tx.select().from(registrations).where(eq(registrations.larpassId, larpassId)).all();
  tx.update(larpass)
    .set({ status: "cancelled", updatedAt: new Date(), version: sql`${larpass.version} + 1` })
    .where(eq(larpass.id, larpassId))
    .run();
  tx.delete(registrations).where(eq(registrations.larpassId, larpassId)).run();
  for (const r of regs) {
    notices.push({
      userId: r.userId,
      build: (email) => ({
        to: email,
        subject: `Inställt: ${target.title}`,
        text: [
          `Hej!`,
          ``,
          `Lärpasset "${target.title}" är tyvärr inställt. Din ${r.status === "confirmed" ? "plats" : "plats i kön"} är borttagen.`,
          `Välj gärna ett annat lärpass vid samma tid: ${siteUrl()}/mitt-program`,
        ].join("\n"),
      }),
    });
  }
  return regs.length;
}


export type SeatInfo = { confirmed: number; waitlisted: number; capacity: number | null; left: number | null };

/** Seat counts for many lärpass in one query. */
export function getSeatCounts({
  larpassIds,
  database = defaultDb,
}: {
  larpassIds: number[];
  database?: DB;
}): Map<number, { confirmed: number; waitlisted: number }> {
  const counts = new Map<number, { confirmed: number; waitlisted: number }>();
  if (larpassIds.length === 0) return counts;
  const rows = database
    .select({ larpassId: registrations.larpassId, status: registrations.status, n: sql<number>`count(*)` })
    .from(registrations)
    .where(inArray(registrations.larpassId, larpassIds))
    .groupBy(registrations.larpassId, registrations.status)
    .all();
  for (const r of rows) {
    const c = counts.get(r.larpassId) ?? { confirmed: 0, waitlisted: 0 };
    c[r.status] = r.n;
    counts.set(r.larpassId, c);
  }
  return counts;
}

export type MyRegistration = { larpassId: number; status: RegistrationStatus; position: number };

/** The member's registrations (with queue positions) among the given lärpass, or all of them. */
export function getMyRegistrations({
  userId,
  larpassIds,
  database = defaultDb,
}: {
  userId: string;
  /** Only these lärpass (a card's answer); all of the member's registrations when left out. */
  larpassIds?: number[];
  database?: DB;
}): Map<number, MyRegistration> {
  if (larpassIds && larpassIds.length === 0) return new Map();
  const rows = database
    .select({
      id: registrations.id,
      larpassId: registrations.larpassId,
      status: registrations.status,
      // The outer row is named in full: in a one-table select drizzle writes ${registrations.id} as a bare
      // "id", which inside this subquery would mean w.id (and count every queue place in the database).
      position: sql<number>`case when ${registrations.status} = 'waitlisted' then (
        select count(*) from registrations w
        where w.larpass_id = "registrations"."larpass_id" and w.status = 'waitlisted'
          and (w.queued_at < "registrations"."queued_at" or (w.queued_at = "registrations"."queued_at" and w.id <= "registrations"."id"))
      ) else 0 end`,
    })
    .from(registrations)
    .where(larpassIds ? and(eq(registrations.userId, userId), inArray(registrations.larpassId, larpassIds)) : eq(registrations.userId, userId))
    .all();
  return new Map(rows.map((r) => [r.larpassId, { larpassId: r.larpassId, status: r.status, position: r.position }]));
}
