import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { db, type DB } from "@/db";
import { authSessions, calendarReleases, docAnswers, docQuestions, events, larpass, organisations, proposalReviews, proposalRevisions, proposals, registrations, speakers, timeSlots, users } from "@/db/schema";
import { sendPending, type PendingMail, withQueuedMails } from "@/lib/mail";
import { fillFreeSeats } from "@/lib/registrations";

/** A new secret for the calendar feed; the old URL stops working at once. */
export function rotateCalendarToken({ userId }: { userId: string }): string {
  const token = crypto.randomUUID().replace(/-/g, "") + crypto.randomUUID().replace(/-/g, "");
  db.update(users).set({ calendarToken: token }).where(eq(users.id, userId)).run();
  return token;
}

export function revokeCalendarToken({ userId }: { userId: string }): void {
  db.update(users).set({ calendarToken: null }).where(eq(users.id, userId)).run();
}

export function getUserByCalendarToken({ token }: { token: string }) {
  if (!/^[a-f0-9]{64}$/.test(token)) return null;
  return db.select({ id: users.id, email: users.email }).from(users).where(eq(users.calendarToken, token)).get() ?? null;
}

export function getCalendarToken({ userId }: { userId: string }): string | null {
  return db.select({ t: users.calendarToken }).from(users).where(eq(users.id, userId)).get()?.t ?? null;
}

/** GDPR: everything stored about the member, as it is stored. */
export function exportPersonalData({ userId }: { userId: string }) {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) return null;
  const regs = db
    .select({
      larpass: larpass.title,
      event: events.name,
      status: registrations.status,
      queuedAt: registrations.queuedAt,
      confirmedAt: registrations.confirmedAt,
      startsAt: timeSlots.startsAt,
    })
    .from(registrations)
    .innerJoin(larpass, eq(larpass.id, registrations.larpassId))
    .innerJoin(events, eq(events.id, larpass.eventId))
    .leftJoin(timeSlots, eq(timeSlots.id, larpass.timeSlotId))
    .where(eq(registrations.userId, userId))
    .all();
  // Seats the member had and gave up (or lost to a move or cancellation): the personal calendar sends them as cancelled.
  const released = db
    .select({ larpass: larpass.title, event: events.name, ganger: calendarReleases.releases, senast: calendarReleases.releasedAt })
    .from(calendarReleases)
    .innerJoin(larpass, eq(larpass.id, calendarReleases.larpassId))
    .innerJoin(events, eq(events.id, larpass.eventId))
    .where(eq(calendarReleases.userId, userId))
    .all();
  const sessions = db
    .select({ expires: authSessions.expires })
    .from(authSessions)
    .where(eq(authSessions.userId, userId))
    .all();
  const speaker = db.select().from(speakers).where(eq(speakers.email, user.email ?? "\u0000")).all();
  const organisation =
    user.organisationId != null
      ? db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, user.organisationId)).get()?.name ?? null
      : null;
  // Answers to the documentation's questions (Dokumentation): shown without names, kept without the link to
  // the account when it is deleted (the account page says so).
  const answers = db
    .select({
      event: events.name,
      eventSlug: events.slug,
      larpass: larpass.title,
      larpassSlug: larpass.slug,
      fraga: docQuestions.prompt,
      svar: docAnswers.text,
      betyg: docAnswers.rating,
      skapad: docAnswers.createdAt,
    })
    .from(docAnswers)
    .innerJoin(docQuestions, eq(docQuestions.id, docAnswers.questionId))
    .innerJoin(events, eq(events.id, docQuestions.eventId))
    .leftJoin(larpass, eq(larpass.id, docAnswers.larpassId))
    .where(eq(docAnswers.userId, userId))
    .orderBy(docAnswers.id)
    .all();
  const mine = db
    .select({ evenemang: events.name, titel: proposals.title, lage: proposals.state, sammanfattning: proposals.abstract, medtalare: proposals.coSpeakers, meddelande: proposals.message, skapat: proposals.createdAt })
    .from(proposals)
    .innerJoin(events, eq(events.id, proposals.eventId))
    .where(eq(proposals.userId, userId))
    .all();
  return {
    konto: {
      id: user.id,
      epost: user.email,
      namn: user.name,
      organisation,
      roll: user.role,
      epostBekraftad: user.emailVerified,
      skapad: user.createdAt,
      kalenderlankAktiv: Boolean(user.calendarToken),
    },
    anmalningar: regs,
    slapptaPlatserIKalendern: released,
    inloggningar: sessions.map((s) => ({ giltigTill: s.expires })),
    talarprofiler: speaker.map((s) => ({ namn: s.name, roll: s.role, bio: s.bio })),
    svarPaFragor: answers,
    forslag: mine,
  };
}

/** GDPR: removes the account and everything tied to it; its seats go to the people in the queues. */
/** What a deleted account's reviews of proposals are signed with instead of its name and e-mail. */
export const DELETED_ACCOUNT_LABEL = "Borttaget konto";

/** What an account deletion removed, for the confirmation the member sees afterwards. */
export type DeletedAccount = { seats: number; waitlist: number };

export async function deleteAccount({ userId, database = db }: { userId: string; database?: DB }): Promise<DeletedAccount> {
  const notices: PendingMail[] = [];
  const deleted = database.transaction(
    withQueuedMails(notices, (tx) => {
      const mine = tx
        .select({ larpassId: registrations.larpassId, status: registrations.status })
        .from(registrations)
        .where(eq(registrations.userId, userId))
        .all();
      const seats = mine.filter((r) => r.status === "confirmed");
      tx.delete(registrations).where(eq(registrations.userId, userId)).run();
      // Proposals go with the account, except accepted ones: they are lärpass in the programme now.
      tx.delete(proposals).where(and(eq(proposals.userId, userId), ne(proposals.state, "accepted"))).run();
      // Reviews of other members' proposals stay (the organisers decided on them), without the reviewer's
      // name and e-mail address, which their label holds.
      tx.update(proposalReviews).set({ reviewerLabel: DELETED_ACCOUNT_LABEL }).where(eq(proposalReviews.reviewerId, userId)).run();
      tx.update(proposalRevisions).set({ authorLabel: DELETED_ACCOUNT_LABEL }).where(eq(proposalRevisions.authorId, userId)).run();
      tx.delete(users).where(eq(users.id, userId)).run();
      for (const s of seats) fillFreeSeats(tx, s.larpassId, notices);
      return { seats: seats.length, waitlist: mine.length - seats.length };
    }),
    { behavior: "immediate" },
  );
  await sendPending(notices, database);
  return deleted;
}
