import { describe, expect, it } from "vitest";
import { decodeSpeakerEntry, encodeSpeakerEntry } from "@/lib/speaker-entry";
import { daySchema, eventSchema, larpassSchema, newEventSchema, normaliseTime, organisationSchema, roomSchema, slotSchema, speakerSchema } from "./admin";
import { fieldErrors, formId, formValues } from "@/lib/validation/form";
import { languageLabels, languages } from "@/lib/domain";

const errorsOf = (r: { success: boolean; error?: unknown }) => (r.success ? {} : fieldErrors(r.error as never));

const event = (v: Record<string, string> = {}) => ({
  name: "Årskonferensen 2019",
  slug: "",
  startsOn: "2019-03-14",
  endsOn: "2019-03-15",
  venue: "",
  description: "",
  signupOpensAt: "",
  signupClosesAt: "",
  published: "",
  ...v,
});

const larpass = (v: Record<string, unknown> = {}) => ({
  title: "Tillbaka till framtiden",
  slug: "",
  abstract: "",
  speakers: [],
  timeSlotId: "",
  roomId: "",
  capacity: "",
  status: "draft",
  track: "",
  language: "sv",
  ...v,
});

describe("eventSchema", () => {
  it("accepts a minimal event; empty optional fields become null, the checkbox a boolean", () => {
    expect(eventSchema.parse(event())).toEqual({
      name: "Årskonferensen 2019",
      slug: null,
      startsOn: "2019-03-14",
      endsOn: "2019-03-15",
      venue: "",
      description: "",
      signupOpensAt: null,
      signupClosesAt: null,
      published: false,
      speakerEditDeadline: null,
      speakersSeeParticipants: false,
      speakerEditsReviewed: false,
    });
    expect(eventSchema.parse(event({ published: "on" })).published).toBe(true);
    expect(eventSchema.parse(event({ speakerEditsReviewed: "on" })).speakerEditsReviewed).toBe(true);
    expect(eventSchema.parse(event({ speakersSeeParticipants: "on", speakerEditDeadline: "2019-03-01T23:59" }))).toMatchObject({
      speakersSeeParticipants: true,
      speakerEditDeadline: { date: "2019-03-01", time: "23:59" },
    });
    expect(errorsOf(eventSchema.safeParse(event({ speakerEditDeadline: "snart" })))).toEqual({
      speakerEditDeadline: "Ange datum och klockslag, till exempel 2019-02-01 09:00.",
    });
  });

  it("reads datetime-local values as local date and time", () => {
    const r = eventSchema.parse(event({ signupOpensAt: "2019-02-01T09:00", signupClosesAt: "2019-03-10T23:59:00" }));
    expect(r.signupOpensAt).toEqual({ date: "2019-02-01", time: "09:00" });
    expect(r.signupClosesAt).toEqual({ date: "2019-03-10", time: "23:59" });
  });

  it("gives Swedish messages next to the right field", () => {
    expect(
      errorsOf(eventSchema.safeParse(event({ name: " ", slug: "Årskonferens 2019", startsOn: "2019-02-30", signupOpensAt: "imorgon" }))),
    ).toEqual({
      name: "Skriv evenemangets namn.",
      slug: "Adressnamnet får bara innehålla a–z, siffror och bindestreck, till exempel arskonferens-2019.",
      startsOn: "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2019-03-14.",
      signupOpensAt: "Ange datum och klockslag, till exempel 2019-02-01 09:00.",
    });
    expect(errorsOf(eventSchema.safeParse(event({ endsOn: "2019-03-13" })))).toEqual({ endsOn: "Sista dagen kan inte vara före första dagen." });
    expect(
      errorsOf(eventSchema.safeParse(event({ signupOpensAt: "2019-02-01T09:00", signupClosesAt: "2019-02-01T09:00" }))),
    ).toEqual({ signupClosesAt: "Anmälan måste stänga efter att den öppnar." });
  });

  it("refuses impossible times and dates instead of rolling them over into another day", () => {
    const cases: [string, string][] = [
      ["2019-02-01T25:00", "Klockslaget 25:00 finns inte. Ange en tid mellan 00:00 och 23:59."],
      ["2019-02-01T99:99", "Klockslaget 99:99 finns inte. Ange en tid mellan 00:00 och 23:59."],
      ["2019-02-01T24:00", "Klockslaget 24:00 finns inte. Ange en tid mellan 00:00 och 23:59."],
      ["2019-02-01T09:60", "Klockslaget 09:60 finns inte. Ange en tid mellan 00:00 och 23:59."],
      ["2019-02-01T09:00:61", "Klockslaget 09:00 finns inte. Ange en tid mellan 00:00 och 23:59."],
      ["2019-02-30T09:00", "Datumet 2019-02-30 finns inte. Ange datum och klockslag, till exempel 2019-02-01 09:00."],
      ["2019-13-01T09:00", "Datumet 2019-13-01 finns inte. Ange datum och klockslag, till exempel 2019-02-01 09:00."],
      ["9999-12-31T09:00", "Året måste vara mellan 2000 och 2100."],
      ["2019-02-01T9:00", "Ange datum och klockslag, till exempel 2019-02-01 09:00."],
    ];
    for (const [typed, message] of cases) {
      expect(errorsOf(eventSchema.safeParse(event({ signupOpensAt: typed }))), typed).toEqual({ signupOpensAt: message });
      expect(errorsOf(eventSchema.safeParse(event({ speakerEditDeadline: typed }))), typed).toEqual({ speakerEditDeadline: message });
    }
    expect(eventSchema.parse(event({ signupOpensAt: "2019-02-01T23:59:59.5" })).signupOpensAt).toEqual({ date: "2019-02-01", time: "23:59" });
    expect(eventSchema.parse(event({ signupOpensAt: "2019-02-01T00:00" })).signupOpensAt).toEqual({ date: "2019-02-01", time: "00:00" });
  });

  it("event dates: a plausible year, the end not before the start, at most 31 days", () => {
    for (const schema of [eventSchema, newEventSchema]) {
      const ev = (over: Record<string, string>) => ({ ...event(), ...over });
      expect(errorsOf(schema.safeParse(ev({ startsOn: "2019-03-14", endsOn: "9999-12-31" })))).toEqual({ endsOn: "Året måste vara mellan 2000 och 2100." });
      expect(errorsOf(schema.safeParse(ev({ startsOn: "1899-03-14", endsOn: "1899-03-15" })))).toEqual({
        startsOn: "Året måste vara mellan 2000 och 2100.",
        endsOn: "Året måste vara mellan 2000 och 2100.",
      });
      expect(errorsOf(schema.safeParse(ev({ startsOn: "2019-03-14", endsOn: "2099-03-14" })))).toEqual({ endsOn: "Ett evenemang kan vara högst 31 dagar långt." });
      expect(errorsOf(schema.safeParse(ev({ startsOn: "2019-03-01", endsOn: "2019-04-01" })))).toEqual({ endsOn: "Ett evenemang kan vara högst 31 dagar långt." });
      expect(schema.safeParse(ev({ startsOn: "2019-03-01", endsOn: "2019-03-31" })).success).toBe(true);
      expect(schema.safeParse(ev({ startsOn: "2000-01-01", endsOn: "2000-01-01" })).success).toBe(true);
      expect(schema.safeParse(ev({ startsOn: "2100-12-01", endsOn: "2100-12-31" })).success).toBe(true);
      expect(errorsOf(schema.safeParse(ev({ startsOn: "+02019-03-14", endsOn: "2019-03-15" })))).toEqual({ startsOn: "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2019-03-14." });
    }
    expect(errorsOf(daySchema.safeParse({ date: "9999-12-31", name: "" }))).toEqual({ date: "Året måste vara mellan 2000 och 2100." });
  });

  it("the short new-event form needs a name and dates in order", () => {
    expect(errorsOf(newEventSchema.safeParse({ name: "", slug: "", startsOn: "", endsOn: "" }))).toEqual({
      name: "Skriv evenemangets namn.",
      startsOn: "Ange första dagen.",
      endsOn: "Ange sista dagen.",
    });
    expect(newEventSchema.parse({ name: "X", slug: "x-2019", startsOn: "2019-01-01", endsOn: "2019-01-01" }).slug).toBe("x-2019");
  });
});

