// The organisers' lärpass edits against the file's own migrated SQLite database: optimistic concurrency,
// the public change log, and what happens to members when a lärpass is cancelled, moved or removed.
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { larpass, larpassSpeakers, organisations, programmeChanges, speakers } from "@/db/schema";
import { readOutbox } from "@/lib/mail";
import { chooseLarpass } from "@/lib/registrations";
import { createEvent, createUsers, registrationsOf, statusOf, useTempOutbox, type TestUser } from "@/test/factories";
import { larpassSchema, type LarpassInput } from "@/lib/validation/admin";
import type { RevisionAuthor } from "@/lib/revisions";
import { createLarpass, deleteLarpass, describeLarpassDeletion, updateLarpass } from "./larpass";
import { getLarpassForEdit, listLarpassForCsv } from "./larpass-read";

useTempOutbox();
const author: RevisionAuthor = { userId: null, label: "arrangor@example.se", role: "organiser" };
beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});

/** Form input as the action would parse it, with overrides. */
function input(values: Partial<Record<keyof LarpassInput, string | string[]>> = {}): LarpassInput {
  return larpassSchema.parse({
    title: "Regional förnyelse",
    slug: "",
    abstract: "Om *framtiden*.",
    speakers: [],
    timeSlotId: "",
    roomId: "",
    capacity: "",
    status: "draft",
    track: "",
    language: "sv",
    ...values,
  });
}

const changesOf = (larpassId: number) =>
  db.select().from(programmeChanges).where(eq(programmeChanges.larpassId, larpassId)).orderBy(asc(programmeChanges.id)).all();
const row = (id: number) => db.select().from(larpass).where(eq(larpass.id, id)).get()!;
const mailsTo = (u: TestUser) => readOutbox({ to: u.email });

function speaker(name: string, org?: string) {
  const orgId = org
    ? (db.select().from(organisations).where(eq(organisations.name, org)).get() ??
        db.insert(organisations).values({ name: org, slug: `org-${Math.random().toString(36).slice(2)}` }).returning().get()).id
    : null;
  return db.insert(speakers).values({ name, slug: `s-${Math.random().toString(36).slice(2)}`, organisationId: orgId }).returning().get();
}

/** A published event with a slot 09:00–09:45 and a room of 30. */
function setup(eventValues: Parameters<typeof createEvent>[1] = {}) {
  const f = createEvent(db, eventValues);
  const slot = f.slot("09:00", "09:45");
  const room = f.room(30, `Sal ${Math.random().toString(36).slice(2, 6)}`);
  return { ...f, slot9: slot, room30: room };
}

function created(result: Awaited<ReturnType<typeof updateLarpass>> | ReturnType<typeof createLarpass>) {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result;
}

