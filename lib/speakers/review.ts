// Speakers' edits under review (pretalx #1346): when the event says so, a speaker's new abstract for a
// published lärpass waits in speaker_edits while the public page keeps the approved one. Organisers see
// the list "Att granska" with the word diff against what is public now, and approve (the abstract is
// written, with a revision by the speaker and the public change) or send it back with a message. The
// speaker is told by mail either way. Drafts are never public, so their edits are never held back.
import "server-only";
import { and, desc, eq, inArray, or } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { events, larpass, larpassSpeakers, revisions, speakerEdits, speakers, users, type SpeakerEdit } from "@/db/schema";
import { addChangeDigests } from "@/lib/admin/change-digest";
import { diffText, type DiffPart } from "@/lib/admin/history";
import { queuePending, type Mail, type PendingMail } from "@/lib/mail";
import { recordChange } from "@/lib/changes";
import { enqueueMails } from "@/lib/mail-queue";
import { recordRevision, snapshotLarpass, type RevisionAuthor } from "@/lib/revisions";
import { siteUrl } from "@/lib/site-url";
import { formatDateTime } from "@/lib/time";

type Tx = Pick<DB, "select" | "insert" | "update" | "delete">;

/** Whether a speaker's save of this lärpass waits for an organiser: the event reviews, and it is published. */
export function editNeedsReview(l: { status: string }, event: { speakerEditsReviewed: boolean }): boolean {
  return event.speakerEditsReviewed && l.status === "published";
}

/** Puts (or replaces) the speaker's proposal for the lärpass; the lärpass itself is not touched. */
export function proposeAbstract(
  tx: Tx,
  { larpassId, abstract, author, now }: { larpassId: number; abstract: string; author: RevisionAuthor; now: Date },
): void {
  const pending = tx
    .select({ id: speakerEdits.id })
    .from(speakerEdits)
    .where(and(eq(speakerEdits.larpassId, larpassId), eq(speakerEdits.status, "pending")))
    .get();
  if (pending) {
    tx.update(speakerEdits)
      .set({ abstract, authorId: author.userId, authorLabel: author.label, updatedAt: now })
      .where(eq(speakerEdits.id, pending.id))
      .run();
  } else {
    tx.insert(speakerEdits)
      .values({ larpassId, abstract, authorId: author.userId, authorLabel: author.label, createdAt: now, updatedAt: now })
      .run();
  }
}

/** The speaker's own view: the pending proposal, or the latest decision when it was a sending back. */
export type MyReviewState =
  | { state: "pending"; abstract: string; since: Date }
  | { state: "returned"; abstract: string; message: string; at: Date }
  | null;

export function myReviewStates({ larpassIds, database = defaultDb }: { larpassIds: number[]; database?: DB }): Map<number, MyReviewState> {
  const out = new Map<number, MyReviewState>();
  if (larpassIds.length === 0) return out;
  const rows = database
    .select()
    .from(speakerEdits)
    .where(inArray(speakerEdits.larpassId, larpassIds))
    .orderBy(desc(speakerEdits.id))
    .all();
  for (const r of rows) {
    if (out.has(r.larpassId)) continue; // newest first: the latest row says where the edit stands
    if (r.status === "pending") out.set(r.larpassId, { state: "pending", abstract: r.abstract, since: r.updatedAt });
    else if (r.status === "returned") out.set(r.larpassId, { state: "returned", abstract: r.abstract, message: r.message ?? "", at: r.decidedAt ?? r.updatedAt });
    else out.set(r.larpassId, null);
  }
  return out;
}

export type ReviewItem = {
  id: number;
  larpassId: number;
  larpassTitle: string;
  larpassVersion: number;
  eventId: number;
  eventName: string;
  authorLabel: string;
  when: string;
  /** Words removed and added against the abstract that is public now. */
  diff: DiffPart[];
};

/** "Att granska": every pending edit (of one event, or all), oldest first, each with its word diff. */
export function listPendingReviews({ eventId, database = defaultDb }: { eventId?: number; database?: DB } = {}): ReviewItem[] {
  return database
    .select({ e: speakerEdits, l: larpass, eventName: events.name, timeZone: events.timeZone })
    .from(speakerEdits)
    .innerJoin(larpass, eq(larpass.id, speakerEdits.larpassId))
    .innerJoin(events, eq(events.id, larpass.eventId))
    .where(and(eq(speakerEdits.status, "pending"), eventId === undefined ? undefined : eq(events.id, eventId)))
    .orderBy(speakerEdits.updatedAt, speakerEdits.id)
    .all()
    .map(({ e, l, eventName, timeZone }) => ({
      id: e.id,
      larpassId: l.id,
      larpassTitle: l.title,
      larpassVersion: l.version,
      eventId: l.eventId,
      eventName,
      authorLabel: e.authorLabel,
      when: formatDateTime(e.updatedAt, timeZone),
      diff: diffText(l.abstract, e.abstract),
    }));
}

