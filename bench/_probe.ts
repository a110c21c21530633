import fs from "node:fs";
import { createLargeEvent } from "./large-event";
import { documentHeaders } from "./browser";
import { request, startNext, text } from "./lib";
async function main() {
  const large = createLargeEvent();
  const s = await startNext(3341, large.file, large.dir);
  try {
    for (const [label, cookie] of [["anon", ""], ["member", `authjs.session-token=${large.memberToken}`]] as const) {
      let r = await request({ port: 3341, path: "/program", method: "GET", headers: documentHeaders(3341, cookie) });
      for (let i = 0; i < 3; i++) r = await request({ port: 3341, path: "/program", method: "GET", headers: documentHeaders(3341, cookie) });
      const html = text(r);
      fs.writeFileSync(`/tmp/large-${label}.html`, html);
      const flight = [...html.matchAll(/self\.__next_f\.push\((\[[\s\S]*?\])\)<\/script>/g)].reduce((n, m) => n + m[1].length, 0);
      console.log(label, r.ms.toFixed(1), "ms", (html.length / 1024).toFixed(0), "KB; flight", (flight / 1024).toFixed(0), "KB");
    }
  } finally { s.stop(); }
}
main();