describe("createLarpass", () => {
  it("creates a draft with a slug from the title, speakers in the given order, version 1 and no public change", () => {
    const { event } = setup();
    const a = speaker("Anna Berg");
    const b = speaker("Örjan Ek");
    const r = created(createLarpass({ author, eventId: event.id, input: input({ title: "Behåll talangerna!", speakers: [`id:${b.id}`, `id:${a.id}`] }) }));
    const l = row(r.id);
    expect(l).toMatchObject({ slug: "behall-talangerna", status: "draft", version: 1, abstract: "Om *framtiden*." });
    const order = db.select().from(larpassSpeakers).where(eq(larpassSpeakers.larpassId, r.id)).orderBy(asc(larpassSpeakers.position)).all();
    expect(order.map((o) => o.speakerId)).toEqual([b.id, a.id]);
    expect(changesOf(r.id)).toEqual([]);
  });

  it("logs a published lärpass as new, but only when the event itself is published", () => {
    const pub = setup();
    const r1 = created(createLarpass({ author, eventId: pub.event.id, input: input({ status: "published" }) }));
    expect(changesOf(r1.id).map((c) => c.kind)).toEqual(["new"]);
    const hidden = setup({ published: false });
    const r2 = created(createLarpass({ author, eventId: hidden.event.id, input: input({ status: "published" }) }));
    expect(changesOf(r2.id)).toEqual([]);
  });

  it("reports a slug already used in the event as a field error, and a free slug gets a suffix", () => {
    const { event } = setup();
    created(createLarpass({ author, eventId: event.id, input: input({ title: "Samma titel" }) }));
    const again = created(createLarpass({ author, eventId: event.id, input: input({ title: "Samma titel" }) }));
    expect(row(again.id).slug).toBe("samma-titel-2");
    const clash = createLarpass({ author, eventId: event.id, input: input({ title: "Annan", slug: "samma-titel" }) });
    expect(clash).toEqual({ ok: false, errors: { slug: 'Adressnamnet "samma-titel" används redan av ett annat lärpass i evenemanget.' } });
  });

  it("creates a new speaker (and organisation) typed inline, once, in the same transaction", () => {
    const { event } = setup();
    const entry = `ny:${JSON.stringify({ name: "Kim Nyström", role: "analytiker", organisation: "Region Testland" })}`;
    const r1 = created(createLarpass({ author, eventId: event.id, input: input({ title: "Ett", speakers: [entry] }) }));
    const r2 = created(createLarpass({ author, eventId: event.id, input: input({ title: "Två", speakers: [entry] }) }));
    const kims = db.select().from(speakers).where(eq(speakers.name, "Kim Nyström")).all();
    expect(kims).toHaveLength(1);
    expect(kims[0].role).toBe("analytiker");
    const org = db.select().from(organisations).where(eq(organisations.id, kims[0].organisationId!)).get()!;
    expect(org).toMatchObject({ name: "Region Testland", kind: "region" });
    for (const id of [r1.id, r2.id]) {
      expect(db.select().from(larpassSpeakers).where(eq(larpassSpeakers.larpassId, id)).all().map((x) => x.speakerId)).toEqual([kims[0].id]);
    }
  });

  it("does not create a lärpass as cancelled, nor cancel a draft (it would turn up in the programme as cancelled)", async () => {
    const { event } = setup();
    const refused = {
      ok: false,
      errors: { status: "Bara ett publicerat lärpass kan ställas in. Ett utkast syns inte för besökarna: låt det vara utkast eller ta bort det." },
    };
    expect(createLarpass({ author, eventId: event.id, input: input({ status: "cancelled" }) })).toEqual(refused);
    const r = created(createLarpass({ author, eventId: event.id, input: input() }));
    expect(await updateLarpass({ author, id: r.id, expectedVersion: 1, input: input({ status: "cancelled" }) })).toEqual(refused);
    expect(row(r.id)).toMatchObject({ status: "draft", version: 1 });
  });

  it("refuses a time slot or room of another event", () => {
    const a = setup();
    const b = setup();
    expect(createLarpass({ author, eventId: a.event.id, input: input({ timeSlotId: String(b.slot9.id) }) })).toEqual({
      ok: false,
      errors: { timeSlotId: "Tiden finns inte i evenemanget längre. Välj en annan." },
    });
    expect(createLarpass({ author, eventId: a.event.id, input: input({ roomId: String(b.room30.id) }) })).toMatchObject({ ok: false, errors: { roomId: expect.any(String) } });
  });
});

describe("updateLarpass: optimistic concurrency", () => {
  it("refuses a save from a stale form with both versions, and writes nothing", async () => {
    const { event } = setup();
    const a = speaker("Anna Berg", "Region Västerbotten");
    const r = created(createLarpass({ author, eventId: event.id, input: input({ title: "Original", speakers: [`id:${a.id}`] }) }));

    // Two organisers open version 1. The first saves.
    created(await updateLarpass({ author, id: r.id, expectedVersion: 1, input: input({ title: "Deras titel", speakers: [`id:${a.id}`] }) }));
    expect(row(r.id)).toMatchObject({ title: "Deras titel", version: 2 });

    // The second saves from version 1: refused, with the saved version and theirs side by side.
    const stale = await updateLarpass({ author, id: r.id, expectedVersion: 1, input: input({ title: "Min titel", abstract: "Mitt." }) });
    expect(stale.ok).toBe(false);
    if (stale.ok || !("conflict" in stale)) throw new Error("expected a conflict");
    expect(stale.conflict.current.version).toBe(2);
    expect(stale.conflict.current.values).toMatchObject({ title: "Deras titel", abstract: "Om *framtiden*.", speakers: [`id:${a.id}`] });
    expect(stale.conflict.current.display).toMatchObject({ title: "Deras titel", speakers: ["Anna Berg, Region Västerbotten"], status: "Utkast" });
    expect(stale.conflict.yours).toMatchObject({ title: "Min titel", abstract: "Mitt.", speakers: [] });
    expect(row(r.id)).toMatchObject({ title: "Deras titel", version: 2 });

    // Re-applied onto the version they have now seen, the save goes through.
    const onto = created(await updateLarpass({ author, id: r.id, expectedVersion: 2, input: input({ title: "Min titel" }) }));
    expect(onto.version).toBe(3);
    expect(row(r.id)).toMatchObject({ title: "Min titel", version: 3 });
  });

  it("counts a version bumped by something else (a move in the schedule, a cancellation) as a change", async () => {
    const { event, slot9 } = setup();
    const r = created(createLarpass({ author, eventId: event.id, input: input({ status: "published" }) }));
    created(await updateLarpass({ author, id: r.id, expectedVersion: 1, input: input({ status: "published", timeSlotId: String(slot9.id) }) }));
    const stale = await updateLarpass({ author, id: r.id, expectedVersion: 1, input: input({ status: "published", title: "Ny" }) });
    expect(stale).toMatchObject({ ok: false, conflict: { current: { version: 2 } } });
  });
});

