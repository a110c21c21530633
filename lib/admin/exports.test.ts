// CSV exports (lib/admin/exports.ts): escaping, BOM and Swedish letters, and the participant lists
// against the file's own migrated SQLite database.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { organisations, users } from "@/db/schema";
import { chooseLarpass } from "@/lib/registrations";
import { createEvent, createUsers, useTempOutbox } from "@/test/factories";
import { buildEventExport, csvCell, getParticipantList, listParticipants, parseExportFile, participantsCsv, toCsv } from "./exports";

useTempOutbox();
beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});

describe("toCsv", () => {
  it("starts with a BOM, separates with ; and ends every row with CRLF", () => {
    const csv = toCsv([
      ["Namn", "Ort"],
      ["Åsa Öberg", "Gävle"],
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toBe("\uFEFFNamn;Ort\r\nÅsa Öberg;Gävle\r\n");
    // Encoded as UTF-8, å ä ö are two bytes each and the BOM is EF BB BF.
    const bytes = Buffer.from(csv, "utf8");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes(Buffer.from("Å", "utf8"))).toBe(true);
    expect(Buffer.from("åäö", "utf8").length).toBe(6);
  });

  it("quotes fields with ; \" or line breaks, doubling the quotes", () => {
    expect(csvCell("Lund; Malmö")).toBe('"Lund; Malmö"');
    expect(csvCell('Så kallad "lärpass"')).toBe('"Så kallad ""lärpass"""');
    expect(csvCell("rad ett\nrad två")).toBe('"rad ett\nrad två"');
    expect(csvCell("rad ett\r\nrad två")).toBe('"rad ett\r\nrad två"');
    expect(csvCell(" mellanslag ")).toBe('" mellanslag "');
    expect(csvCell("Vanlig text, med komma")).toBe("Vanlig text, med komma");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(3)).toBe("3");
    expect(toCsv([["a;b", 'c"d', "e\nf"]])).toBe('\uFEFF"a;b";"c""d";"e\nf"\r\n');
  });

  it("never lets a member's name become a spreadsheet formula", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvCell("+46 70")).toBe("'+46 70");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@summa")).toBe("'@summa");
    expect(csvCell(-1)).toBe("-1"); // numbers we write ourselves stay numbers
  });
});

describe("parseExportFile", () => {
  it("knows the three kinds of file and nothing else", () => {
    expect(parseExportFile("anmalningar.csv")).toEqual({ kind: "all" });
    expect(parseExportFile("pass-12.csv")).toEqual({ kind: "slot", id: 12 });
    expect(parseExportFile("larpass-7.csv")).toEqual({ kind: "larpass", id: 7 });
    for (const bad of ["pass-0.csv", "pass-.csv", "pass-1.csv.csv", "../anmalningar.csv", "larpass-01.csv", "x.csv", "anmalningar"]) {
      expect(parseExportFile(bad), bad).toBeNull();
    }
  });
});

