import type { ReactNode } from "react";
import { formatDateTime } from "@/lib/time";

export type MailQueueRow = {
  id: number;
  to: string;
  subject: string;
  status: "pending" | "sending" | "sent" | "failed";
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

const statusText = (m: MailQueueRow) =>
  m.status === "sent"
    ? `Skickat ${formatDateTime(m.sentAt ?? m.createdAt)}`
    : m.status === "failed"
      ? `Misslyckades efter ${m.attempts} försök`
      : m.status === "sending"
        ? "Skickas nu"
        : m.attempts === 0
          ? "Väntar på att skickas"
          : `Försök ${m.attempts + 1} ${formatDateTime(m.nextAttemptAt)}`;

/** Queued mails as a table: recipient, subject, state and the last error; `action` renders a cell per row. */
export function MailQueueTable({ caption, rows, action }: { caption: string; rows: MailQueueRow[]; action?: (m: MailQueueRow) => ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Till</th>
            <th scope="col">Ämne</th>
            <th scope="col">Läge</th>
            <th scope="col">Senaste fel</th>
            {action ? <th scope="col">Åtgärd</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id}>
              <td>{m.to}</td>
              <th scope="row">{m.subject}</th>
              <td>{statusText(m)}</td>
              <td>{m.lastError ?? "–"}</td>
              {action ? <td>{action(m)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
