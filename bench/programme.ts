import { fmt, freshDatabase, percentile, request, startNext } from "./lib";

/** Warm latency of the public programme page, and how much JavaScript a reader's browser downloads. */
export async function benchProgramme(rounds = 200): Promise<void> {
  const { dir, file } = freshDatabase("program");
  const server = await startNext(3393, file, dir);
  try {
    for (let i = 0; i < 20; i++) await request({ port: server.port, path: "/program", method: "GET" });
    const times: number[] = [];
    let html = "";
    for (let i = 0; i < rounds; i++) {
      const r = await request({ port: server.port, path: "/program", method: "GET" });
      times.push(r.ms);
      html = r.body;
    }
    times.sort((a, b) => a - b);
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
    let jsBytes = 0;
    for (const src of new Set(scripts)) jsBytes += Buffer.byteLength((await request({ port: server.port, path: src, method: "GET" })).body);
    console.log(
      `program: ${rounds} anrop i följd efter uppvärmning, p50 ${fmt(times[Math.floor(rounds / 2)])} ms, p95 ${fmt(percentile(times, 95))} ms, ` +
        `HTML ${fmt(Buffer.byteLength(html) / 1024)} KiB, JavaScript ${new Set(scripts).size} filer ${fmt(jsBytes / 1024)} KiB (okomprimerat)`,
    );
  } finally {
    server.stop();
  }
}
