// Changes reach the people they concern: one digest mail per member per save of a published lärpass, saying
// what changed with a link; "ändra utan att meddela" sends none; a move in the same save is in the same mail.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { speakers } from "@/db/schema";
import { readOutbox } from "@/lib/mail";
import { chooseLarpass } from "@/lib/registrations";
import type { RevisionAuthor } from "@/lib/revisions";
import { createEvent, createUsers, useTempOutbox, type TestUser } from "@/test/factories";
import { larpassSchema, type LarpassInput } from "@/lib/validation/admin";
import { describeChanges } from "./change-digest";
import { createLarpass, updateLarpass } from "./larpass";

useTempOutbox();
beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});
const author: RevisionAuthor = { userId: null, label: "arrangor@example.se", role: "organiser" };
const mailsTo = (u: TestUser) => readOutbox({ to: u.email });

function input(values: Partial<Record<keyof LarpassInput, string | string[]>>): LarpassInput {
  return larpassSchema.parse({ title: "Digest", slug: "", abstract: "Gammal text.", speakers: [], timeSlotId: "", roomId: "", capacity: "", status: "published", track: "", language: "sv", ...values });
}

async function world() {
  const f = createEvent(db);
  const slot = f.slot("09:00", "09:45");
  const room = f.room(1, `Rum ${Math.random().toString(36).slice(2, 6)}`);
  const anna = db.insert(speakers).values({ name: "Anna Ek", slug: `anna-${Math.random().toString(36).slice(2)}` }).returning().get();
  const base = { title: "Framtidens region", timeSlotId: String(slot.id), roomId: String(room.id), speakers: [`id:${anna.id}`] };
  const made = createLarpass({ author, eventId: f.event.id, input: input(base) });
  if (!made.ok) throw new Error("create");
  const [seat, queue, other] = createUsers(db, 3);
  await chooseLarpass({ userId: seat.id, larpassId: made.id });
  await chooseLarpass({ userId: queue.id, larpassId: made.id, waitlist: true });
  return { f, id: made.id, base, seat, queue, other, anna, slug: made.id };
}

describe("change digests", () => {
  it("one mail per member with every change of the save and a link; the queue is told too; others are not", async () => {
    const w = await world();
    const bo = db.insert(speakers).values({ name: "Bo Berg", slug: `bo-${Math.random().toString(36).slice(2)}` }).returning().get();
    const saved = await updateLarpass({
      author,
      id: w.id,
      expectedVersion: 1,
      input: input({ ...w.base, title: "Regionens framtid", abstract: "Ny text.", speakers: [`id:${w.anna.id}`, `id:${bo.id}`] }),
    });
    expect(saved.ok).toBe(true);
    const [mail, ...more] = mailsTo(w.seat);
    expect(more).toEqual([]);
    expect(mail.subject).toBe("Ändrat: Regionens framtid");
    expect(mail.text).toContain('Lärpasset "Regionens framtid" som du har plats på har ändrats:');
    expect(mail.text).toContain('- Ny titel: "Regionens framtid" (tidigare "Framtidens region").');
    expect(mail.text).toContain("- Sammanfattningen är uppdaterad.");
    expect(mail.text).toContain("- Talare: Anna Ek, Bo Berg (tidigare Anna Ek).");
    expect(mail.text).toMatch(/Läs mer: https?:\/\/\S+\/evenemang\/test-[^/]+\/larpass\/\S+/);
    expect(mail.text).toContain("Din plats ligger kvar");
    const [queued] = mailsTo(w.queue);
    expect(queued.text).toContain("som du står i kö till har ändrats");
    expect(queued.text).toContain("Din köplats ligger kvar");
    expect(mailsTo(w.other)).toEqual([]);
  });

  it("'ändra utan att meddela' saves the typo fix and mails nobody", async () => {
    const w = await world();
    const saved = await updateLarpass({ author, id: w.id, expectedVersion: 1, input: input({ ...w.base, abstract: "Gammal txt." }), notifyMembers: false });
    expect(saved.ok).toBe(true);
    expect(mailsTo(w.seat)).toEqual([]);
    expect(mailsTo(w.queue)).toEqual([]);
  });

  it("a new time in the same save is in the same one mail, not a second one", async () => {
    const w = await world();
    const slot10 = w.f.slot("10:15", "11:00");
    const saved = await updateLarpass({
      author,
      id: w.id,
      expectedVersion: 1,
      input: input({ ...w.base, timeSlotId: String(slot10.id), abstract: "Ny text." }),
      confirmed: true,
    });
    expect(saved.ok).toBe(true);
    const mails = mailsTo(w.seat);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain("- Sammanfattningen är uppdaterad.");
    expect(mails[0].text).toMatch(/- Ny tid och plats: torsdag 15 mars 2018 10:15–11:00, Rum /);
  });

  it("a save that changes nothing for members sends nothing", async () => {
    const w = await world();
    expect((await updateLarpass({ author, id: w.id, expectedVersion: 1, input: input({ ...w.base, track: "Spår A" }) })).ok).toBe(true);
    expect(mailsTo(w.seat)).toEqual([]);
  });

  it("describes the changes in Swedish, in a fixed order", () => {
    expect(describeChanges({ speakers: { before: "", after: "Anna Ek" }, abstract: true }, "kl. 10")).toEqual([
      "Sammanfattningen är uppdaterad.",
      "Talare: Anna Ek (tidigare inga angivna).",
      "Ny tid och plats: kl. 10.",
    ]);
  });
});
