// The OpenAPI 3.1 description of the read-only API (served at /api/v1/openapi.json). Its schemas are strict
// (additionalProperties: false), and lib/api/v1.test.ts validates every route's answer against them, so a
// field added to an answer without being documented (or an e-mail address slipping in) fails a test.

const nullable = (schema: Record<string, unknown>) => ({ oneOf: [schema, { type: "null" }] });
const str = { type: "string" } as const;
const uri = { type: "string", format: "uri" } as const;
const dateTime = { type: "string", format: "date-time", description: "ISO 8601 med evenemangets tidszons förskjutning, t.ex. 2018-03-15T09:00:00+01:00" } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const obj = (properties: Record<string, unknown>, description?: string) => ({
  type: "object",
  ...(description ? { description } : {}),
  additionalProperties: false,
  required: Object.keys(properties),
  properties,
});

const eventProperties = {
  slug: str,
  name: str,
  description: { type: "string", description: "Markdown" },
  venue: str,
  timeZone: str,
  startsOn: { type: "string", format: "date" },
  endsOn: { type: "string", format: "date" },
  url: uri,
  links: ref("EventLinks"),
};

const schemas = {
  OrganisationKind: { type: "string", enum: ["region", "agency", "university", "company", "other"] },
  OrganisationRef: obj({ slug: str, name: str, kind: ref("OrganisationKind") }),
  EventLinks: obj({ programme: uri, scheduleXml: uri, scheduleJson: uri, calendar: uri, changes: uri }),
  Event: obj(eventProperties, "Ett publicerat evenemang."),
  EventList: obj({ events: { type: "array", items: ref("Event") } }),
  EventDetail: obj(
    {
      ...eventProperties,
      lastUpdated: nullable(dateTime),
      days: { type: "array", items: obj({ date: { type: "string", format: "date" }, name: str }) },
      slots: { type: "array", items: obj({ id: { type: "integer" }, start: dateTime, end: dateTime, label: str }) },
      rooms: { type: "array", items: obj({ id: { type: "integer" }, name: str, capacity: { type: "integer" } }) },
      tracks: { type: "array", items: obj({ name: str, slug: str }) },
      organisations: { type: "array", items: ref("OrganisationRef") },
    },
    "Ett evenemang med dagar, tider och lokaler som programmet använder, spår och organisationer.",
  ),
  Speaker: obj({ slug: str, name: str, role: nullable(str), organisation: nullable(ref("OrganisationRef")) }),
  Larpass: obj(
    {
      slug: str,
      event: { type: "string", description: "evenemangets slug" },
      title: str,
      abstract: { type: "string", description: "Markdown" },
      status: { type: "string", enum: ["published", "cancelled"], description: "cancelled: inställt" },
      track: nullable(str),
      language: { type: "string", description: "ISO 639-1" },
      capacity: nullable({ type: "integer" }),
      start: nullable(dateTime),
      end: nullable(dateTime),
      slot: nullable(obj({ id: { type: "integer" }, label: str })),
      room: nullable(obj({ id: { type: "integer" }, name: str })),
      speakers: { type: "array", items: ref("Speaker") },
      url: uri,
      calendar: nullable(uri),
    },
    "Ett publicerat eller inställt lärpass.",
  ),
  Programme: obj({
    event: str,
    filters: {
      type: "object",
      additionalProperties: false,
      description: "De filter som användes (okända eller felaktiga värden tas bort, som på programsidan).",
      properties: { q: str, org: str, kind: ref("OrganisationKind"), track: str, slot: { type: "integer" } },
    },
    total: { type: "integer", description: "alla publika lärpass i evenemanget" },
    shown: { type: "integer", description: "lärpass som matchar filtren" },
    lastUpdated: nullable(dateTime),
    larpass: { type: "array", items: ref("Larpass") },
  }),
  LarpassRef: obj({
    event: str,
    slug: str,
    title: str,
    status: { type: "string", enum: ["published", "cancelled"] },
    start: nullable(dateTime),
    end: nullable(dateTime),
    room: nullable(str),
    url: uri,
  }),
  SpeakerSummary: obj({
    slug: str,
    name: str,
    role: nullable(str),
    organisation: nullable(obj({ slug: str, name: str })),
    larpassCount: { type: "integer" },
    url: uri,
  }),
  SpeakerList: obj({ speakers: { type: "array", items: ref("SpeakerSummary") } }),
  SpeakerDetail: obj({
    slug: str,
    name: str,
    role: nullable(str),
    bio: { type: "string", description: "Markdown" },
    organisation: nullable(ref("OrganisationRef")),
    url: uri,
    larpass: { type: "array", items: ref("LarpassRef") },
  }),
  OrganisationSummary: obj({
    slug: str,
    name: str,
    kind: ref("OrganisationKind"),
    larpassCount: { type: "integer" },
    speakerCount: { type: "integer" },
    url: uri,
  }),
  OrganisationList: obj({ organisations: { type: "array", items: ref("OrganisationSummary") } }),
  OrganisationDetail: obj({
    slug: str,
    name: str,
    kind: ref("OrganisationKind"),
    url: uri,
    speakers: { type: "array", items: obj({ slug: str, name: str, role: nullable(str), url: uri }) },
    larpass: { type: "array", items: ref("LarpassRef") },
  }),
  Error: obj({ error: { type: "string", description: "felmeddelande på svenska" } }),
};