describe("updateLarpass: the public change log", () => {
  it("logs nothing while the lärpass is a draft", async () => {
    const { event } = setup();
    const a = speaker("Anna Berg");
    const r = created(createLarpass({ author, eventId: event.id, input: input() }));
    created(await updateLarpass({ author, id: r.id, expectedVersion: 1, input: input({ title: "Ny titel", abstract: "Ny text", speakers: [`id:${a.id}`] }) }));
    expect(changesOf(r.id)).toEqual([]);
  });

  it("logs title, abstract and speakers of a published lärpass with before and after", async () => {
    const { event } = setup();
    const a = speaker("Anna Berg", "Region Norrbotten");
    const b = speaker("Bo Ek");
    const r = created(createLarpass({ author, eventId: event.id, input: input({ status: "published", speakers: [`id:${a.id}`] }) }));
    created(
      await updateLarpass({
        author,
        id: r.id,
        expectedVersion: 1,
        input: input({ status: "published", title: "Ny titel", abstract: "Ny text", speakers: [`id:${b.id}`, `id:${a.id}`] }),
      }),
    );
    const log = changesOf(r.id).map((c) => ({ kind: c.kind, before: c.before, after: c.after, title: c.larpassTitle }));
    expect(log).toEqual([
      { kind: "new", before: null, after: null, title: "Regional förnyelse" },
      { kind: "title", before: "Regional förnyelse", after: "Ny titel", title: "Ny titel" },
      { kind: "abstract", before: "Om *framtiden*.", after: "Ny text", title: "Ny titel" },
      { kind: "speakers", before: "Anna Berg (Region Norrbotten)", after: "Bo Ek, Anna Berg (Region Norrbotten)", title: "Ny titel" },
    ]);
  });

  it("logs nothing for a published lärpass of an unpublished event", async () => {
    const { event } = setup({ published: false });
    const r = created(createLarpass({ author, eventId: event.id, input: input({ status: "published" }) }));
    created(await updateLarpass({ author, id: r.id, expectedVersion: 1, input: input({ status: "published", title: "Ny" }) }));
    expect(changesOf(r.id)).toEqual([]);
  });

  it("logs publishing as new, and publishing a cancelled lärpass again as restored", async () => {
    const { event } = setup();
    const r = created(createLarpass({ author, eventId: event.id, input: input() }));
    created(await updateLarpass({ author, id: r.id, expectedVersion: 1, input: input({ status: "published", title: "Publicerad" }) }));
    created(await updateLarpass({ author, id: r.id, expectedVersion: 2, input: input({ status: "cancelled", title: "Publicerad" }) }));
    created(await updateLarpass({ author, id: r.id, expectedVersion: 3, input: input({ status: "published", title: "Publicerad" }) }));
    // The title changed together with publishing: it is part of "new", not a change of its own.
    expect(changesOf(r.id).map((c) => c.kind)).toEqual(["new", "cancelled", "restored"]);
    expect(row(r.id)).toMatchObject({ status: "published", version: 4 });
  });
});

