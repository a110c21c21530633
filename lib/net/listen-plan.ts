// Where `npm start` listens, decided before the server starts (scripts/start.ts), kept apart for its tests.
//
// With no SMTP_URL the demo writes every mail, sign-in links included, to the outbox. The outbox page is
// only served to loopback clients, and on top of that the demo listens on 127.0.0.1 unless HOST says
// otherwise: then it starts only when DEMO_PUBLIC=1 acknowledges that others can reach the app.

import { isLoopbackAddress } from "./peer-address";

export type ListenPlan =
  | { ok: true; host: string | undefined; outbox: boolean; warnings: string[] }
  | { ok: false; message: string };

export function listenPlan(env: Record<string, string | undefined>): ListenPlan {
  const outbox = !env.SMTP_URL;
  const host = env.HOST?.trim() || undefined;
  if (!outbox) return { ok: true, host, outbox, warnings: [] };
  if (!host || host === "localhost" || isLoopbackAddress(host)) {
    return {
      ok: true,
      host: host ?? "127.0.0.1",
      outbox,
      warnings: [
        `Demoläge (ingen SMTP_URL): all e-post, också inloggningslänkar, hamnar i utkorgen. ` +
          `Servern lyssnar därför bara på den här datorn (${host ?? "127.0.0.1"}), och utkorgen visas bara för den här datorn.`,
      ],
    };
  }
  if (env.DEMO_PUBLIC !== "1") {
    return {
      ok: false,
      message:
        `HOST=${host} men ingen SMTP_URL: inloggningslänkarna hamnar i utkorgen. ` +
        "Sätt SMTP_URL (och MAIL_FROM) för att skicka riktig e-post, ta bort HOST så lyssnar demon bara på den här datorn, " +
        "eller sätt DEMO_PUBLIC=1 om du verkligen vill visa demon för andra datorer (utkorgen visas ändå bara på den här datorn).",
    };
  }
  return {
    ok: true,
    host,
    outbox,
    warnings: [
      `VARNING: demoläge på ${host} (DEMO_PUBLIC=1). Andra datorer kan nå appen och be om inloggningslänkar; ` +
        "länkarna hamnar i utkorgen, som bara visas för den här datorn, och i serverloggen. Dela aldrig loggen.",
    ],
  };
}