const cacheHeaders = {
  ETag: { description: "Ändras när svaret ändras. Skicka det i If-None-Match för att få 304.", schema: str },
  "Last-Modified": { description: "Senaste kända ändringen. Skicka den i If-Modified-Since för att få 304.", schema: str },
  "Access-Control-Allow-Origin": { description: "Alltid *: API:t får läsas från andra webbplatser.", schema: str },
};

const conditional = [
  { name: "If-None-Match", in: "header", required: false, schema: str, description: "ETag från ett tidigare svar" },
  { name: "If-Modified-Since", in: "header", required: false, schema: str, description: "Last-Modified från ett tidigare svar" },
];

function get(summary: string, schema: string, extraParameters: unknown[], description: string) {
  return {
    get: {
      summary,
      description,
      // "List events" -> "listEvents"
      operationId: summary.replace(/\s+(\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toLowerCase()),
      parameters: [...extraParameters, ...conditional],
      responses: {
        "200": { description: "OK", headers: cacheHeaders, content: { "application/json": { schema: ref(schema) } } },
        "304": { description: "Oförändrat sedan If-None-Match eller If-Modified-Since", headers: cacheHeaders },
        "404": { description: "Finns inte (eller är inte publicerat)", content: { "application/json": { schema: ref("Error") } } },
      },
    },
  };
}

const pathParam = (name: string, description: string) => ({ name, in: "path", required: true, schema: str, description });
const query = (name: string, description: string, schema: unknown = str) => ({ name, in: "query", required: false, schema, description });

export const apiPaths = {
  "/evenemang": get("List events", "EventList", [], "Publicerade evenemang, de senaste först."),
  "/evenemang/{event}": get("Get event", "EventDetail", [pathParam("event", "evenemangets slug")], "Ett evenemang med dagar, tider, lokaler, spår och organisationer."),
  "/evenemang/{event}/program": get(
    "Get programme",
    "Programme",
    [
      pathParam("event", "evenemangets slug"),
      query("q", "fritext: titel, sammanfattning, talare, organisation, lokal, spår"),
      query("org", "organisationens slug"),
      query("kind", "typ av organisation", ref("OrganisationKind")),
      query("track", "spårets namn"),
      query("slot", "tidens id", { type: "integer" }),
    ],
    "Lärpassen i tidsordning, med samma filter som programsidan.",
  ),
  "/evenemang/{event}/larpass/{larpass}": get("Get larpass", "Larpass", [pathParam("event", "evenemangets slug"), pathParam("larpass", "lärpassets slug")], "Ett lärpass: tid, lokal, talare med organisation, sammanfattning och länk till kalenderfilen."),
  "/talare": get("List speakers", "SpeakerList", [], "Talare med minst ett publikt lärpass, efter efternamn."),
  "/talare/{speaker}": get("Get speaker", "SpeakerDetail", [pathParam("speaker", "talarens slug")], "En talare med presentation och sina publika lärpass."),
  "/organisationer": get("List organisations", "OrganisationList", [], "Organisationer med minst ett publikt lärpass."),
  "/organisationer/{organisation}": get("Get organisation", "OrganisationDetail", [pathParam("organisation", "organisationens slug")], "En organisation med sina talare och lärpass."),
};

/** The OpenAPI document, with the server's own address. */
export function openApiDocument(baseUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Lärpass API",
      version: "1",
      description:
        "Läs programmet: evenemang, lärpass, talare och organisationer, samma uppgifter som på de publika sidorna. Bara GET, ingen inloggning, CORS öppet, ETag och Last-Modified för villkorliga anrop.",
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    paths: apiPaths,
    components: { schemas },
  };
}