export type DecisionResult =
  | { ok: true; larpassId: number; title: string }
  | { ok: false; reason: "gone" | "decided" | "stale"; message: string };

export const decisionMessages = {
  gone: "Ändringen finns inte längre. Lärpasset kan ha tagits bort.",
  decided: "Ändringen är redan granskad av någon annan.",
  stale: "Lärpasset har ändrats sedan du öppnade sidan. Titta på skillnaden igen och försök på nytt.",
} as const;

/** The mails to the speaker about a decision: to the account that proposed it, and the lärpass's page. */
function decisionMail(tx: Tx, edit: SpeakerEdit, title: string, approved: boolean, message: string | null): Mail[] {
  if (!edit.authorId) return [];
  const to = tx.select({ email: users.email }).from(users).where(eq(users.id, edit.authorId)).get()?.email;
  if (!to) return [];
  const link = `${siteUrl()}/mina-larpass/${edit.larpassId}`;
  return [
    approved
      ? {
          to,
          subject: `Din ändring är godkänd: ${title}`,
          text: `Hej!\n\nArrangörerna har godkänt din nya sammanfattning av ”${title}”. Den syns nu i programmet.\n\n${link}\n`,
        }
      : {
          to,
          subject: `Din ändring behöver ses över: ${title}`,
          text: `Hej!\n\nArrangörerna har skickat tillbaka din nya sammanfattning av ”${title}”. Programmet visar den tidigare sammanfattningen.\n\nArrangörernas meddelande:\n${message}\n\nDu kan ändra och skicka in igen här:\n${link}\n`,
        },
  ];
}

function loadPending(tx: Tx, editId: number, expectedVersion: number) {
  const row = tx
    .select({ e: speakerEdits, l: larpass })
    .from(speakerEdits)
    .innerJoin(larpass, eq(larpass.id, speakerEdits.larpassId))
    .where(eq(speakerEdits.id, editId))
    .get();
  if (!row) return { error: { ok: false as const, reason: "gone" as const, message: decisionMessages.gone } };
  if (row.e.status !== "pending") return { error: { ok: false as const, reason: "decided" as const, message: decisionMessages.decided } };
  if (row.l.version !== expectedVersion) return { error: { ok: false as const, reason: "stale" as const, message: decisionMessages.stale } };
  return row;
}

/**
 * Approves a pending edit: the abstract is written (version + 1), the revision is the speaker's with the
 * approver named, the public change is logged, and the speaker's mail is queued in the same transaction.
 * Returns the queued mail ids for the caller to try at once.
 */
export function approveSpeakerEdit({
  editId,
  expectedVersion,
  organiser,
  database = defaultDb,
  now = new Date(),
}: {
  editId: number;
  expectedVersion: number;
  organiser: RevisionAuthor;
  database?: DB;
  now?: Date;
}): DecisionResult & { mailIds: number[] } {
  return database.transaction(
    (tx) => {
      const row = loadPending(tx, editId, expectedVersion);
      if ("error" in row) return { ...row.error, mailIds: [] };
      const { e, l } = row;
      const before = snapshotLarpass(tx, l.id)!;
      const version = l.version + 1;
      tx.update(larpass).set({ abstract: e.abstract, version, updatedAt: now }).where(eq(larpass.id, l.id)).run();
      recordRevision(tx, {
        entity: "larpass",
        id: l.id,
        version,
        author: { userId: e.authorId, label: `${e.authorLabel}, godkänd av ${organiser.label}`, role: "speaker" },
        before,
        after: snapshotLarpass(tx, l.id)!,
      });
      if (l.abstract !== e.abstract) recordChange(tx, { larpassId: l.id, kind: "abstract", before: l.abstract, after: e.abstract });
      tx.update(speakerEdits).set({ status: "approved", decidedBy: organiser.label, decidedAt: now, updatedAt: now }).where(eq(speakerEdits.id, e.id)).run();
      // The members with a seat or a queue place get the same digest as for an organiser's edit.
      const digests: PendingMail[] = [];
      if (l.abstract !== e.abstract) addChangeDigests(tx, l.id, { abstract: true }, digests);
      const mailIds = [...enqueueMails(tx, decisionMail(tx, e, l.title, true, null), now), ...queuePending(tx, digests)];
      return { ok: true as const, larpassId: l.id, title: l.title, mailIds };
    },
    { behavior: "immediate" },
  );
}

