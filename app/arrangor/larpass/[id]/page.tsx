import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { changesCount, countRevisions } from "@/lib/admin/history";
import { getLarpassForEdit, getLarpassFormOptions } from "@/lib/admin/larpass-read";
import { requirePageRole } from "@/lib/auth/page-guards";
import { larpassStatusLabels } from "@/lib/domain";
import { idSchema } from "@/lib/validation/form";
import { EventHeader } from "@/components/event-header";
import { Saved } from "@/components/form-fields";
import { updateLarpassAction, type LarpassFormState } from "../actions";
import { LarpassForm } from "../larpass-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Arrangör: ändra lärpass" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EditLarpassPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  await requirePageRole("organiser", `/arrangor/larpass/${raw}`);
  const id = idSchema.safeParse(raw);
  if (!id.success) notFound();
  const data = getLarpassForEdit({ id: id.data });
  if (!data) notFound();
  const { larpass: l, event, values, seats } = data;
  const query = await searchParams;
  const initial: LarpassFormState = { seq: 0, version: l.version, values };
  const isPublic = event.published && l.status !== "draft";
  return (
    <>
      <EventHeader
        event={event}
        title={l.title}
        heading={`Ändra lärpass: ${l.title}`}
        via={[{ href: `/arrangor/evenemang/${event.id}/larpass`, label: "Lärpass" }]}
      />
      {query.sparat === "nytt" ? <Saved>Lärpasset är skapat.</Saved> : null}
      {query.sparat === "1" ? <Saved>Lärpasset är sparat.</Saved> : null}
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          {larpassStatusLabels[l.status]}
          {isPublic ? (
            <>
              {" "}
              (<Link href={`/evenemang/${event.slug}/larpass/${l.slug}`}>visa på webbplatsen</Link>)
            </>
          ) : null}
        </dd>
        <dt>Medlemmar</dt>
        <dd>
          {seats.confirmed} har plats, {seats.waitlisted} i kö
        </dd>
        <dt>Version</dt>
        <dd>
          {l.version} (<Link href={`/arrangor/larpass/${l.id}/historik`}>Historik ({changesCount(countRevisions({ entity: "larpass", id: l.id }))})</Link>)
        </dd>
      </dl>
      <LarpassForm
        key={`${l.id}-${l.version}`}
        mode="edit"
        action={updateLarpassAction}
        target={{ name: "id", value: l.id }}
        initial={initial}
        options={getLarpassFormOptions({ eventId: event.id })}
        cancelHref={`/arrangor/evenemang/${event.id}/larpass`}
      />
      <section aria-labelledby="ta-bort" className="admin-section">
        <h2 id="ta-bort">Ta bort lärpasset</h2>
        <p>Vill du att lärpasset ska synas som inställt i programmet, ändra status till Inställt i stället.</p>
        <Link className="button danger" href={`/arrangor/ta-bort/larpass/${l.id}`}>
          Ta bort lärpasset
        </Link>
      </section>
    </>
  );
}