describe("participant lists", () => {
  function setup() {
    const f = createEvent(db);
    const nine = f.slot("09:00", "09:45");
    const ten = f.slot("10:15", "11:00");
    const room = f.room(2, "Rum Götaland");
    const a = f.larpass({ slot: nine, room, title: 'Ärenden; "snabbt"' });
    const b = f.larpass({ slot: ten, room, title: "Öppna data" });
    const [ö, å, ä, z] = createUsers(db, 4);
    db.update(users).set({ name: "Östen Ärlig" }).where(eq(users.id, ö.id)).run();
    const region = db.insert(organisations).values({ slug: `region-${Date.now()}-${Math.random()}`, name: `Region Örebro län ${Math.random()}` }).returning().get();
    db.update(users).set({ name: "Åsa Ek", organisationId: region.id }).where(eq(users.id, å.id)).run();
    db.update(users).set({ name: "Ängla Berg" }).where(eq(users.id, ä.id)).run();
    db.update(users).set({ name: "Zack Zäta" }).where(eq(users.id, z.id)).run();
    return { f, nine, ten, a, b, ö, å, ä, z, region };
  }

  it("lists seats by Swedish name order, then the queue in order, lärpass in schedule order", async () => {
    const { f, a, b, ö, å, ä, z, region } = setup();
    await chooseLarpass({ userId: ö.id, larpassId: a.id });
    await chooseLarpass({ userId: å.id, larpassId: a.id });
    await chooseLarpass({ userId: z.id, larpassId: a.id, waitlist: true });
    await chooseLarpass({ userId: ä.id, larpassId: a.id, waitlist: true });
    await chooseLarpass({ userId: ä.id, larpassId: b.id });

    const rows = listParticipants({ eventId: f.event.id });
    expect(rows.map((r) => [r.name, r.status, r.position, r.larpassTitle])).toEqual([
      ["Åsa Ek", "confirmed", null, 'Ärenden; "snabbt"'],
      ["Östen Ärlig", "confirmed", null, 'Ärenden; "snabbt"'],
      ["Zack Zäta", "waitlisted", 1, 'Ärenden; "snabbt"'],
      ["Ängla Berg", "waitlisted", 2, 'Ärenden; "snabbt"'],
      ["Ängla Berg", "confirmed", null, "Öppna data"],
    ]);

    const csv = participantsCsv(rows);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("Namn;Organisation;E-post;Status;Köplats;Lärpass;Tid;Lokal");
    expect(lines[1]).toBe(`Åsa Ek;${region.name};${å.email};Har plats;;"Ärenden; ""snabbt""";torsdag 15 mars 2018 09:00–09:45;Rum Götaland`);
    expect(lines[3]).toBe(`Zack Zäta;;${z.email};I kö;1;"Ärenden; ""snabbt""";torsdag 15 mars 2018 09:00–09:45;Rum Götaland`);
    expect(lines.at(-1)).toBe("");
    expect(lines).toHaveLength(7);
  });

  it("exports per lärpass and per slot only within the event", async () => {
    const { f, ten, a, b, å } = setup();
    const other = createEvent(db);
    await chooseLarpass({ userId: å.id, larpassId: b.id });
    const perSlot = buildEventExport({ eventId: f.event.id, file: `pass-${ten.id}.csv` })!;
    expect(perSlot.filename).toBe(`${f.event.slug}-pass-${ten.id}.csv`);
    expect(perSlot.csv).toContain("Åsa Ek");
    const perLarpass = buildEventExport({ eventId: f.event.id, file: `larpass-${a.id}.csv` })!;
    expect(perLarpass.csv).toBe("\uFEFFNamn;Organisation;E-post;Status;Köplats;Lärpass;Tid;Lokal\r\n");
    expect(buildEventExport({ eventId: other.event.id, file: `larpass-${a.id}.csv` })).toBeNull();
    expect(buildEventExport({ eventId: other.event.id, file: `pass-${ten.id}.csv` })).toBeNull();
    expect(buildEventExport({ eventId: f.event.id, file: "hemligt.txt" })).toBeNull();
    expect(buildEventExport({ eventId: 999_999, file: "anmalningar.csv" })).toBeNull();
  });

  it("gives the room host the lärpass, time, room and both lists", async () => {
    const { a, ö, z, å } = setup();
    await chooseLarpass({ userId: ö.id, larpassId: a.id });
    await chooseLarpass({ userId: å.id, larpassId: a.id });
    await chooseLarpass({ userId: z.id, larpassId: a.id, waitlist: true });
    const list = getParticipantList({ larpassId: a.id })!;
    expect(list.larpass).toMatchObject({ title: 'Ärenden; "snabbt"', capacity: 2 });
    expect(list.room).toEqual({ name: "Rum Götaland", capacity: 2 });
    expect(list.confirmed.map((p) => p.name)).toEqual(["Åsa Ek", "Östen Ärlig"]);
    expect(list.waitlisted.map((p) => [p.name, p.position])).toEqual([["Zack Zäta", 1]]);
    expect(getParticipantList({ larpassId: 999_999 })).toBeNull();
  });
});
