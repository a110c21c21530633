// Speakers and organisations in the organisers' workspace, against the file's own SQLite database.
import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { events, larpass, larpassSpeakers, organisations, programmeChanges, revisions, speakers } from "@/db/schema";
import { createEvent } from "@/test/factories";
import { organisationSchema, speakerSchema } from "@/lib/validation/admin";
import { createSpeaker, deleteSpeaker, describeSpeakerDeletion, findOrCreateSpeaker, getAdminSpeaker, listAdminSpeakers, updateSpeaker } from "./speakers";
import { createOrganisation, deleteOrganisation, describeOrganisationDeletion, findOrCreateOrganisation, getAdminOrganisation, listAdminOrganisations, updateOrganisation } from "@/lib/admin/organisations";
import type { RevisionAuthor } from "@/lib/revisions";

const author: RevisionAuthor = { userId: null, label: "arrangor@example.se", role: "organiser" };
const versionOf = (id: number) => db.select({ v: speakers.version }).from(speakers).where(eq(speakers.id, id)).get()!.v;

beforeEach(() => {
  db.delete(events).run();
  db.delete(speakers).run();
  db.delete(organisations).run();
});

const speakerInput = (v: Partial<Record<string, string>> = {}) =>
  speakerSchema.parse({ name: "Anna Berg", slug: "", role: "", organisationId: "", bio: "", email: "", ...v });
const orgInput = (v: Partial<Record<string, string>> = {}) => organisationSchema.parse({ name: "Region Norrbotten", slug: "", kind: "region", ...v });

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}

/** A lärpass (published by default, in a published event) with the speakers in order. */
function larpassWith(speakerIds: number[], status: "draft" | "published" = "published", eventPublished = true) {
  const f = createEvent(db, { published: eventPublished });
  const l = f.larpass({ status, title: `Lärpass med ${speakerIds.length} talare` });
  db.insert(larpassSpeakers)
    .values(speakerIds.map((speakerId, position) => ({ larpassId: l.id, speakerId, position })))
    .run();
  return l;
}
const changesOf = (larpassId: number) =>
  db.select().from(programmeChanges).where(eq(programmeChanges.larpassId, larpassId)).orderBy(asc(programmeChanges.id)).all();

