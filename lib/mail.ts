// Outgoing mail. With SMTP_URL set, mail goes through SMTP (nodemailer). Without it, the embedded
// default: every mail is appended to an outbox file, printed in the server log, and listed on the
// development page /utveckling/utkorg, so a new user can sign in with no mail server.
import fs from "node:fs";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { inArray } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { users } from "@/db/schema";
import { enqueueMails, processMailQueue } from "./mail-queue";
import { isLoopbackRequest } from "./net/peer-address";

export type Mail = { to: string; subject: string; text: string };
export type OutboxEntry = Mail & { id: string; sentAt: string };

/**
 * A mail to a member, addressed when it is sent: collected inside the transaction that makes the change,
 * sent with sendPending after the commit. One type and one send function for every mail to members.
 * `movedTo`: a member who follows a moved lärpass (a change digest may replace that mail).
 */
export type PendingMail = { userId: string; build: (email: string) => Mail; movedTo?: string };

/** Sends pending mails after the commit (through the queue); a member whose account is gone gets none. */
export async function sendPending(mails: PendingMail[], database: DB = defaultDb): Promise<void> {
  if (mails.length === 0) return;
  const ids = [...new Set(mails.map((m) => m.userId))];
  const emails = new Map(
    database
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(users.id, ids))
      .all()
      .map((u) => [u.id, u.email]),
  );
  await deliver(
    mails.flatMap((m) => {
      const email = emails.get(m.userId);
      return email ? [m.build(email)] : [];
    }),
    { database },
  );
}

export function outboxPath(): string {
  return process.env.OUTBOX_PATH || path.join(process.cwd(), "data", "outbox.jsonl");
}

export function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

/** The outbox is for development and demos: on in dev, and in production only when asked for explicitly. */
export function outboxEnabled(): boolean {
  if (smtpConfigured()) return false;
  return process.env.NODE_ENV !== "production" || process.env.MAIL_OUTBOX === "1";
}

/**
 * Whether the outbox may be shown to this request: the outbox is on and the request came over a loopback
 * connection (lib/net/peer-address). It holds sign-in links, so another machine never reads it.
 */
export function outboxReadableBy(headers: Pick<Headers, "get">): boolean {
  return outboxEnabled() && isLoopbackRequest(headers);
}

/** Why the server must not start, or null: production with neither SMTP nor an explicit outbox. */
export function mailConfigurationProblem(): string | null {
  if (process.env.NODE_ENV !== "production" || smtpConfigured() || process.env.MAIL_OUTBOX === "1") return null;
  return (
    "Ingen e-post är konfigurerad. Sätt SMTP_URL (t.ex. smtp://användare:lösen@smtp.example.se:587) " +
    "och MAIL_FROM, eller MAIL_OUTBOX=1 för att uttryckligen skriva all e-post till utkorgen (bara för demo och test). " +
    "Servern startar inte, eftersom inloggningslänkar annars skulle försvinna."
  );
}

let transporter: Transporter | null = null;
function smtp(): Transporter {
  transporter ??= nodemailer.createTransport(process.env.SMTP_URL!, { connectionTimeout: 10_000 } as object);
  return transporter;
}

export function mailFrom(): string {
  return process.env.MAIL_FROM ?? "Lärpass <no-reply@larpass.local>";
}

/** Sends one mail now: through SMTP, or into the outbox. The queue's transport (lib/mail-queue.ts). */
export async function sendNow(mail: Mail): Promise<void> {
  if (smtpConfigured()) {
    await smtp().sendMail({ from: mailFrom(), to: mail.to, subject: mail.subject, text: mail.text });
    return;
  }
  const entry: OutboxEntry = { id: crypto.randomUUID(), sentAt: new Date().toISOString(), ...mail };
  const file = outboxPath();
  fs.mkdirSync(/* turbopackIgnore: true */ path.dirname(file), { recursive: true });
  fs.appendFileSync(/* turbopackIgnore: true */ file, `${JSON.stringify(entry)}\n`);
  console.log(`[utkorg] Till: ${mail.to} | ${mail.subject}\n${mail.text}\n`);
}

/**
 * Puts the mails in the durable queue and tries to send them at once. Never throws over a mail: what
 * could not be sent stays queued and the worker (instrumentation.ts) tries again with a growing pause.
 * Callers that change data should rather queue inside their own transaction (enqueueMails).
 */
export async function deliver(mails: Mail[], { database = defaultDb }: { database?: DB } = {}): Promise<void> {
  if (mails.length === 0) return;
  const ids = database.transaction((tx) => enqueueMails(tx, mails));
  await sendQueued(ids, database);
}

/** Tries the given queued mails now (after the transaction that queued them); failures stay queued. */
export async function sendQueued(ids: number[], database: DB = defaultDb): Promise<void> {
  try {
    await processMailQueue({ transport: sendNow, ids, database });
  } catch (error) {
    console.error("E-post kunde inte skickas nu; den ligger kvar i kön:", error);
  }
}

/** Newest first. */
export function readOutbox({ to }: { to?: string } = {}): OutboxEntry[] {
  let text = "";
  try {
    text = fs.readFileSync(/* turbopackIgnore: true */ outboxPath(), "utf8");
  } catch {
    return [];
  }
  const entries = text
    .split("\n")
    .filter(Boolean)
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as OutboxEntry];
      } catch {
        return [];
      }
    });
  const wanted = to?.trim().toLowerCase();
  return entries.filter((e) => !wanted || e.to.toLowerCase() === wanted).reverse();
}
