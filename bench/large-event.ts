/**
 * A large event for the programme bench, in a database file of its own: 200 published lärpass in 10 slots
 * (two days of five) × 20 rooms, each with a three-paragraph abstract and one to three speakers from 60
 * organisations, and 10,000 members who each hold a seat in every slot (100,000 confirmed registrations).
 * Deterministic, so two runs render the same page.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "@/db/migrate";
import { openDatabase } from "@/db/open";
import { authSessions, days, events, larpass, larpassSpeakers, organisations, rooms, speakers, timeSlots } from "@/db/schema";
import { zonedToUtc } from "@/lib/time";

export const LARGE = { slots: 10, rooms: 20, members: 10_000 };

const words = (
  "region kommun samverkan tillväxt kompetens näringsliv innovation landsbygd infrastruktur digitalisering " +
  "hållbarhet omställning arbetsmarknad utbildning forskning finansiering uppföljning analys statistik " +
  "planering bostäder energi transporter klimat besöksnäring industri etablering attraktivitet jämställdhet"
).split(" ");
const orgKinds = ["region", "agency", "university", "company", "other"] as const;
const tracks = ["Hållbar tillväxt", "Kompetensförsörjning", "Digitalisering", "Samhällsplanering", "Analys och uppföljning", "Innovation", "Landsbygd", "Energi"];

/** Pseudo-random but fixed text: sentence i of paragraph p of lärpass k. */
function sentence(k: number, p: number, i: number): string {
  const pick = (j: number) => words[(k * 7 + p * 13 + i * 5 + j * 11) % words.length];
  const w = Array.from({ length: 12 + ((k + i) % 8) }, (_, j) => pick(j));
  return `${w[0][0].toUpperCase()}${w[0].slice(1)} ${w.slice(1).join(" ")}.`;
}

function abstract(k: number): string {
  return [0, 1, 2].map((p) => Array.from({ length: 4 + ((k + p) % 3) }, (_, i) => sentence(k, p, i)).join(" ")).join("\n\n");
}

/** Creates the database; returns its path and a signed-in member's session token (the member holds 10 seats). */
export function createLargeEvent(): { dir: string; file: string; memberToken: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "larpass-bench-large-"));
  const file = path.join(dir, "large.db");
  const db = openDatabase(file);
  migrateDatabase(db);
  const now = Date.now();
  const memberToken = crypto.randomBytes(24).toString("hex");
  db.transaction((tx) => {
    const event = tx
      .insert(events)
      .values({
        slug: "stora-konferensen",
        name: "Den stora konferensen",
        description: "Ett påhittat evenemang för mätningar: 200 lärpass och 10 000 anmälda medlemmar.",
        venue: "Mässhallen",
        startsOn: "2099-05-12",
        endsOn: "2099-05-13",
        published: true,
        signupOpensAt: new Date(now - 3_600_000),
        signupClosesAt: new Date(now + 30 * 86_400_000),
      })
      .returning()
      .get();
    const slotRows = [];
    for (const [d, date] of ["2099-05-12", "2099-05-13"].entries()) {
      const day = tx.insert(days).values({ eventId: event.id, date, name: `Dag ${d + 1}` }).returning().get();
      for (let s = 0; s < LARGE.slots / 2; s++) {
        // 09:00, 10:30, 12:00, 13:30, 15:00; an hour each.
        const hhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, "0")}:${String(min % 60).padStart(2, "0")}`;
        const start = hhmm(9 * 60 + s * 90);
        const end = hhmm(10 * 60 + s * 90);
        slotRows.push(
          tx
            .insert(timeSlots)
            .values({ eventId: event.id, dayId: day.id, startsAt: zonedToUtc(date, start), endsAt: zonedToUtc(date, end), label: `Pass ${slotRows.length + 1}` })
            .returning()
            .get(),
        );
      }
    }
    // 20 rooms of 500–700 seats: 10,000 members fill the 500-seat rooms exactly, the rest keep free seats.
    const roomRows = Array.from({ length: LARGE.rooms }, (_, r) =>
      tx.insert(rooms).values({ eventId: event.id, name: `Sal ${r + 1}`, capacity: 500 + (r % 3) * 100 }).returning().get(),
    );
    const orgRows = Array.from({ length: 60 }, (_, o) =>
      tx.insert(organisations).values({ slug: `organisation-${o + 1}`, name: `Organisation ${o + 1} i ${words[o % words.length]}`, kind: orgKinds[o % orgKinds.length] }).returning().get(),
    );
    const speakerRows = Array.from({ length: 300 }, (_, s) =>
      tx
        .insert(speakers)
        .values({ slug: `talare-${s + 1}`, name: `Talare Nummer ${s + 1}`, role: s % 2 ? "utredare" : "analytiker", organisationId: orgRows[s % orgRows.length].id })
        .returning()
        .get(),
    );
    const larpassIds: number[][] = slotRows.map(() => []);
    for (let k = 0; k < LARGE.slots * LARGE.rooms; k++) {
      const slot = Math.floor(k / LARGE.rooms);
      const row = tx
        .insert(larpass)
        .values({
          eventId: event.id,
          slug: `larpass-${k + 1}`,
          title: `Lärpass ${k + 1}: ${words[k % words.length]} och ${words[(k * 3 + 1) % words.length]} i praktiken`,
          abstract: abstract(k),
          status: "published",
          timeSlotId: slotRows[slot].id,
          roomId: roomRows[k % LARGE.rooms].id,
          track: tracks[k % tracks.length],
          sortOrder: k,
        })
        .returning({ id: larpass.id })
        .get();
      larpassIds[slot].push(row.id);
      const n = 1 + (k % 3);
      for (let j = 0; j < n; j++) {
        tx.insert(larpassSpeakers).values({ larpassId: row.id, speakerId: speakerRows[(k * 3 + j) % speakerRows.length].id, position: j }).run();
      }
    }
    const insertUser = db.$client.prepare("INSERT INTO users (id, email) VALUES (?, ?)");
    const insertReg = db.$client.prepare(
      "INSERT INTO registrations (larpass_id, user_id, time_slot_id, status, queued_at, confirmed_at) VALUES (?, ?, ?, 'confirmed', ?, ?)",
    );
    const userIds: string[] = [];
    for (let i = 0; i < LARGE.members; i++) {
      const id = crypto.randomUUID();
      insertUser.run(id, `stor${i}@bench.example`);
      userIds.push(id);
    }
    // Member i sits in room (i mod 20) in every slot: 500 per room, so the 500-seat rooms are full.
    for (const [s, slot] of slotRows.entries()) {
      for (const [i, id] of userIds.entries()) {
        const t = now - 60_000 + i;
        insertReg.run(larpassIds[s][(i + s) % LARGE.rooms], id, slot.id, t, t);
      }
    }
    tx.insert(authSessions).values({ sessionToken: memberToken, userId: userIds[1], expires: new Date(now + 86_400_000) }).run();
  });
  db.$client.close();
  return { dir, file, memberToken };
}