describe("updateLarpass: members", () => {
  async function withMembers(n: number) {
    const f = setup();
    const r = created(
      createLarpass({
        author,
        eventId: f.event.id,
        input: input({ status: "published", title: "Välbesökt", timeSlotId: String(f.slot9.id), roomId: String(f.room30.id) }),
      }),
    );
    const people = createUsers(db, n);
    for (const u of people) expect((await chooseLarpass({ userId: u.id, larpassId: r.id })).ok).toBe(true);
    return { ...f, id: r.id, people };
  }
  const published = (f: { slot9: { id: number }; room30: { id: number } }, extra: Parameters<typeof input>[0] = {}) =>
    input({ status: "published", title: "Välbesökt", timeSlotId: String(f.slot9.id), roomId: String(f.room30.id), ...extra });

  it("cancelling asks first, then releases every seat through cancelLarpass's rules and mails each member", async () => {
    const f = await withMembers(2);
    const ask = await updateLarpass({ author, id: f.id, expectedVersion: 1, input: published(f, { status: "cancelled" }) });
    expect(ask).toEqual({
      ok: false,
      confirm: { consequences: ["2 medlemmar har valt det; de får ett mejl och platserna släpps när lärpasset ställs in."] },
    });
    expect(row(f.id)).toMatchObject({ status: "published", version: 1 });
    expect(registrationsOf(db, f.id)).toHaveLength(2);

    created(await updateLarpass({ author, id: f.id, expectedVersion: 1, input: published(f, { status: "cancelled" }), confirmed: true }));
    expect(row(f.id)).toMatchObject({ status: "cancelled", version: 2 });
    expect(registrationsOf(db, f.id)).toEqual([]);
    for (const u of f.people) {
      const mails = mailsTo(u);
      expect(mails.map((m) => m.subject)).toEqual(["Inställt: Välbesökt"]);
      expect(mails[0].text).toContain("Din plats är borttagen.");
    }
    expect(changesOf(f.id).map((c) => c.kind)).toEqual(["new", "cancelled"]);
  });

  it("a new time moves the members along (schedule's move), logs it and mails them; a clash releases", async () => {
    const f = await withMembers(2);
    const slot10 = f.slot("10:15", "11:00");
    const rival = f.larpass({ slot: slot10, title: "Samtidigt" });
    const [stays, clashes] = f.people;
    await chooseLarpass({ userId: clashes.id, larpassId: rival.id });

    const ask = await updateLarpass({ author, id: f.id, expectedVersion: 1, input: published(f, { timeSlotId: String(slot10.id) }) });
    expect(ask.ok).toBe(false);
    if (ask.ok || !("confirm" in ask)) throw new Error("expected a confirmation");
    expect(ask.confirm.consequences).toEqual([
      expect.stringMatching(/^Lärpasset flyttas till torsdag 15 mars 2018 10:15–11:00, Sal /),
      "1 medlem följer med och får ett mejl om ändringen.",
      "1 medlem har redan valt något annat vid den nya tiden; deras val släpps och de får ett mejl.",
    ]);

    created(await updateLarpass({ author, id: f.id, expectedVersion: 1, input: published(f, { timeSlotId: String(slot10.id) }), confirmed: true }));
    expect(row(f.id)).toMatchObject({ timeSlotId: slot10.id, version: 2 });
    expect(statusOf(db, stays.id, f.id)).toBe("confirmed");
    expect(statusOf(db, clashes.id, f.id)).toBeNull();
    expect(statusOf(db, clashes.id, rival.id)).toBe("confirmed");
    expect(mailsTo(stays).map((m) => m.subject)).toEqual(["Ändrat: Välbesökt"]);
    expect(mailsTo(clashes).map((m) => m.subject)).toEqual(["Ditt val är släppt: Välbesökt"]);
    const time = changesOf(f.id).find((c) => c.kind === "time")!;
    expect(time.before).toBe("torsdag 15 mars 2018 09:00–09:45");
    expect(time.after).toBe("torsdag 15 mars 2018 10:15–11:00");
  });

  it("edits without consequences for members save at once (no question)", async () => {
    const f = await withMembers(1);
    created(await updateLarpass({ author, id: f.id, expectedVersion: 1, input: published(f, { abstract: "Uppdaterad." }) }));
    expect(row(f.id).abstract).toBe("Uppdaterad.");
    expect(registrationsOf(db, f.id)).toHaveLength(1);
  });

  it("a higher number of seats goes to the queue at once", async () => {
    const f = setup();
    const r = created(
      createLarpass({ author, eventId: f.event.id, input: input({ status: "published", timeSlotId: String(f.slot9.id), capacity: "1" }) }),
    );
    const [a, b] = createUsers(db, 2);
    await chooseLarpass({ userId: a.id, larpassId: r.id });
    expect((await chooseLarpass({ userId: b.id, larpassId: r.id, waitlist: true })).ok).toBe(true);
    expect(statusOf(db, b.id, r.id)).toBe("waitlisted");
    created(await updateLarpass({ author, id: r.id, expectedVersion: 1, input: input({ status: "published", timeSlotId: String(f.slot9.id), capacity: "2" }) }));
    expect(statusOf(db, b.id, r.id)).toBe("confirmed");
    expect(mailsTo(b).map((m) => m.subject)).toEqual(["Du har fått en plats: Regional förnyelse"]);
  });

  it("taking a published lärpass back to draft asks, releases and mails, and logs it as removed", async () => {
    const f = await withMembers(1);
    const ask = await updateLarpass({ author, id: f.id, expectedVersion: 1, input: published(f, { status: "draft" }) });
    expect(ask).toMatchObject({ ok: false, confirm: { consequences: [expect.stringContaining("1 medlem har valt det")] } });
    created(await updateLarpass({ author, id: f.id, expectedVersion: 1, input: published(f, { status: "draft" }), confirmed: true }));
    expect(registrationsOf(db, f.id)).toEqual([]);
    expect(mailsTo(f.people[0]).map((m) => m.subject)).toEqual(["Inte längre i programmet: Välbesökt"]);
    expect(changesOf(f.id).map((c) => c.kind)).toEqual(["new", "removed"]);
  });
});

