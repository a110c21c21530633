// Impossible or absurd dates and times sent to the organisers' event forms: the action answers with a
// Swedish message next to the field and the values as typed, and nothing is written (issue #9, items 2
// and 5). The actions are called directly with a signed-in organiser (test/mock-auth.ts).
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth", async () => (await import("@/test/mock-auth")).authModuleMock);
vi.mock("next/navigation", async () => (await import("@/test/mock-auth")).navigationMock);
vi.mock("next/headers", async () => (await import("@/test/mock-auth")).headersMock);

import { createEventAction } from "@/app/arrangor/actions";
import { addDayAction, updateEventAction } from "@/app/arrangor/evenemang/[id]/actions";
import { createEvent } from "@/test/factories";
import { db } from "@/db";
import { expectNoDbChange, form, makeUser } from "@/test/guard-harness";
import { resetRequestMocks, signInAs } from "@/test/mock-auth";

beforeEach(() => {
  resetRequestMocks();
  signInAs(makeUser("organiser"));
});

const eventForm = (id: number, over: Record<string, string> = {}) => ({
  id: String(id),
  name: "Årskonferensen",
  slug: `arskonf-${id}`,
  startsOn: "2018-03-15",
  endsOn: "2018-03-16",
  venue: "",
  description: "",
  signupOpensAt: "",
  signupClosesAt: "",
  speakerEditDeadline: "",
  ...over,
});

describe("the event form refuses impossible times and keeps what was typed", () => {
  it.each([
    ["signupOpensAt", "2019-02-01T25:00", "Klockslaget 25:00 finns inte. Ange en tid mellan 00:00 och 23:59."],
    ["signupOpensAt", "2019-02-01T99:99", "Klockslaget 99:99 finns inte. Ange en tid mellan 00:00 och 23:59."],
    ["signupClosesAt", "2019-02-30T10:00", "Datumet 2019-02-30 finns inte. Ange datum och klockslag, till exempel 2019-02-01 09:00."],
    ["speakerEditDeadline", "2019-03-01T24:00", "Klockslaget 24:00 finns inte. Ange en tid mellan 00:00 och 23:59."],
    ["endsOn", "9999-12-31", "Året måste vara mellan 2000 och 2100."],
    ["endsOn", "2109-03-16", "Året måste vara mellan 2000 och 2100."],
    ["endsOn", "2018-05-16", "Ett evenemang kan vara högst 31 dagar långt."],
    ["endsOn", "2018-03-14", "Sista dagen kan inte vara före första dagen."],
  ])("%s = %s", async (field, typed, message) => {
    const f = createEvent(db, { startsOn: "2018-03-15", endsOn: "2018-03-16" });
    const sent = eventForm(f.event.id, { [field]: typed });
    const state = await expectNoDbChange(() => updateEventAction({}, form(sent)));
    expect(state.errors).toEqual({ [field]: message });
    const { id: _id, ...typedFields } = sent;
    expect(state.values).toMatchObject(typedFields);
    expect(state.values?.[field as "endsOn"]).toBe(typed);
  });
});

describe("the new-event form refuses absurd dates", () => {
  it.each([
    ["9999-12-31", "Året måste vara mellan 2000 och 2100."],
    ["2019-06-01", "Ett evenemang kan vara högst 31 dagar långt."],
  ])("endsOn = %s", async (endsOn, message) => {
    const sent = { name: "Långt evenemang", slug: "", startsOn: "2019-03-14", endsOn };
    const state = await expectNoDbChange(() => createEventAction({}, form(sent)));
    expect(state).toEqual({ errors: { endsOn: message }, values: sent });
  });
});

describe("a day far from now is refused", () => {
  it("9999-12-31", async () => {
    const f = createEvent(db, { startsOn: "2018-03-15", endsOn: "2018-03-16" });
    const state = await expectNoDbChange(() => addDayAction({}, form({ eventId: String(f.event.id), date: "9999-12-31", name: "" })));
    expect(state.errors).toEqual({ date: "Året måste vara mellan 2000 och 2100." });
    expect(state.values).toEqual({ date: "9999-12-31", name: "" });
  });
});
