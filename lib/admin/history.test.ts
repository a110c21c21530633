// Revisions written by the organisers' edits, moves, the import and speaker saves; the history's diffs;
// restoring an earlier version. Against the file's own migrated SQLite database.
import fs from "node:fs";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { larpass, organisations, programmeChanges, revisions, speakers } from "@/db/schema";
import { importProgramme } from "@/lib/import/import-programme";
import { parseProgramme } from "@/lib/import/parse-programme";
import type { RevisionAuthor } from "@/lib/revisions";
import { createEvent, useTempOutbox } from "@/test/factories";
import { larpassSchema, speakerSchema, type LarpassInput } from "@/lib/validation/admin";
import { countRevisions, diffText, listRevisions, restoreRevision } from "./history";
import { deleteRoom } from "@/lib/admin/rooms";
import { deleteSlot } from "@/lib/admin/slots";
import { createLarpass, updateLarpass } from "./larpass";
import { createSpeaker, deleteSpeaker, updateSpeaker } from "./speakers";
import { moveLarpass, moveLarpasses } from "./schedule";

useTempOutbox();
beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});

const anna: RevisionAuthor = { userId: null, label: "Anna Arrangör (anna@example.se)", role: "organiser" };
const bo: RevisionAuthor = { userId: null, label: "bo@example.se", role: "organiser" };

function input(values: Partial<Record<keyof LarpassInput, string | string[]>> = {}): LarpassInput {
  return larpassSchema.parse({
    title: "Regional förnyelse",
    slug: "",
    abstract: "Om framtiden i norr.",
    speakers: [],
    timeSlotId: "",
    roomId: "",
    capacity: "",
    status: "published",
    track: "",
    language: "sv",
    ...values,
  });
}
const speakerInput = (v: Partial<Record<string, string>> = {}) =>
  speakerSchema.parse({ name: "Anna Berg", slug: "", role: "", organisationId: "", bio: "", email: "", ...v });

const revisionsOf = (larpassId: number) => db.select().from(revisions).where(eq(revisions.larpassId, larpassId)).orderBy(asc(revisions.id)).all();
const speakerRevisionsOf = (speakerId: number) =>
  db.select().from(revisions).where(eq(revisions.speakerId, speakerId)).orderBy(asc(revisions.id)).all();
const changesOf = (larpassId: number) =>
  db.select().from(programmeChanges).where(eq(programmeChanges.larpassId, larpassId)).orderBy(asc(programmeChanges.id)).all();
const row = (id: number) => db.select().from(larpass).where(eq(larpass.id, id)).get()!;

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}

/** A published event with two slots and two rooms, and one published lärpass in the first slot. */
function setup() {
  const f = createEvent(db);
  const nine = f.slot("09:00", "09:45");
  const ten = f.slot("10:00", "10:45");
  const big = f.room(50, `Aulan ${Math.random().toString(36).slice(2, 6)}`);
  const small = f.room(10, `Rummet ${Math.random().toString(36).slice(2, 6)}`);
  const created = ok(
    createLarpass({ eventId: f.event.id, author: anna, input: input({ timeSlotId: String(nine.id), roomId: String(big.id) }) }),
  );
  return { ...f, nine, ten, big, small, id: created.id };
}

