/**
 * What a member's browser sends when they click "Välj", rebuilt from the page the server rendered for them.
 *
 * Checked against Chromium (Playwright, page.on("request") with request.allHeaders(), Next 16.4.5, React 19.3,
 * Chromium 156; re-run `npx tsx bench/capture.ts` after a Next or React upgrade or a change to the forms):
 *
 * With JavaScript, React intercepts the submit and Next's client posts the server action with fetch:
 *   POST /program
 *   accept: text/x-component
 *   next-action: <action id>                  (the id in the form's `$ACTION_<n>:0` field, see below)
 *   next-router-state-tree: <URI-encoded JSON of the router's current tree>
 *   content-type: multipart/form-data; boundary=----WebKitFormBoundary…
 *   origin, referer, cookie, accept-encoding: gzip, deflate, br, zstd, sec-fetch-mode: cors, …
 *   body: React's encodeReply([...boundArgs, formData]): every field of the form (the hidden `$ACTION_…` fields
 *   stay in the DOM after hydration) and the pressed button's name and value, renamed `_1_<name>`, plus field
 *   "0" = `[<previous state>,"$K1"]`.
 *   The form is a useActionState form, so the bound argument is the previous state (`[null]`), and after
 *   hydration it carries `js=1` (not in the server's HTML: the bench adds it, as the hydrated page has it).
 * It answers 200 text/x-component with the action's result only (#11): `0:{"a":"$@1",…}` and
 * `1:{"larpassId":1,"code":"vald","notice":{…},"cards":[…]}`, which the card updates itself from. No page is
 * rendered. (Before #11 it answered with `x-action-redirect` and the RSC payload of the whole programme.)
 *
 * Without JavaScript, the server-rendered form (React gives a server-action form
 * enctype="multipart/form-data" and method="POST") is posted by the browser itself. The card's button is a
 * submit button of the page's sign-up form (its `form` attribute), so the body has the form's fields and the
 * button's name and value:
 *   POST /program, content-type: multipart/form-data, accept: text/html,…, sec-fetch-mode: navigate
 *   body: the form's fields as they are in the HTML: `$ACTION_REF_<n>` (empty), `$ACTION_<n>:0` =
 *   {"id":"<action id>","bound":"$@1"}, `$ACTION_<n>:1` = [null], `$ACTION_KEY`, returnTo, and the button's
 *   larpassId=<id> (or waitlistFor=<id>).
 * It answers 303 with `location: /program?anmalan=vald&lp=1#lp-1`, and the browser GETs that page (HTML).
 *
 * So the bench reads each "Välj" form out of the HTML a signed-in member gets, and encodes the JavaScript
 * request with React's own encodeReply (Next's compiled copy, the one its client runtime calls).
 */
import fs from "node:fs";
import path from "node:path";
import { distDir } from "./lib";

// Next's compiled copy of React's Flight client: the function the browser runtime uses to encode action arguments.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

export type PageForm = { larpassId: number; method: string; enctype: string; fields: [string, string][]; button: string };

const USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36";

/** Headers Chromium sends with every request (cookie and the request-specific ones are added per request). */
function common(port: number, cookie: string): Record<string, string> {
  return {
    host: `127.0.0.1:${port}`,
    "accept-encoding": "gzip, deflate, br, zstd",
    "accept-language": "sv-SE,sv;q=0.9",
    "user-agent": USER_AGENT,
    "sec-ch-ua": '"Not:A-Brand";v="8", "Chromium";v="156"',
    "sec-ch-ua-mobile": "?0",
    "sec-ch-ua-platform": '"Linux"',
    ...(cookie ? { cookie } : {}),
  };
}

/** A top-level page load (typing the address, following a redirect). */
export function documentHeaders(port: number, cookie: string, referer?: string): Record<string, string> {
  return {
    ...common(port, cookie),
    accept: "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8",
    "sec-fetch-dest": "document",
    "sec-fetch-mode": "navigate",
    "sec-fetch-site": referer ? "same-origin" : "none",
    "sec-fetch-user": "?1",
    "upgrade-insecure-requests": "1",
    ...(referer ? { referer: `http://127.0.0.1:${port}${referer}` } : {}),
  };
}

function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:$-]+)(?:="([^"]*)")?/g)) out[m[1].toLowerCase()] = decodeEntities(m[2] ?? "");
  return out;
}

/**
 * Every sign-up button inside a lärpass card (`<article id="lp-<id>">`) of a server-rendered page, as the form
 * a browser would submit when it is pressed: the page's form the button names (`form="…"`, see
 * components/signup-store.tsx) with its inputs (hidden ones included), plus the button's own name and value.
 */
