/**
 * The floor for the sign-up benchmark: a bare node:http + better-sqlite3 server that does the same work
 * per request as the app's POST /api/anmalan (session lookup, JSON validation, the same sign-up
 * transaction from lib/registrations) and nothing else.
 */
import http from "node:http";
import { and, eq, gt } from "drizzle-orm";
import { openDatabase } from "@/db/open";
import { authSessions } from "@/db/schema";
import { chooseLarpass } from "@/lib/registrations";
import { registrationApiSchema } from "@/lib/validation/registration";

const database = openDatabase(process.env.DATABASE_PATH!);
const port = Number(process.env.PORT);

http
  .createServer((req, res) => {
    if (req.method !== "POST") {
      res.writeHead(200).end("ok");
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      const token = /authjs\.session-token=([^;]+)/.exec(req.headers.cookie ?? "")?.[1];
      const session = token
        ? database
            .select()
            .from(authSessions)
            .where(and(eq(authSessions.sessionToken, token), gt(authSessions.expires, new Date())))
            .get()
        : undefined;
      if (!session) {
        res.writeHead(401, { "content-type": "application/json" }).end('{"error":"Du behöver logga in först."}');
        return;
      }
      const parsed = registrationApiSchema.safeParse(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      if (!parsed.success) {
        res.writeHead(400).end();
        return;
      }
      const outcome = await chooseLarpass({ userId: session.userId, ...parsed.data, database });
      res.writeHead(outcome.ok ? 200 : 409, { "content-type": "application/json" }).end(JSON.stringify(outcome));
    });
  })
  .listen(port, "127.0.0.1");