describe("revisions of organiser edits", () => {
  it("creating a lärpass is a first revision with no before, by the author", () => {
    const f = setup();
    const [first] = revisionsOf(f.id);
    expect(first).toMatchObject({ entity: "larpass", version: 1, authorLabel: anna.label, authorRole: "organiser", before: null, restoredFrom: null });
    expect(first.after).toMatchObject({ title: "Regional förnyelse", abstract: "Om framtiden i norr.", status: "published", room: { name: f.big.name } });
  });

  it("an update records before and after with the new version; an untouched save records nothing", async () => {
    const f = setup();
    const base = { timeSlotId: String(f.nine.id), roomId: String(f.big.id) };
    ok(await updateLarpass({ id: f.id, expectedVersion: 1, author: bo, input: input({ ...base, abstract: "Om framtiden i söder." }) }));
    const list = revisionsOf(f.id);
    expect(list).toHaveLength(2);
    expect(list[1]).toMatchObject({ version: 2, authorLabel: bo.label });
    expect(list[1].before).toMatchObject({ abstract: "Om framtiden i norr." });
    expect(list[1].after).toMatchObject({ abstract: "Om framtiden i söder." });

    // The same values again: the version still moves on (a save is a save) but the history stays quiet.
    ok(await updateLarpass({ id: f.id, expectedVersion: 2, author: bo, input: input({ ...base, abstract: "Om framtiden i söder." }) }));
    expect(row(f.id).version).toBe(3);
    expect(revisionsOf(f.id)).toHaveLength(2);
  });

  it("a save that also moves the lärpass is one revision, not two", async () => {
    const f = setup();
    ok(
      await updateLarpass({
        id: f.id,
        expectedVersion: 1,
        author: anna,
        input: input({ timeSlotId: String(f.ten.id), roomId: String(f.small.id), title: "Ny titel" }),
      }),
    );
    const list = revisionsOf(f.id);
    expect(list).toHaveLength(2);
    expect(list[1]).toMatchObject({ version: 2 });
    expect(list[1].after).toMatchObject({ title: "Ny titel", timeSlot: { id: f.ten.id }, room: { id: f.small.id } });
  });

  it("a refused save (stale version) records nothing", async () => {
    const f = setup();
    const stale = await updateLarpass({ id: f.id, expectedVersion: 7, author: bo, input: input({ title: "Aldrig" }) });
    expect(stale.ok).toBe(false);
    expect(revisionsOf(f.id)).toHaveLength(1);
  });

  it("moves in the schedule and a room suggestion's batch record a revision per lärpass", async () => {
    const f = setup();
    ok(await moveLarpass({ larpassId: f.id, target: { timeSlotId: f.ten.id, roomId: f.big.id }, expectedVersion: 1, author: bo }));
    const moved = revisionsOf(f.id);
    expect(moved).toHaveLength(2);
    expect(moved[1]).toMatchObject({ version: 2, authorLabel: bo.label });
    expect(moved[1].before).toMatchObject({ timeSlot: { id: f.nine.id } });
    expect(moved[1].after).toMatchObject({ timeSlot: { id: f.ten.id } });

    const other = ok(createLarpass({ eventId: f.event.id, author: anna, input: input({ title: "Andra", timeSlotId: String(f.ten.id), roomId: String(f.small.id) }) }));
    ok(
      await moveLarpasses({
        author: anna,
        moves: [
          { larpassId: f.id, target: { timeSlotId: f.ten.id, roomId: f.small.id }, expectedVersion: 2 },
          { larpassId: other.id, target: { timeSlotId: f.ten.id, roomId: f.big.id }, expectedVersion: 1 },
        ],
      }),
    );
    expect(revisionsOf(f.id).at(-1)).toMatchObject({ version: 3, after: expect.objectContaining({ room: expect.objectContaining({ id: f.small.id }) }) });
    expect(revisionsOf(other.id).at(-1)).toMatchObject({ version: 2, after: expect.objectContaining({ room: expect.objectContaining({ id: f.big.id }) }) });
  });
});

describe("revisions when a time slot or room is deleted", () => {
  it("the lärpass that lose their room or time get a revision by the organiser who deleted it", async () => {
    const f = setup();
    expect(await deleteRoom({ id: f.big.id, author: bo })).toBe(f.event.id);
    expect(revisionsOf(f.id).at(-1)).toMatchObject({ version: 2, authorLabel: bo.label, before: { room: { id: f.big.id } }, after: { room: null } });
    expect(await deleteSlot({ id: f.nine.id, author: anna })).toBe(f.event.id);
    expect(revisionsOf(f.id).at(-1)).toMatchObject({ version: 3, authorLabel: anna.label, before: { timeSlot: { id: f.nine.id } }, after: { timeSlot: null } });
  });
});