/** Sends a pending edit back with the organiser's message; nothing public changes. */
export function returnSpeakerEdit({
  editId,
  expectedVersion,
  message,
  organiser,
  database = defaultDb,
  now = new Date(),
}: {
  editId: number;
  expectedVersion: number;
  message: string;
  organiser: RevisionAuthor;
  database?: DB;
  now?: Date;
}): DecisionResult & { mailIds: number[] } {
  return database.transaction(
    (tx) => {
      const row = loadPending(tx, editId, expectedVersion);
      if ("error" in row) return { ...row.error, mailIds: [] };
      const { e, l } = row;
      tx.update(speakerEdits)
        .set({ status: "returned", message, decidedBy: organiser.label, decidedAt: now, updatedAt: now })
        .where(eq(speakerEdits.id, e.id))
        .run();
      const mailIds = enqueueMails(tx, decisionMail(tx, e, l.title, false, message), now);
      return { ok: true as const, larpassId: l.id, title: l.title, mailIds };
    },
    { behavior: "immediate" },
  );
}

export type RecentSpeakerEdit = {
  key: string;
  when: string;
  at: Date;
  who: string;
  what: string;
  /** Where the organiser reads the whole change. */
  href: string;
  pending: boolean;
};

/**
 * The event's overview: the latest speaker edits, live or waiting: revisions by speakers of the event's
 * lärpass and of its speakers' profiles, and the pending proposals. Newest first.
 */
export function listRecentSpeakerEdits({ eventId, limit = 8, database = defaultDb }: { eventId: number; limit?: number; database?: DB }): RecentSpeakerEdit[] {
  const event = database.select({ timeZone: events.timeZone }).from(events).where(eq(events.id, eventId)).get();
  if (!event) return [];
  const lps = database.select({ id: larpass.id, title: larpass.title }).from(larpass).where(eq(larpass.eventId, eventId)).all();
  if (lps.length === 0) return [];
  const titles = new Map(lps.map((l) => [l.id, l.title]));
  const speakerRows = database
    .selectDistinct({ id: speakers.id, name: speakers.name })
    .from(larpassSpeakers)
    .innerJoin(speakers, eq(speakers.id, larpassSpeakers.speakerId))
    .where(inArray(larpassSpeakers.larpassId, [...titles.keys()]))
    .all();
  const names = new Map(speakerRows.map((s) => [s.id, s.name]));
  const revs = database
    .select()
    .from(revisions)
    .where(
      and(
        eq(revisions.authorRole, "speaker"),
        or(
          inArray(revisions.larpassId, [...titles.keys()]),
          speakerRows.length ? inArray(revisions.speakerId, [...names.keys()]) : undefined,
        ),
      ),
    )
    .orderBy(desc(revisions.id))
    .limit(limit)
    .all();
  const pending = database
    .select()
    .from(speakerEdits)
    .where(and(eq(speakerEdits.status, "pending"), inArray(speakerEdits.larpassId, [...titles.keys()])))
    .all();
  const items: RecentSpeakerEdit[] = [
    ...revs.map((r) => ({
      key: `r${r.id}`,
      at: r.createdAt,
      when: formatDateTime(r.createdAt, event.timeZone),
      who: r.authorLabel,
      what: r.larpassId != null ? `sammanfattningen av ${titles.get(r.larpassId) ?? "ett lärpass"}` : `sin presentation (${names.get(r.speakerId!) ?? "talare"})`,
      href: r.larpassId != null ? `/arrangor/larpass/${r.larpassId}/historik` : `/arrangor/talare/${r.speakerId}/historik`,
      pending: false,
    })),
    ...pending.map((p) => ({
      key: `p${p.id}`,
      at: p.updatedAt,
      when: formatDateTime(p.updatedAt, event.timeZone),
      who: p.authorLabel,
      what: `sammanfattningen av ${titles.get(p.larpassId) ?? "ett lärpass"}`,
      href: `/arrangor/granska#granska-${p.id}`,
      pending: true,
    })),
  ];
  return items.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}