describe("deleteLarpass", () => {
  it("says what will happen, then releases and mails the members and logs the removal", async () => {
    const f = setup();
    const r = created(createLarpass({ author, eventId: f.event.id, input: input({ status: "published", title: "Borta", timeSlotId: String(f.slot9.id) }) }));
    const [a, b, c] = createUsers(db, 3);
    for (const u of [a, b, c]) await chooseLarpass({ userId: u.id, larpassId: r.id });
    expect(describeLarpassDeletion({ id: r.id })!.consequences).toEqual([
      "3 medlemmar har valt det; de får ett mejl och platserna släpps.",
      "Det försvinner ur det publicerade programmet och noteras som borttaget på sidan Ändringar.",
      "Vill du hellre att det syns som inställt? Ändra status till Inställt i stället.",
    ]);
    expect(await deleteLarpass({ id: r.id })).toEqual({ eventId: f.event.id });
    expect(db.select().from(larpass).where(eq(larpass.id, r.id)).get()).toBeUndefined();
    for (const u of [a, b, c]) expect(mailsTo(u).map((m) => m.subject)).toEqual(["Borttaget: Borta"]);
    const log = db.select().from(programmeChanges).where(eq(programmeChanges.larpassTitle, "Borta")).all();
    expect(log.map((l) => [l.kind, l.larpassId])).toEqual([
      ["new", null],
      ["removed", null],
    ]);
  });

  it("a draft nobody chose goes without a trace in the log", async () => {
    const f = setup();
    const r = created(createLarpass({ author, eventId: f.event.id, input: input({ title: "Utkastet" }) }));
    expect(describeLarpassDeletion({ id: r.id })!.consequences).toEqual([]);
    await deleteLarpass({ id: r.id });
    expect(db.select().from(programmeChanges).where(eq(programmeChanges.larpassTitle, "Utkastet")).all()).toEqual([]);
  });
});

describe("reading for the forms", () => {
  it("getLarpassForEdit gives the form's values as text and the version", () => {
    const f = setup();
    const a = speaker("Anna Berg");
    const r = created(
      createLarpass({ author, eventId: f.event.id, input: input({ speakers: [`id:${a.id}`], roomId: String(f.room30.id), capacity: "12", track: "Tillväxt" }) }),
    );
    expect(getLarpassForEdit({ id: r.id })).toMatchObject({
      larpass: { version: 1 },
      values: {
        title: "Regional förnyelse",
        speakers: [`id:${a.id}`],
        roomId: String(f.room30.id),
        timeSlotId: "",
        capacity: "12",
        status: "draft",
        track: "Tillväxt",
        language: "sv",
      },
    });
  });

  it("listLarpassForCsv lists every status with speakers in order", async () => {
    const f = setup();
    const a = speaker("Anna Berg", "Region Norrbotten");
    created(createLarpass({ author, eventId: f.event.id, input: input({ title: "Första", speakers: [`id:${a.id}`], timeSlotId: String(f.slot9.id) }) }));
    const second = created(createLarpass({ author, eventId: f.event.id, input: input({ title: "Andra", status: "published" }) }));
    created(await updateLarpass({ author, id: second.id, expectedVersion: 1, input: input({ title: "Andra", status: "cancelled" }) }));
    const rows = listLarpassForCsv({ eventId: f.event.id });
    expect(rows.map((r) => [r.title, r.status, r.time])).toEqual([
      ["Första", "utkast", "2018-03-15 09:00–09:45"],
      ["Andra", "inställt", ""],
    ]);
    expect(rows[0].speakers).toEqual([{ name: "Anna Berg", role: null, organisation: "Region Norrbotten" }]);
  });
});