describe("revisions when a speaker is deleted", () => {
  it("each of the speaker's lärpass gets a revision without them", async () => {
    const s = ok(createSpeaker({ author: anna, input: speakerInput({ name: "Erik Borttagen" }) }));
    const f = createEvent(db);
    const l = ok(createLarpass({ eventId: f.event.id, author: anna, input: input({ speakers: [`id:${s.id}`] }) }));
    expect(deleteSpeaker({ id: s.id, author: bo })).toBe(true);
    expect(revisionsOf(l.id).at(-1)).toMatchObject({
      version: 2,
      authorLabel: bo.label,
      before: { speakers: [{ id: s.id, name: "Erik Borttagen" }] },
      after: { speakers: [] },
    });
  });
});

describe("revisions of the import", () => {
  const fixture = fs.readFileSync(path.resolve(__dirname, "../import/fixtures/larpass-2018.txt"), "utf8");

  it("creates a revision per new lärpass and speaker by Import, one per changed lärpass on re-import, none when unchanged", () => {
    const f = createEvent(db);
    const first = importProgramme({ eventId: f.event.id, programme: parseProgramme(fixture), status: "published" });
    const id = first.larpassIds[0];
    expect(revisionsOf(id)).toMatchObject([{ version: 1, authorLabel: "Import", authorRole: "system", before: null }]);
    const someSpeaker = db.select({ id: speakers.id }).from(speakers).where(eq(speakers.name, "Kjell Nilsson")).get()!;
    expect(speakerRevisionsOf(someSpeaker.id)[0]).toMatchObject({ authorRole: "system", before: null });

    importProgramme({ eventId: f.event.id, programme: parseProgramme(fixture), status: "published" });
    expect(revisionsOf(id)).toHaveLength(1);

    const title = parseProgramme(fixture).sessions[0].title;
    const edited = parseProgramme(fixture);
    edited.sessions[0] = { ...edited.sessions[0], abstract: `${edited.sessions[0].abstract} Nu med en ny mening.` };
    importProgramme({ eventId: f.event.id, programme: edited, status: "published" });
    const list = revisionsOf(id);
    expect(list).toHaveLength(2);
    expect(list[1]).toMatchObject({ version: 2, authorLabel: "Import", after: expect.objectContaining({ title }) });
    expect(row(id).version).toBe(2);
  });
});

describe("speakers: revisions and version conflicts", () => {
  it("create and update are revisions; every save bumps the version", () => {
    const s = ok(createSpeaker({ author: anna, input: speakerInput({ bio: "Jobbar med analys." }) }));
    expect(speakerRevisionsOf(s.id)).toMatchObject([{ entity: "speaker", version: 1, before: null }]);
    const saved = ok(updateSpeaker({ id: s.id, expectedVersion: 1, author: bo, input: speakerInput({ bio: "Jobbar med analys och statistik." }) }));
    expect(saved.version).toBe(2);
    const list = speakerRevisionsOf(s.id);
    expect(list).toHaveLength(2);
    expect(list[1]).toMatchObject({ version: 2, authorLabel: bo.label, before: { bio: "Jobbar med analys." }, after: { bio: "Jobbar med analys och statistik." } });
  });

  it("a save from a stale form is refused with both versions and writes nothing", () => {
    const s = ok(createSpeaker({ author: anna, input: speakerInput({ name: "Cecilia Ek", role: "analytiker" }) }));
    ok(updateSpeaker({ id: s.id, expectedVersion: 1, author: anna, input: speakerInput({ name: "Cecilia Ek", role: "chef" }) }));
    const before = db.select().from(speakers).where(eq(speakers.id, s.id)).get();
    const stale = updateSpeaker({ id: s.id, expectedVersion: 1, author: bo, input: speakerInput({ name: "Cecilia Ek", role: "praktikant" }) });
    expect(stale).toMatchObject({
      ok: false,
      conflict: { current: { version: 2, values: { role: "chef" }, display: { role: "chef" } }, yours: { role: "praktikant" } },
    });
    expect(db.select().from(speakers).where(eq(speakers.id, s.id)).get()).toEqual(before);
    expect(speakerRevisionsOf(s.id)).toHaveLength(2);
  });
});

