import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EventHeader } from "@/components/event-header";
import { getEventForOrganiser } from "@/lib/admin/grid";
import { requirePageRole } from "@/lib/auth/page-guards";
import { listDocRevisions } from "@/lib/documentation/history";
import { idParamSchema } from "@/lib/validation/schedule";
import { Diff } from "../../../../historik/revision-list";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dokumentationens historik" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Every change in the documentation workspace, newest first: who, when, what, before and after. */
export default async function DocumentationHistoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requirePageRole("organiser", `/arrangor/evenemang/${id}/dokumentation/historik`);
  const eventId = idParamSchema.safeParse(id);
  if (!eventId.success) notFound();
  const event = getEventForOrganiser({ eventId: eventId.data });
  if (!event) notFound();
  const raw = (await searchParams).sida;
  const page = typeof raw === "string" && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  const { rows, total, pages } = listDocRevisions({ eventId: event.id, timeZone: event.timeZone, page });
  const base = `/arrangor/evenemang/${event.id}/dokumentation`;
  const current = Math.min(Math.max(1, page), pages);
  return (
    <>
      <EventHeader
        event={event}
        title="Dokumentationens historik"
        lead="Varje ändring i dokumentationen, de senaste först: vem, när, vad och värdet före och efter. Ett rättat svar har sitt ursprungliga svar här."
      />
      <p>
        <Link href={base}>Tillbaka till Dokumentation</Link>
      </p>
      {total === 0 ? (
        <p>Inga ändringar är sparade ännu.</p>
      ) : (
        <>
          <p className="meta">
            {total === 1 ? "1 ändring" : `${total} ändringar`}
            {pages > 1 ? `, sida ${current} av ${pages}` : ""}. Tiderna är evenemangets tid.
          </p>
          <ol className="revisions" aria-label="Ändringar, de senaste först">
            {rows.map((r) => (
              <li key={r.id}>
                <article className="panel stack revision" aria-labelledby={`andring-${r.id}`}>
                  <h2 id={`andring-${r.id}`}>
                    {r.what}: <time dateTime={r.createdAt.toISOString()}>{r.when}</time>
                  </h2>
                  <p className="meta">
                    Av {r.authorLabel} ({r.roleLabel})
                  </p>
                  {r.context.length || r.changes.length ? (
                    <dl className="revision-changes">
                      {r.context.map((c) => (
                        <div key={`k-${c.field}`}>
                          <dt>{c.label}</dt>
                          <dd>{c.value}</dd>
                        </div>
                      ))}
                      {r.changes.map((c) => (
                        <div key={c.field}>
                          <dt>{c.label}</dt>
                          <dd>
                            <Diff change={c} />
                          </dd>
                        </div>
                      ))}
                    </dl>
                  ) : null}
                </article>
              </li>
            ))}
          </ol>
          {pages > 1 ? (
            <nav aria-label="Sidor i historiken" className="actions">
              {current > 1 ? <Link href={`${base}/historik?sida=${current - 1}`}>Nyare ändringar</Link> : null}
              {current < pages ? <Link href={`${base}/historik?sida=${current + 1}`}>Äldre ändringar</Link> : null}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
