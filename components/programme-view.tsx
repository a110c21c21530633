import { slotCount } from "@/lib/phrases";
import Link from "next/link";
import type { Event } from "@/db/schema";
import type { Programme } from "@/lib/programme";
import { formatDateSpan, formatDateTime, formatDay, formatIsoDate, formatTimeRange, utcToZoned } from "@/lib/time";
import { organisationKindLabels } from "@/lib/domain";
import { hasActiveFilters, type ProgrammeFilters } from "@/lib/validation/programme-filters";
import { describeWindow } from "@/lib/registrations";
import { LarpassCard } from "./larpass-card";
import { SignupArea } from "./registration-controls";
import type { SignupContext } from "@/lib/signup-context";

/** The programme of one event: header, filter form (a plain GET form: works without JavaScript), slots. */
export function ProgrammeView({
  event,
  programme,
  filters,
  action,
  signup,
  askProfile = false,
  callClosesAt = null,
}: {
  signup: SignupContext;
  /** The event's call for proposals is open until then (lib/proposals): the header links to it. */
  callClosesAt?: Date | null;
  /** The member has not said who they are and has not signed up yet: ask before the first sign-up. */
  askProfile?: boolean;
  event: Event;
  programme: Programme;
  filters: ProgrammeFilters;
  action: string;
}) {
  const { groups, options } = programme;
  const multiDay = new Set(options.slots.map((s) => utcToZoned(s.startsAt, event.timeZone).date)).size > 1;
  const filtered = hasActiveFilters(filters);
  return (
    <>
      <header>
        <h1>{event.name}</h1>
        <p className="meta">
          {formatDateSpan(event.startsOn, event.endsOn)}
          {event.venue ? ` · ${event.venue}` : null}
          {programme.lastUpdated ? (
            <>
              {" · "}Senast uppdaterad{" "}
              <time dateTime={programme.lastUpdated.toISOString()}>{formatDateTime(programme.lastUpdated, event.timeZone)}</time>
            </>
          ) : null}
          {" · "}
          <Link href={`/evenemang/${event.slug}/andringar`}>Ändringar</Link>
        </p>
        {event.description ? <p className="lead">{event.description}</p> : null}
        <p className={signup.window.state === "open" ? "panel" : "notice"}>
          {describeWindow(signup.window, event.timeZone)}{" "}
          {signup.window.state === "open" && !signup.user ? (
            <Link href={`/logga-in?next=${encodeURIComponent(signup.returnTo)}`}>Logga in för att välja lärpass.</Link>
          ) : null}
          {signup.user ? <Link href="/mitt-program">Till Mitt program.</Link> : null}
        </p>
        {callClosesAt ? (
          <p>
            <Link href={`/evenemang/${event.slug}/foresla`}>Föreslå ett lärpass</Link>{" "}
            <span className="meta">(förslag tas emot till {formatDateTime(callClosesAt, event.timeZone)})</span>
          </p>
        ) : null}
        {askProfile ? (
          <p className="notice">
            Innan du väljer lärpass: berätta vem du är och vilken organisation du kommer från, så att arrangörerna ser det på
            deltagarlistan. <Link href={`/konto/valkommen?next=${encodeURIComponent(signup.returnTo)}`}>Fyll i namn och organisation</Link>
          </p>
        ) : null}
      </header>

      {programme.days.length > 0 ? (
        <nav aria-label="Dagar i programmet" className="day-links">
          <ul>
            {programme.days.map((d) => (
              <li key={d.date}>
                <Link href={dayHref(action, filters, d.date)} aria-current={programme.day === d.date ? "page" : undefined}>
                  {formatIsoDate(d.date)} <span className="meta">({d.count} lärpass)</span>
                </Link>
              </li>
            ))}
            <li>
              <Link href={dayHref(action, filters, "alla")} aria-current={programme.day === null && !filters.slot ? "page" : undefined}>
                Hela programmet <span className="meta">({programme.total} lärpass)</span>
              </Link>
            </li>
          </ul>
        </nav>
      ) : null}

      <form className="filters" method="get" action={action} role="search" aria-label="Filtrera programmet">
          {programme.days.length > 0 && filters.dag ? <input type="hidden" name="dag" value={filters.dag} /> : null}
          <div className="field search">
            <label htmlFor="f-q">Sök bland lärpassen</label>
            <input id="f-q" type="search" name="q" defaultValue={filters.q ?? ""} placeholder="Titel, talare, organisation, ämne" />
          </div>
          <div className="field">
            <label htmlFor="f-slot">Tid</label>
            <select id="f-slot" name="slot" defaultValue={filters.slot ? String(filters.slot) : ""}>
              <option value="">Alla tider</option>
              {options.slots.map((s) => (
                <option key={s.id} value={s.id}>
                  {multiDay ? `${formatDay(s.startsAt, event.timeZone)} ` : ""}
                  {formatTimeRange(s.startsAt, s.endsAt, event.timeZone)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-org">Organisation</label>
            <select id="f-org" name="org" defaultValue={filters.org ?? ""}>
              <option value="">Alla organisationer</option>
              {options.organisations.map((o) => (
                <option key={o.id} value={o.slug}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-kind">Typ av organisation</label>
            <select id="f-kind" name="kind" defaultValue={filters.kind ?? ""}>
              <option value="">Alla typer</option>
              {options.kinds.map((k) => (
                <option key={k} value={k}>
                  {organisationKindLabels[k]}
                </option>
              ))}
            </select>
          </div>
          {options.tracks.length > 0 ? (
            <div className="field">
              <label htmlFor="f-track">Spår</label>
              <select id="f-track" name="track" defaultValue={filters.track ?? ""}>
                <option value="">Alla spår</option>
                {options.tracks.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="actions">
            <button type="submit">Visa lärpass</button>
            {filtered ? (
              <Link className="button secondary" href={action}>
                Rensa filter
              </Link>
            ) : null}
          </div>
      </form>

      <p className="result-summary" role="status">
        {filtered || programme.day
          ? `Visar ${programme.shown} av ${programme.total} lärpass${programme.day ? `, ${formatIsoDate(programme.day)}` : ""}.`
          : `${programme.total} lärpass.`}
      </p>

      <SignupArea ctx={signup}>
      {groups.length === 0 ? (
        <p className="notice">
          Inga lärpass matchar {filtered ? "filtret" : "ännu"}.{" "}
          {filtered ? <Link href={action}>Visa alla lärpass</Link> : null}
        </p>
      ) : (
        groups.map((g) => {
          const id = g.slot ? `pass-${g.slot.id}` : "pass-utan-tid";
          return (
            <section key={id} className="slot" aria-labelledby={id}>
              <div className="slot-heading">
                <h2 id={id}>
                  {g.slot ? (
                    <time dateTime={g.slot.startsAt.toISOString()}>
                      {multiDay ? `${formatDay(g.slot.startsAt, event.timeZone)}, ` : ""}
                      {formatTimeRange(g.slot.startsAt, g.slot.endsAt, event.timeZone)}
                    </time>
                  ) : (
                    "Tid meddelas senare"
                  )}
                </h2>
                {g.slot?.label ? <span className="meta">{g.slot.label}</span> : null}
                <span className="meta">{slotCount(g.larpass.length, g.slot != null)}</span>
              </div>
              <ul className="cards">
                {g.larpass.map((l) => (
                  <LarpassCard key={l.id} larpass={l} eventSlug={event.slug} signup={signup} loginLink={false} />
                ))}
              </ul>
            </section>
          );
        })
      )}
      </SignupArea>
    </>
  );
}

/** The same view on another day ("alla": every day), keeping the other filters. */
function dayHref(action: string, filters: ProgrammeFilters, day: string): string {
  const params = new URLSearchParams();
  for (const key of ["q", "org", "kind", "track"] as const) if (filters[key]) params.set(key, String(filters[key]));
  params.set("dag", day);
  return `${action}?${params}`;
}