export function readCardForms(html: string): PageForm[] {
  const pageForms = new Map<string, { attrs: Record<string, string>; fields: [string, string][] }>();
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = attributes(m[1]);
    if (!attrs.id) continue;
    const fields: [string, string][] = [];
    for (const input of m[2].matchAll(/<input\b([^>]*)\/?>/g)) {
      const a = attributes(input[1]);
      if (a.name !== undefined) fields.push([a.name, a.value ?? ""]);
    }
    pageForms.set(attrs.id, { attrs, fields });
  }
  const forms: PageForm[] = [];
  const cards = html.split(/<article\b/).slice(1);
  for (const card of cards) {
    const id = /^[^>]*\bid="lp-(\d+)"/.exec(card)?.[1];
    if (!id) continue;
    const body = card.slice(0, card.indexOf("</article>"));
    for (const m of body.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/g)) {
      const attrs = attributes(m[1]);
      const form = attrs.form ? pageForms.get(attrs.form) : undefined;
      if (!form) continue;
      const fields: [string, string][] = [...form.fields, ...(attrs.name ? [[attrs.name, attrs.value ?? ""] as [string, string]] : [])];
      const button = decodeEntities(m[2].replace(/<[^>]+>/g, "")).trim();
      forms.push({ larpassId: Number(id), method: (form.attrs.method ?? "get").toUpperCase(), enctype: form.attrs.enctype ?? "", fields, button });
    }
  }
  return forms;
}

/** The server action a server-rendered form calls, and the arguments bound to it, from its `$ACTION_<n>:` fields. */
export function boundAction(form: PageForm): { id: string; bound: unknown[] } {
  const ref = form.fields.find(([name]) => /^\$ACTION_REF_\d+$/.test(name));
  if (ref) {
    const n = ref[0].slice("$ACTION_REF_".length);
    const meta = JSON.parse(form.fields.find(([name]) => name === `$ACTION_${n}:0`)![1]) as { id: string; bound: unknown };
    const bound = meta.bound === "$@1" ? (JSON.parse(form.fields.find(([name]) => name === `$ACTION_${n}:1`)![1]) as unknown[]) : [];
    return { id: meta.id, bound };
  }
  const plain = form.fields.find(([name]) => name.startsWith("$ACTION_ID_"));
  if (plain) return { id: plain[0].slice("$ACTION_ID_".length), bound: [] };
  throw new Error(`Formuläret för lärpass ${form.larpassId} anropar ingen server action.`);
}

/** Action ids the build knows (server-reference-manifest.json): a browser can only call these. */
export function knownActionIds(): Set<string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, unknown>;
  };
  return new Set(Object.keys(manifest.node));
}

function formData(fields: [string, string][]): FormData {
  const fd = new FormData();
  for (const [k, v] of fields) fd.append(k, v);
  return fd;
}

/** Serialises a FormData as multipart, as fetch does (the boundary's spelling differs from Chromium's, nothing else). */
async function multipart(fd: FormData): Promise<{ body: Buffer; contentType: string }> {
  const req = new Request("http://localhost/", { method: "POST", body: fd });
  return { body: Buffer.from(await req.arrayBuffer()), contentType: req.headers.get("content-type")! };
}

/**
 * Router state tree Chromium sent with an action posted from /program (Next 16.4.5): the route's segments
 * ("", "program", "__PAGE__") with the refresh markers Next's client set. It depends on the route, not the data.
 */
const ROUTER_STATE: Record<string, string> = {
  "/program": JSON.stringify(["", { children: ["program", { children: ["__PAGE__", {}, null, null, 0] }, null, null, 0] }, null, null, 16]),
};

export type Prepared = { path: string; body: Buffer; headers: (cookie: string) => Record<string, string> };

/** The server action as React posts it with JavaScript. */
export async function actionRequest(port: number, pagePath: string, form: PageForm): Promise<Prepared> {
  const { id, bound } = boundAction(form);
  // The hydrated form's extra field (components/signup-control.tsx): "answer with the cards, not a redirect".
  const fields: [string, string][] = form.fields.some(([name]) => name === "js") ? form.fields : [...form.fields, ["js", "1"]];
  const encoded = await encodeReply([...bound, formData(fields)]);
  const { body, contentType } =
    typeof encoded === "string" ? { body: Buffer.from(encoded), contentType: "text/plain;charset=UTF-8" } : await multipart(encoded);
  const tree = ROUTER_STATE[pagePath];
  if (!tree) throw new Error(`Ingen routerstate för ${pagePath}`);
  return {
    path: pagePath,
    body,
    headers: (cookie) => ({
      ...common(port, cookie),
      accept: "text/x-component",
      "content-type": contentType,
      "content-length": String(body.length),
      origin: `http://127.0.0.1:${port}`,
      referer: `http://127.0.0.1:${port}${pagePath}`,
      "next-action": id,
      "next-router-state-tree": encodeURIComponent(tree),
      "sec-fetch-dest": "empty",
      "sec-fetch-mode": "cors",
      "sec-fetch-site": "same-origin",
    }),
  };
}

/** The same form posted by a browser without JavaScript (a navigation). */
export async function formPostRequest(port: number, pagePath: string, form: PageForm): Promise<Prepared> {
  const { body, contentType } =
    form.enctype === "multipart/form-data"
      ? await multipart(formData(form.fields))
      : { body: Buffer.from(new URLSearchParams(form.fields).toString()), contentType: "application/x-www-form-urlencoded" };
  return {
    path: pagePath,
    body,
    headers: (cookie) => ({
      ...documentHeaders(port, cookie, pagePath),
      "cache-control": "max-age=0",
      "content-type": contentType,
      "content-length": String(body.length),
      origin: `http://127.0.0.1:${port}`,
    }),
  };
}