describe("slotSchema", () => {
  it("ends 45 minutes after the start unless told otherwise", () => {
    expect(slotSchema.parse({ dayId: "3", start: "9.00", end: "", label: "" })).toEqual({ dayId: 3, start: "09:00", end: "09:45", label: "" });
    expect(slotSchema.parse({ dayId: "3", start: "13:30", end: "15:00", label: "Workshop" }).end).toBe("15:00");
  });

  it("refuses an end before the start, a missing day and malformed times", () => {
    expect(errorsOf(slotSchema.safeParse({ dayId: "3", start: "10:00", end: "09:45", label: "" }))).toEqual({
      end: "Sluttiden måste vara efter starttiden, samma dag.",
    });
    expect(errorsOf(slotSchema.safeParse({ dayId: "3", start: "23:30", end: "", label: "" }))).toEqual({
      end: "Sluttiden måste vara efter starttiden, samma dag.",
    });
    expect(errorsOf(slotSchema.safeParse({ dayId: "", start: "25:00", end: "x", label: "" }))).toEqual({
      dayId: "Välj vilken dag tiden gäller.",
      start: "Skriv starttiden som TT:MM, till exempel 09:00.",
      end: "Skriv sluttiden som TT:MM, till exempel 09:45.",
    });
    expect(normaliseTime("7:05")).toBe("07:05");
    for (const t of ["24:00", "25:00", "99:99", "09:60"]) expect(normaliseTime(t), t).toBeNull();
    expect(normaliseTime("7")).toBeNull();
  });
});

describe("roomSchema", () => {
  it("needs a name and a whole number of seats", () => {
    expect(roomSchema.parse({ name: " Stora salen ", capacity: "80" })).toEqual({ name: "Stora salen", capacity: 80 });
    expect(errorsOf(roomSchema.safeParse({ name: "", capacity: "många" }))).toEqual({
      name: "Skriv lokalens namn.",
      capacity: "Ange antal platser som ett heltal, till exempel 40.",
    });
    expect(errorsOf(roomSchema.safeParse({ name: "A", capacity: "0" }))).toEqual({ capacity: "Antalet platser ska vara mellan 1 och 100 000." });
  });
});