describe("listRevisions", () => {
  it("is newest first, with word diffs for texts, before → after for the rest, and restore only where it would change something", async () => {
    const f = setup();
    const base = { timeSlotId: String(f.nine.id), roomId: String(f.big.id) };
    ok(await updateLarpass({ id: f.id, expectedVersion: 1, author: bo, input: input({ ...base, abstract: "Om framtiden i söder.", capacity: "12" }) }));
    const list = listRevisions({ entity: "larpass", id: f.id });
    expect(list.map((r) => r.version)).toEqual([2, 1]);
    expect(list[0]).toMatchObject({ authorLabel: bo.label, roleLabel: "arrangör", created: false, restorable: false });
    expect(list[0].when).toMatch(/^\d{1,2} \p{L}+ \d{4} kl\. \d\d:\d\d$/u);
    expect(list[0].changes).toEqual([
      {
        field: "abstract",
        label: "Sammanfattning",
        kind: "text",
        parts: [
          { text: "Om framtiden i ", change: "same" },
          { text: "norr", change: "removed" },
          { text: "söder", change: "added" },
          { text: ".", change: "same" },
        ],
      },
      { field: "capacity", label: "Antal platser", kind: "value", before: "Lokalens antal", after: "12" },
    ]);
    expect(list[1]).toMatchObject({ created: true, restorable: true });
    expect(list[1].changes.map((c) => c.label)).toEqual(["Titel", "Sammanfattning", "Talare", "Status", "Tid", "Lokal", "Antal platser", "Språk"]);
    expect(countRevisions({ entity: "larpass", id: f.id })).toBe(2);
  });

  it("labels speakers' and the import's revisions in Swedish", () => {
    const f = createEvent(db);
    importProgramme({ eventId: f.event.id, programme: parseProgramme("Rubrik\n\nEn titel\nEn sammanfattning.\nPer Persson, Region Test\n") });
    const l = db.select().from(larpass).where(eq(larpass.eventId, f.event.id)).get()!;
    expect(listRevisions({ entity: "larpass", id: l.id })[0]).toMatchObject({ authorLabel: "Import", roleLabel: "import" });
  });

  it("diffText keeps every word and marks what was removed and added", () => {
    const parts = diffText("Tre ord här", "Tre nya ord här");
    expect(parts.map((p) => p.text).join("")).toBe("Tre nya ord här");
    expect(parts.filter((p) => p.change === "added").map((p) => p.text.trim())).toEqual(["nya"]);
    expect(parts.filter((p) => p.change === "removed")).toEqual([]);
  });
});

