// What a speaker may change themselves: the abstract of a lärpass they speak in, and their own bio, role
// and organisation. Nothing else (title, time, room, speakers) is reachable from here. Each save is one
// transaction that checks, in this order: the account speaks in the lärpass (from the session's account
// id), the event's edit deadline, and the version the form was opened with (a stale save is refused
// with both versions, never written over). It bumps the version, records a revision and, for a published
// lärpass, the public change.
import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { events, larpass, larpassSpeakers, organisations, speakers } from "@/db/schema";
import type { Role } from "@/lib/domain";
import { findOrCreateOrganisation } from "@/lib/admin/organisations";
import { recordChange } from "@/lib/changes";
import { authorOf, recordRevision, snapshotLarpass, snapshotSpeaker } from "@/lib/revisions";
import { formatDateTime } from "@/lib/time";
import type { AbstractField, AbstractInput, ProfileField, ProfileInput, SpeakerFormErrors } from "@/lib/validation/speaker";
import { speakerIdOfUser, speaksIn } from "@/lib/policy";
import { editWindow, profileWindow } from "./mine";

type Caller = { id: string; email: string; name?: string | null; role: Role };

export type Refusal = "not-yours" | "deadline" | "gone";

export type SaveResult<F extends string, C> =
  | { ok: true; version: number }
  | { ok: false; refused: Refusal; errors: SpeakerFormErrors<F> }
  | { ok: false; errors: SpeakerFormErrors<F> }
  /** Someone saved since the form was opened: nothing written. */
  | { ok: false; conflict: { current: C & { version: number; updatedAt: Date }; yours: C } };

export type AbstractResult = SaveResult<AbstractField, { abstract: string }>;
export type ProfileValues = { role: string; organisation: string; bio: string };
export type ProfileResult = SaveResult<ProfileField, ProfileValues>;

export function deadlinePassedMessage(deadline: Date, timeZone = "Europe/Stockholm"): string {
  return `Tiden för ändringar gick ut ${formatDateTime(deadline, timeZone)}. Kontakta arrangörerna om något behöver rättas.`;
}

const notYours = { ok: false as const, refused: "not-yours" as const, errors: { form: "Du är inte talare i det här lärpasset och kan inte ändra det." } };

export function updateOwnAbstract({
  user,
  input,
  database = defaultDb,
  now = new Date(),
}: {
  user: Caller;
  input: AbstractInput;
  database?: DB;
  now?: Date;
}): AbstractResult {
  return database.transaction(
    (tx): AbstractResult => {
      if (!speaksIn(tx, user.id, input.larpassId)) return notYours;
      const row = tx
        .select({ l: larpass, deadline: events.speakerEditDeadline, timeZone: events.timeZone })
        .from(larpass)
        .innerJoin(events, eq(events.id, larpass.eventId))
        .where(eq(larpass.id, input.larpassId))
        .get();
      if (!row) return { ok: false, refused: "gone", errors: { form: "Lärpasset finns inte längre." } };
      const window = editWindow(row.deadline, now);
      if (!window.open) return { ok: false, refused: "deadline", errors: { form: deadlinePassedMessage(window.deadline!, row.timeZone) } };
      if (row.l.version !== input.version) {
        return {
          ok: false,
          conflict: { current: { version: row.l.version, updatedAt: row.l.updatedAt, abstract: row.l.abstract }, yours: { abstract: input.abstract } },
        };
      }
      const before = snapshotLarpass(tx, row.l.id)!;
      const version = row.l.version + 1;
      tx.update(larpass).set({ abstract: input.abstract, version, updatedAt: now }).where(eq(larpass.id, row.l.id)).run();
      recordRevision(tx, { entity: "larpass", id: row.l.id, version, author: authorOf(user), before, after: snapshotLarpass(tx, row.l.id)! });
      if (row.l.status === "published" && row.l.abstract !== input.abstract) {
        recordChange(tx, { larpassId: row.l.id, kind: "abstract", before: row.l.abstract, after: input.abstract });
      }
      return { ok: true, version };
    },
    { behavior: "immediate" },
  );
}

/** Published lärpass of a published event that the speaker is in: their name line shows there. */
function publicLarpassOf(tx: Pick<DB, "select">, speakerId: number): number[] {
  return tx
    .select({ id: larpass.id })
    .from(larpassSpeakers)
    .innerJoin(larpass, eq(larpass.id, larpassSpeakers.larpassId))
    .innerJoin(events, eq(events.id, larpass.eventId))
    .where(and(inArray(larpassSpeakers.speakerId, [speakerId]), ne(larpass.status, "draft"), eq(events.published, true)))
    .all()
    .map((r) => r.id);
}

export function updateOwnProfile({
  user,
  input,
  database = defaultDb,
  now = new Date(),
}: {
  user: Caller;
  input: ProfileInput;
  database?: DB;
  now?: Date;
}): ProfileResult {
  return database.transaction(
    (tx): ProfileResult => {
      const speakerId = speakerIdOfUser(tx, user.id);
      if (speakerId === null) {
        return { ok: false, refused: "not-yours", errors: { form: "Ditt konto är inte kopplat till någon talare, så det finns ingen presentation att ändra." } };
      }
      const row = tx
        .select({ s: speakers, org: organisations.name })
        .from(speakers)
        .leftJoin(organisations, eq(organisations.id, speakers.organisationId))
        .where(eq(speakers.id, speakerId))
        .get()!;
      const window = profileWindow(tx, speakerId, now);
      if (!window.open) return { ok: false, refused: "deadline", errors: { form: deadlinePassedMessage(window.deadline!) } };
      if (row.s.version !== input.version) {
        return {
          ok: false,
          conflict: {
            current: { version: row.s.version, updatedAt: row.s.updatedAt, role: row.s.role ?? "", organisation: row.org ?? "", bio: row.s.bio },
            yours: { role: input.role ?? "", organisation: input.organisation ?? "", bio: input.bio },
          },
        };
      }
      const before = snapshotSpeaker(tx, speakerId)!;
      const organisationId = input.organisation ? findOrCreateOrganisation(tx, input.organisation) : null;
      const version = row.s.version + 1;
      tx.update(speakers)
        .set({ role: input.role, organisationId, bio: input.bio, version, updatedAt: now })
        .where(eq(speakers.id, speakerId))
        .run();
      const after = snapshotSpeaker(tx, speakerId)!;
      recordRevision(tx, { entity: "speaker", id: speakerId, version, author: authorOf(user), before, after });
      // The programme shows "name, organisation": a new organisation is a visible change.
      const line = (s: { name: string; organisation: { name: string } | null }) => [s.name, s.organisation?.name].filter(Boolean).join(", ");
      if (line(before) !== line(after)) {
        for (const larpassId of publicLarpassOf(tx, speakerId)) {
          recordChange(tx, { larpassId, kind: "speakers", before: line(before), after: line(after) });
        }
      }
      return { ok: true, version };
    },
    { behavior: "immediate" },
  );
}