describe("larpassSchema", () => {
  it("turns the form's text into typed values; empty capacity means the room's", () => {
    expect(
      larpassSchema.parse(
        larpass({ abstract: "Rad ett\r\nrad två  \r\n", speakers: ["id:4", "id:2"], timeSlotId: "7", roomId: "", capacity: "", track: " " }),
      ),
    ).toEqual({
      title: "Tillbaka till framtiden",
      slug: null,
      abstract: "Rad ett\nrad två",
      speakers: [
        { kind: "existing", id: 4 },
        { kind: "existing", id: 2 },
      ],
      timeSlotId: 7,
      roomId: null,
      capacity: null,
      status: "draft",
      track: null,
      language: "sv",
    });
  });

  it("keeps the first place of a speaker listed twice", () => {
    expect(larpassSchema.parse(larpass({ speakers: ["id:4", "id:2", "id:4"] })).speakers).toEqual([
      { kind: "existing", id: 4 },
      { kind: "existing", id: 2 },
    ]);
  });

  it("gives Swedish field errors", () => {
    expect(errorsOf(larpassSchema.safeParse(larpass({ title: "", capacity: "-3", status: "okänd", timeSlotId: "abc", speakers: ["id:x"] })))).toEqual({
      title: "Skriv en titel.",
      capacity: "Ange antal platser som ett heltal, eller lämna tomt för lokalens antal.",
      status: "Välj status: utkast, publicerat eller inställt.",
      timeSlotId: "Välj en tid i listan.",
      speakers: "En talare i listan gick inte att läsa. Ta bort den och lägg till igen.",
    });
  });

  it("encodes new speakers so they survive a round trip through a hidden field", () => {
    const raw = encodeSpeakerEntry({ kind: "new", name: "Åsa Öberg", role: null, organisation: "Region Jämtland Härjedalen" });
    expect(decodeSpeakerEntry(raw)).toEqual({ kind: "new", name: "Åsa Öberg", role: null, organisation: "Region Jämtland Härjedalen" });
    expect(decodeSpeakerEntry(encodeSpeakerEntry({ kind: "existing", id: 12 }))).toEqual({ kind: "existing", id: 12 });
    for (const bad of ["id:0", "id:-1", "ny:{", 'ny:{"name":""}', "12", ""]) expect(decodeSpeakerEntry(bad)).toBeNull();
  });
});

describe("speakerSchema and organisationSchema", () => {
  it("take an optional e-mail, organisation and slug", () => {
    expect(speakerSchema.parse({ name: "Anna", slug: "", role: "", organisationId: "", bio: "", email: " Anna@Region.SE " })).toMatchObject({
      email: "anna@region.se",
      role: null,
      organisationId: null,
      slug: null,
    });
    expect(errorsOf(speakerSchema.safeParse({ name: "", slug: "", role: "", organisationId: "x", bio: "", email: "anna@" }))).toEqual({
      name: "Skriv talarens namn.",
      organisationId: "Välj en organisation i listan.",
      email: "Skriv en giltig e-postadress, till exempel namn@region.se, eller lämna tomt.",
    });
    expect(errorsOf(organisationSchema.safeParse({ name: "", slug: "", kind: "kommun" }))).toEqual({
      name: "Skriv organisationens namn.",
      kind: "Välj typ av organisation.",
    });
  });
});

describe("formId", () => {
  it("reads a positive id from the form and refuses anything else in Swedish", () => {
    const form = new FormData();
    form.set("id", "12");
    expect(formId(form)).toEqual({ ok: true, id: 12 });
    form.set("id", "-3");
    expect(formId(form).ok).toBe(false);
  });

  it("answers a call whose argument is not form data instead of throwing", () => {
    const result = formId({ id: "12" } as unknown as FormData);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/[a-zåäö]/);
  });
});

describe("formValues", () => {
  it("reads every field as empty from something that is not form data", () => {
    expect(formValues({} as unknown as FormData, ["a", "b"])).toEqual({ a: "", b: "" });
  });
});

// A lärpass's language is one of a known list, not any two letters.
describe("larpassSchema language", () => {
  it.each(["sv", "EN", " fi "])("accepts %j", (language) => {
    const result = larpassSchema.safeParse(larpass({ language }));
    expect(result.success).toBe(true);
    expect(result.success && result.data.language).toBe(language.trim().toLowerCase());
  });

  it.each(["xx", "zz", "qq", "", "svenska", "s"])("refuses %j with the Swedish message", (language) => {
    const result = larpassSchema.safeParse(larpass({ language }));
    expect(result.success).toBe(false);
    expect(!result.success && result.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["language", "Välj språk i listan."]]);
  });

  it("has a Swedish label for every language", () => {
    for (const code of languages) expect(languageLabels[code]).toMatch(/^[A-ZÅÄÖ][a-zåäö]+$/);
  });
});
