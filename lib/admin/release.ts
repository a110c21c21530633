// Releasing members' seats and queue places when an organiser removes what they chose (a lärpass deleted
// or taken back to draft, a whole event deleted). Runs inside the caller's transaction; the mails are
// collected and sent after the commit (lib/mail.ts's sendPending).
import { eq, inArray } from "drizzle-orm";
import type { DB } from "@/db";
import { events, larpass, registrations } from "@/db/schema";
import { siteUrl } from "@/lib/site-url";
import type { PendingMail } from "@/lib/mail";

type Tx = Pick<DB, "select" | "insert" | "update" | "delete">;

export type ReleaseReason = "removed" | "unpublished" | "event-removed";

function wording(reason: ReleaseReason, title: string, eventName: string, status: string) {
  const what = status === "confirmed" ? "plats" : "plats i kön";
  switch (reason) {
    case "removed":
      return {
        subject: `Borttaget: ${title}`,
        lead: `Lärpasset "${title}" är borttaget ur programmet för ${eventName}. Din ${what} är släppt.`,
      };
    case "unpublished":
      return {
        subject: `Inte längre i programmet: ${title}`,
        lead: `Lärpasset "${title}" är tills vidare borttaget ur programmet för ${eventName}. Din ${what} är släppt.`,
      };
    case "event-removed":
      return {
        subject: `Borttaget: ${eventName}`,
        lead: `Evenemanget ${eventName} är borttaget, och med det lärpasset "${title}". Din ${what} är släppt.`,
      };
  }
}

/** Deletes every registration of the lärpass and queues one mail per member; returns how many. */
export function releaseRegistrations(tx: Tx, larpassIds: number[], reason: ReleaseReason, mails: PendingMail[]): number {
  if (larpassIds.length === 0) return 0;
  const regs = tx
    .select({ id: registrations.id, userId: registrations.userId, status: registrations.status, title: larpass.title, eventName: events.name })
    .from(registrations)
    .innerJoin(larpass, eq(larpass.id, registrations.larpassId))
    .innerJoin(events, eq(events.id, larpass.eventId))
    .where(inArray(registrations.larpassId, larpassIds))
    .all();
  if (regs.length === 0) return 0;
  tx.delete(registrations).where(inArray(registrations.id, regs.map((r) => r.id))).run();
  for (const r of regs) {
    const w = wording(reason, r.title, r.eventName, r.status);
    mails.push({
      userId: r.userId,
      build: (email) => ({
        to: email,
        subject: w.subject,
        text: [`Hej!`, ``, w.lead, reason === "event-removed" ? null : `Välj gärna ett annat lärpass vid samma tid: ${siteUrl()}/mitt-program`]
          .filter((l) => l !== null)
          .join("\n"),
      }),
    });
  }
  return regs.length;
}

/** How many members hold a seat or a queue place in the given lärpass. */
export function countMembers(tx: Pick<DB, "select">, larpassIds: number[]): { members: number; confirmed: number; waitlisted: number } {
  if (larpassIds.length === 0) return { members: 0, confirmed: 0, waitlisted: 0 };
  const rows = tx
    .select({ userId: registrations.userId, status: registrations.status })
    .from(registrations)
    .where(inArray(registrations.larpassId, larpassIds))
    .all();
  return {
    members: new Set(rows.map((r) => r.userId)).size,
    confirmed: rows.filter((r) => r.status === "confirmed").length,
    waitlisted: rows.filter((r) => r.status === "waitlisted").length,
  };
}