describe("restoreRevision", () => {
  async function edited() {
    const f = setup();
    const base = { timeSlotId: String(f.nine.id), roomId: String(f.big.id) };
    ok(await updateLarpass({ id: f.id, expectedVersion: 1, author: anna, input: input({ ...base, abstract: "Första versionen av texten." }) }));
    ok(await updateLarpass({ id: f.id, expectedVersion: 2, author: anna, input: input({ ...base, abstract: "Andra versionen av texten." }) }));
    // Moved after the edits: a restore leaves time and room where they are now.
    ok(await moveLarpass({ larpassId: f.id, target: { timeSlotId: f.ten.id, roomId: f.small.id }, expectedVersion: 3, author: anna }));
    const first = revisionsOf(f.id).find((r) => (r.after as { abstract: string }).abstract === "Första versionen av texten.")!;
    return { ...f, first };
  }

  it("brings the text back as a new save: version bump, restoredFrom, a public change entry, time and room untouched", async () => {
    const f = await edited();
    const changesBefore = changesOf(f.id).length;
    const result = await restoreRevision({ revisionId: f.first.id, expectedVersion: 4, author: bo });
    expect(result).toMatchObject({ ok: true, entity: "larpass", id: f.id, version: 5 });
    expect(row(f.id)).toMatchObject({ abstract: "Första versionen av texten.", version: 5, timeSlotId: f.ten.id, roomId: f.small.id });
    const last = revisionsOf(f.id).at(-1)!;
    expect(last).toMatchObject({ version: 5, restoredFrom: f.first.id, authorLabel: bo.label });
    const changes = changesOf(f.id).slice(changesBefore);
    expect(changes).toMatchObject([{ kind: "abstract", before: "Andra versionen av texten.", after: "Första versionen av texten." }]);
    const list = listRevisions({ entity: "larpass", id: f.id });
    expect(list[0]).toMatchObject({ restoredFrom: { id: f.first.id, version: 2 }, restorable: false });
    // The restored revision now matches the current state: no restore button for it either.
    expect(list.find((r) => r.id === f.first.id)!.restorable).toBe(false);
  });

  it("is refused when the lärpass changed since the page was opened, and writes nothing", async () => {
    const f = await edited();
    const before = { row: row(f.id), revisions: revisionsOf(f.id).length, changes: changesOf(f.id).length };
    const result = await restoreRevision({ revisionId: f.first.id, expectedVersion: 3, author: bo });
    expect(result).toMatchObject({ ok: false, reason: "stale", entity: "larpass", id: f.id });
    if (!result.ok) expect(result.message).toContain("ändrats av någon annan sedan du öppnade den");
    expect({ row: row(f.id), revisions: revisionsOf(f.id).length, changes: changesOf(f.id).length }).toEqual(before);
  });

  it("is refused for the current state and for a revision that does not exist", async () => {
    const f = await edited();
    const newestTextRevision = revisionsOf(f.id).at(-1)!;
    expect(await restoreRevision({ revisionId: newestTextRevision.id, expectedVersion: 4, author: bo })).toMatchObject({ ok: false, reason: "current" });
    expect(await restoreRevision({ revisionId: 987654321, expectedVersion: 1, author: bo })).toMatchObject({ ok: false, reason: "not_found" });
    expect(row(f.id).version).toBe(4);
  });

  it("restores a speaker's name, role and presentation, bumping the version", () => {
    const org = db.insert(organisations).values({ name: `Org ${Math.random()}`, slug: `org-${Math.random().toString(36).slice(2)}` }).returning().get();
    const s = ok(createSpeaker({ author: anna, input: speakerInput({ name: "Dana Lund", bio: "Gammal text.", organisationId: String(org.id) }) }));
    ok(updateSpeaker({ id: s.id, expectedVersion: 1, author: anna, input: speakerInput({ name: "Dana Lund", bio: "Ny text.", role: "chef" }) }));
    const [created] = speakerRevisionsOf(s.id);
    expect(listRevisions({ entity: "speaker", id: s.id })[0].changes).toMatchObject([
      { field: "role", kind: "value", before: "–", after: "chef" },
      { field: "organisation", kind: "value", before: org.name, after: "Ingen organisation" },
      { field: "bio", kind: "text" },
    ]);
    const result = restoreRevision({ revisionId: created.id, expectedVersion: 2, author: bo });
    return result.then((r) => {
      expect(r).toMatchObject({ ok: true, entity: "speaker", version: 3 });
      expect(db.select().from(speakers).where(eq(speakers.id, s.id)).get()).toMatchObject({
        bio: "Gammal text.",
        role: null,
        organisationId: org.id,
        version: 3,
      });
      expect(speakerRevisionsOf(s.id).at(-1)).toMatchObject({ restoredFrom: created.id, version: 3 });
    });
  });
});