describe("speakers", () => {
  it("lists in Swedish alphabetical order (å, ä, ö after z) with organisation and lärpass count", () => {
    const org = ok(createOrganisation({ input: orgInput() })).id;
    for (const name of ["Örjan Ek", "Åsa Lind", "Zara Holm", "Ärla Berg", "anders Berg"]) ok(createSpeaker({ author, input: speakerInput({ name }) }));
    const anna = ok(createSpeaker({ author, input: speakerInput({ name: "Anna Berg", organisationId: String(org) }) })).id;
    larpassWith([anna]);
    const list = listAdminSpeakers();
    expect(list.map((s) => s.name)).toEqual(["anders Berg", "Anna Berg", "Zara Holm", "Åsa Lind", "Ärla Berg", "Örjan Ek"]);
    expect(list.find((s) => s.id === anna)).toMatchObject({ organisation: "Region Norrbotten", larpassCount: 1 });
  });

  it("makes a unique slug from the name, and reports a slug taken by someone else as a field error", () => {
    const a = ok(createSpeaker({ author, input: speakerInput() }));
    const b = ok(createSpeaker({ author, input: speakerInput() }));
    expect([getAdminSpeaker({ id: a.id })!.slug, getAdminSpeaker({ id: b.id })!.slug]).toEqual(["anna-berg", "anna-berg-2"]);
    expect(createSpeaker({ author, input: speakerInput({ name: "Bo Ek", slug: "anna-berg" }) })).toEqual({
      ok: false,
      errors: { slug: 'Adressnamnet "anna-berg" används redan av Anna Berg. Välj ett annat.' },
    });
    // Keeping one's own slug is fine.
    ok(updateSpeaker({ author, expectedVersion: versionOf(a.id), id: a.id, input: speakerInput({ slug: "anna-berg", role: "analytiker" }) }));
  });

  it("stores the e-mail address (private) and the bio, and refuses an organisation that is gone", () => {
    const s = ok(createSpeaker({ author, input: speakerInput({ email: "Anna@Region.se", bio: "Jobbar med *analys*." }) }));
    expect(getAdminSpeaker({ id: s.id })).toMatchObject({ email: "anna@region.se", bio: "Jobbar med *analys*." });
    expect(updateSpeaker({ author, expectedVersion: versionOf(s.id), id: s.id, input: speakerInput({ organisationId: "999999" }) })).toEqual({
      ok: false,
      errors: { organisationId: "Organisationen finns inte längre. Välj en annan." },
    });
  });

  it("a new name or organisation is logged as a change in the published lärpass the speaker is in", () => {
    const s = ok(createSpeaker({ author, input: speakerInput() })).id;
    const pub = larpassWith([s]);
    const draft = larpassWith([s], "draft");
    const org = ok(createOrganisation({ input: orgInput({ name: "Tillväxtverket", kind: "agency" }) })).id;
    ok(updateSpeaker({ author, expectedVersion: versionOf(s), id: s, input: speakerInput({ name: "Anna Berg-Ek", organisationId: String(org) }) }));
    expect(changesOf(pub.id).map((c) => [c.kind, c.before, c.after])).toEqual([["speakers", "Anna Berg", "Anna Berg-Ek, Tillväxtverket"]]);
    expect(changesOf(draft.id)).toEqual([]);
    // A change of role or bio only is not news.
    ok(updateSpeaker({ author, expectedVersion: versionOf(s), id: s, input: speakerInput({ name: "Anna Berg-Ek", organisationId: String(org), bio: "Ny." }) }));
    expect(changesOf(pub.id)).toHaveLength(1);
  });

  it("deleting says which lärpass lose the speaker, removes them from those, logs it and bumps their version", () => {
    const s = ok(createSpeaker({ author, input: speakerInput() })).id;
    const other = ok(createSpeaker({ author, input: speakerInput({ name: "Bo Ek" }) })).id;
    const l = larpassWith([other, s]);
    const impact = describeSpeakerDeletion({ id: s })!;
    expect(impact.what).toBe("talaren Anna Berg");
    expect(impact.consequences[0]).toMatch(/^Anna Berg tas bort som talare från 1 lärpass: Lärpass med 2 talare \(Testkonferens/);
    expect(impact.consequences[1]).toBe("1 av dem är publicerade; ändringen noteras på sidan Ändringar.");
    expect(deleteSpeaker({ id: s, author })).toBe(true);
    expect(db.select().from(larpassSpeakers).where(eq(larpassSpeakers.larpassId, l.id)).all().map((x) => x.speakerId)).toEqual([other]);
    expect(db.select().from(larpass).where(eq(larpass.id, l.id)).get()!.version).toBe(2);
    expect(changesOf(l.id).map((c) => c.kind)).toEqual(["speakers"]);
    expect(deleteSpeaker({ id: s, author })).toBe(false);
  });

  it("findOrCreateSpeaker reuses a speaker with the same name at the same organisation only", () => {
    const org = findOrCreateOrganisation(db, "Region Gävleborg");
    const a = findOrCreateSpeaker(db, { name: "Kim Ek", role: null, organisationId: org }, author);
    expect(findOrCreateSpeaker(db, { name: " kim  ek ", role: null, organisationId: org }, author)).toBe(a);
    expect(findOrCreateSpeaker(db, { name: "Kim Ek", role: null, organisationId: null }, author)).not.toBe(a);
  });
});

describe("organisations", () => {
  it("lists in Swedish order with the number of speakers", () => {
    for (const name of ["Östersunds kommun", "Region Ångermanland", "Almi", "Region Örebro län", "Region Zeta"]) {
      ok(createOrganisation({ input: orgInput({ name }) }));
    }
    const almi = listAdminOrganisations().find((o) => o.name === "Almi")!;
    ok(createSpeaker({ author, input: speakerInput({ organisationId: String(almi.id) }) }));
    const list = listAdminOrganisations();
    expect(list.map((o) => o.name)).toEqual(["Almi", "Region Zeta", "Region Ångermanland", "Region Örebro län", "Östersunds kommun"]);
    expect(list[0].speakerCount).toBe(1);
  });

  it("refuses a second organisation with the same name (any case) and a slug in use, as field errors", () => {
    ok(createOrganisation({ input: orgInput() }));
    expect(createOrganisation({ input: orgInput({ name: "region  NORRBOTTEN" }) })).toEqual({
      ok: false,
      errors: { name: "Det finns redan en organisation som heter Region Norrbotten." },
    });
    expect(createOrganisation({ input: orgInput({ name: "Norrbottens län", slug: "region-norrbotten" }) })).toEqual({
      ok: false,
      errors: { slug: 'Adressnamnet "region-norrbotten" används redan av Region Norrbotten. Välj ett annat.' },
    });
  });

  it("edits name, kind and slug", () => {
    const id = ok(createOrganisation({ input: orgInput() })).id;
    ok(updateOrganisation({ id, input: orgInput({ name: "Region Norrbotten (RN)", kind: "other", slug: "rn" }) }));
    expect(getAdminOrganisation({ id })).toMatchObject({ name: "Region Norrbotten (RN)", kind: "other", slug: "rn" });
    expect(updateOrganisation({ id: 999_999, input: orgInput() })).toMatchObject({ ok: false, errors: { form: expect.any(String) } });
  });

  it("deleting says which speakers lose it; they stay, without an organisation, and published lärpass log it", () => {
    const id = ok(createOrganisation({ input: orgInput() })).id;
    const a = ok(createSpeaker({ author, input: speakerInput({ organisationId: String(id) }) })).id;
    const b = ok(createSpeaker({ author, input: speakerInput({ name: "Bo Ek", organisationId: String(id) }) })).id;
    const l = larpassWith([a]);
    expect(describeOrganisationDeletion({ id })!.consequences).toEqual([
      "2 talare blir utan organisation: Anna Berg, Bo Ek. Talarna finns kvar.",
    ]);
    expect(deleteOrganisation({ author, id })).toBe(true);
    expect([getAdminSpeaker({ id: a })!.organisationId, getAdminSpeaker({ id: b })!.organisationId]).toEqual([null, null]);
    expect(changesOf(l.id).map((c) => [c.kind, c.before, c.after])).toEqual([["speakers", "Anna Berg, Region Norrbotten", "Anna Berg"]]);
    // Each speaker gets a new version and a revision by the organiser who deleted it.
    for (const s of [a, b]) {
      expect(versionOf(s)).toBe(2);
      const latest = db.select().from(revisions).where(eq(revisions.speakerId, s)).orderBy(asc(revisions.id)).all().at(-1);
      expect(latest).toMatchObject({
        version: 2,
        authorLabel: "arrangor@example.se",
        authorRole: "organiser",
        before: { organisation: { id, name: "Region Norrbotten" } },
        after: { organisation: null },
      });
    }
  });

  it("deleting an organisation nobody belongs to writes no revision", () => {
    const id = ok(createOrganisation({ input: orgInput({ name: "Tomma förbundet" }) })).id;
    const count = () => db.select().from(revisions).all().length;
    const before = count();
    expect(deleteOrganisation({ author, id })).toBe(true);
    expect(count()).toBe(before);
  });

  it("findOrCreateOrganisation matches names case- and space-insensitively and guesses the kind of a new one", () => {
    const a = findOrCreateOrganisation(db, "Luleå tekniska universitet");
    expect(findOrCreateOrganisation(db, "luleå  Tekniska universitet")).toBe(a);
    expect(getAdminOrganisation({ id: a })).toMatchObject({ kind: "university", slug: "lulea-tekniska-universitet" });
  });
});
