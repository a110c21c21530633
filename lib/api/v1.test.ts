// The read-only API: the OpenAPI file is itself valid (@readme/openapi-parser), every documented route
// answers in its documented shape (ajv against the document's strict schemas), conditional GETs give 304,
// CORS is open for GET, and nothing that is not public comes out: no e-mail addresses, registrations,
// drafts or unpublished events.
import { validate as validateOpenApi, compileErrors } from "@readme/openapi-parser";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { events, larpass, larpassSpeakers, organisations, speakers, users } from "@/db/schema";
import { chooseLarpass } from "@/lib/registrations";
import { DEMO_EVENT_SLUG, seedDemo } from "@/scripts/seed";
import { createEvent, createUser, useTempOutbox } from "@/test/factories";
import { apiPaths, openApiDocument } from "./openapi";
import { handleApiRequest } from "./v1";

useTempOutbox();
const BASE = "http://localhost:3000";
process.env.AUTH_URL = BASE;

async function call(path: string, headers: Record<string, string> = {}) {
  const url = new URL(`${BASE}/api/v1${path}`);
  const segments = url.pathname.replace(/^\/api\/v1\//, "").split("/");
  return handleApiRequest(new Request(url, { headers }), segments);
}

async function json(path: string) {
  const res = await call(path);
  expect(res.status, path).toBe(200);
  return res.json();
}

const doc = openApiDocument(BASE);
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(doc, "openapi.json");

/** The response schema the document gives for a path's 200 answer. */
function expectShape(template: keyof typeof apiPaths, body: unknown) {
  const ref = apiPaths[template].get.responses["200"].content["application/json"].schema.$ref;
  const validate = ajv.getSchema(`openapi.json${ref}`)!;
  expect(validate, ref).toBeTruthy();
  const ok = validate(body);
  expect(ok ? [] : validate.errors!.map((e) => `${template}${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)).toEqual([]);
}

// A hidden world next to the public one: everything here must stay out of every answer.
const SECRET = {
  email: "hemlig.talare@example.se",
  memberEmail: "medlem.hemlig@example.se",
  draftTitle: "Hemligt utkast om budgeten",
  hiddenEventName: "Opublicerad hemlig konferens",
  hiddenLarpass: "Lärpass i ett opublicerat evenemang",
  draftSpeaker: "Utkast Talarsson",
  draftOrg: "Utkastorganisationen AB",
};
let hidden: { eventSlug: string; draftSlug: string; draftSpeakerSlug: string; draftOrgSlug: string; hiddenLarpassSlug: string };

beforeAll(async () => {
  vi.spyOn(console, "log").mockImplementation(() => {});
  seedDemo(db);
  const demo = db.select().from(events).where(eq(events.slug, DEMO_EVENT_SLUG)).get()!;
  const demoLarpass = db.select().from(larpass).where(eq(larpass.eventId, demo.id)).all();
  // A speaker of a public lärpass with a private e-mail address; a member with a seat.
  const sp = db.select().from(larpassSpeakers).where(eq(larpassSpeakers.larpassId, demoLarpass[0].id)).get()!;
  db.update(speakers).set({ email: SECRET.email }).where(eq(speakers.id, sp.speakerId)).run();
  const member = createUser(db);
  db.update(users).set({ email: SECRET.memberEmail, name: "Medlem Hemlig" }).where(eq(users.id, member.id)).run();
  await chooseLarpass({ userId: member.id, larpassId: demoLarpass[0].id });
  // A draft in the published event, with its own speaker and organisation that have nothing public.
  const draft = db.insert(larpass).values({ eventId: demo.id, slug: "hemligt-utkast", title: SECRET.draftTitle, status: "draft" }).returning().get();
  const o = db.insert(organisations).values({ slug: "utkastorganisationen", name: SECRET.draftOrg }).returning().get();
  const ds = db.insert(speakers).values({ slug: "utkast-talarsson", name: SECRET.draftSpeaker, organisationId: o.id, email: "utkast@example.se" }).returning().get();
  db.insert(larpassSpeakers).values({ larpassId: draft.id, speakerId: ds.id }).run();
  // An unpublished event with a published lärpass.
  const h = createEvent(db, { name: SECRET.hiddenEventName, published: false });
  const hl = h.larpass({ slot: h.slot("09:00", "09:45"), title: SECRET.hiddenLarpass });
  hidden = { eventSlug: h.event.slug, draftSlug: draft.slug, draftSpeakerSlug: ds.slug, draftOrgSlug: o.slug, hiddenLarpassSlug: hl.slug };
});

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await validateOpenApi(structuredClone(doc) as never);
    expect(result.valid ? "" : compileErrors(result)).toBe("");
    expect(result.specification).toBe("OpenAPI");
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.values(apiPaths).map((p) => p.get.operationId)).toEqual([
      "listEvents",
      "getEvent",
      "getProgramme",
      "getLarpass",
      "listSpeakers",
      "getSpeaker",
      "listOrganisations",
      "getOrganisation",
    ]);
  });

  it("is served at /api/v1/openapi.json", async () => {
    const served = await json("/openapi.json");
    expect(served).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});

describe("every documented route answers in its documented shape", () => {
  it("events, one event, the programme (with filters), one lärpass", async () => {
    const list = await json("/evenemang");
    expectShape("/evenemang", list);
    expect(list.events.map((e: { slug: string }) => e.slug)).toContain(DEMO_EVENT_SLUG);

    const event = await json(`/evenemang/${DEMO_EVENT_SLUG}`);
    expectShape("/evenemang/{event}", event);
    expect(event.name).toBe("Reglabs årskonferens 2018");

    const programme = await json(`/evenemang/${DEMO_EVENT_SLUG}/program`);
    expectShape("/evenemang/{event}/program", programme);
    expect(programme.larpass).toHaveLength(14);
    expect(programme.larpass[0].start).toMatch(/^2018-03-15T\d\d:\d\d:00\+01:00$/);

    const sample = programme.larpass.find((l: { speakers: { organisation: unknown }[] }) => l.speakers.some((s) => s.organisation));
    const org = sample.speakers.find((s: { organisation: unknown }) => s.organisation).organisation.slug;
    const slot = sample.slot.id;
    const filtered = await json(`/evenemang/${DEMO_EVENT_SLUG}/program?org=${org}&slot=${slot}`);
    expectShape("/evenemang/{event}/program", filtered);
    expect(filtered.filters).toEqual({ org, slot });
    expect(filtered.larpass.length).toBeGreaterThan(0);
    expect(filtered.larpass.length).toBeLessThan(14);
    for (const l of filtered.larpass) {
      expect(l.slot.id).toBe(slot);
      expect(l.speakers.some((s: { organisation: { slug: string } | null }) => s.organisation?.slug === org)).toBe(true);
    }
    const q = await json(`/evenemang/${DEMO_EVENT_SLUG}/program?q=talangerna`);
    expect(q.larpass.map((l: { slug: string }) => l.slug)).toEqual(["behall-talangerna"]);
    // A malformed filter is dropped, as on the programme page.
    expect((await json(`/evenemang/${DEMO_EVENT_SLUG}/program?slot=abc&kind=nope`)).shown).toBe(14);

    const one = await json(`/evenemang/${DEMO_EVENT_SLUG}/larpass/behall-talangerna`);
    expectShape("/evenemang/{event}/larpass/{larpass}", one);
    expect(one.url).toBe(`${BASE}/evenemang/${DEMO_EVENT_SLUG}/larpass/behall-talangerna`);
  });

  it("speakers and organisations, lists and one each", async () => {
    const sl = await json("/talare");
    expectShape("/talare", sl);
    const speaker = await json(`/talare/${sl.speakers[0].slug}`);
    expectShape("/talare/{speaker}", speaker);
    expect(speaker.larpass.length).toBeGreaterThan(0);
    const ol = await json("/organisationer");
    expectShape("/organisationer", ol);
    const organisation = await json(`/organisationer/${ol.organisations[0].slug}`);
    expectShape("/organisationer/{organisation}", organisation);
  });

  it("covers every documented path (a new path needs a check here)", () => {
    expect(Object.keys(apiPaths).sort()).toEqual(
      ["/evenemang", "/evenemang/{event}", "/evenemang/{event}/program", "/evenemang/{event}/larpass/{larpass}", "/talare", "/talare/{speaker}", "/organisationer", "/organisationer/{organisation}"].sort(),
    );
  });

  it("unknown things answer 404 with a Swedish message in the documented error shape", async () => {
    for (const path of ["/evenemang/finns-inte", "/evenemang/finns-inte/program", `/evenemang/${DEMO_EVENT_SLUG}/larpass/finns-inte`, "/talare/finns-inte", "/organisationer/finns-inte", "/nagot-annat", "/evenemang/%E0%A4%A"]) {
      const res = await call(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      const body = await res.json();
      const validate = ajv.getSchema("openapi.json#/components/schemas/Error")!;
      expect(validate(body)).toBe(true);
      expect(body.error).toMatch(/finns/i);
    }
  });
});

describe("HTTP: caching and CORS", () => {
  it("ETag and Last-Modified give 304 on a matching conditional GET, and 200 once something changed", async () => {
    const path = `/evenemang/${DEMO_EVENT_SLUG}/program`;
    const first = await call(path);
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    expect(etag).toMatch(/^".+"$/);
    expect(new Date(lastModified).getTime()).not.toBeNaN();
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    expect(first.headers.get("access-control-expose-headers")).toContain("ETag");

    const again = await call(path, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await call(path, { "if-none-match": `W/${etag}, "annat"` })).status).toBe(304);
    expect((await call(path, { "if-none-match": '"annat"' })).status).toBe(200);
    expect((await call(path, { "if-modified-since": lastModified })).status).toBe(304);
    expect((await call(path, { "if-modified-since": new Date(new Date(lastModified).getTime() - 1000).toUTCString() })).status).toBe(200);

    // A change (a speaker renamed) gives a new ETag and a later Last-Modified.
    const one = await json(`/evenemang/${DEMO_EVENT_SLUG}/larpass/behall-talangerna`);
    const s = db.select().from(speakers).where(eq(speakers.slug, one.speakers[0].slug)).get()!;
    await new Promise((r) => setTimeout(r, 1100));
    db.update(speakers).set({ name: `${s.name} (ny)`, updatedAt: new Date() }).where(eq(speakers.id, s.id)).run();
    const changed = await call(path, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect((await call(path, { "if-modified-since": lastModified })).status).toBe(200);
    db.update(speakers).set({ name: s.name }).where(eq(speakers.id, s.id)).run();
  });
});

describe("nothing that is not public", () => {
  it("no answer carries an e-mail address, a member, a registration, a draft or an unpublished event", async () => {
    const paths = ["/evenemang", `/evenemang/${DEMO_EVENT_SLUG}`, `/evenemang/${DEMO_EVENT_SLUG}/program`, "/talare", "/organisationer"];
    const sl = await json("/talare");
    for (const s of sl.speakers) paths.push(`/talare/${s.slug}`);
    const ol = await json("/organisationer");
    for (const o of ol.organisations) paths.push(`/organisationer/${o.slug}`);
    const programme = await json(`/evenemang/${DEMO_EVENT_SLUG}/program`);
    for (const l of programme.larpass) paths.push(`/evenemang/${DEMO_EVENT_SLUG}/larpass/${l.slug}`);
    for (const path of paths) {
      const text = await (await call(path)).text();
      expect(text, path).not.toMatch(/@/);
      for (const secret of Object.values(SECRET)) expect(text, path).not.toContain(secret);
      expect(text, path).not.toMatch(/"(email|userId|user_id|registrations|confirmed|waitlisted|version)"/);
    }
  });

  it("drafts, their speakers and organisations, and unpublished events are 404", async () => {
    for (const path of [
      `/evenemang/${DEMO_EVENT_SLUG}/larpass/${hidden.draftSlug}`,
      `/talare/${hidden.draftSpeakerSlug}`,
      `/organisationer/${hidden.draftOrgSlug}`,
      `/evenemang/${hidden.eventSlug}`,
      `/evenemang/${hidden.eventSlug}/program`,
      `/evenemang/${hidden.eventSlug}/larpass/${hidden.hiddenLarpassSlug}`,
    ]) {
      expect((await call(path)).status, path).toBe(404);
    }
  });
});
