"use client";

import { createContext, useContext } from "react";
import { SpeakerList, type SpeakerLine } from "./speaker-line";

/**
 * What a programme card shows, as plain data. The card is drawn from this both on the server (the HTML) and
 * in the page's RSC payload, where a list of data is about a third the size of the same card as an element
 * tree: on a large event's day of a hundred cards that is most of the page (#11).
 */
export type CardData = {
  id: number;
  href: string;
  title: string;
  cancelled?: true;
  /** Day and time, on lists that span slots (a speaker's or an organisation's page). */
  time?: { iso: string; text: string };
  /** Room · seats · track. */
  where: string;
  speakers: SpeakerLine[];
  /** The opening of the abstract, ending in "…" when there is more (the title links to the whole text). */
  lead?: string;
};

/** The card a sign-up control is in: it names the lärpass from it instead of carrying the title again. */
const CardContext = createContext<{ id: number; title: string } | null>(null);
export const useCard = () => useContext(CardContext);

/**
 * A lärpass card, as an item of a list of cards (`<ul className="cards">`); `children` is its sign-up part
 * (seats, a button, or the login link), rendered by the server.
 */
export function CardView({
  card: c,
  headingLevel = 3,
  children,
}: {
  card: CardData;
  headingLevel?: 2 | 3;
  children?: React.ReactNode;
}) {
  const Heading = `h${headingLevel}` as const;
  // Plain <a> links: a next/link per link is a client component to render, hydrate and prefetch, which costs
  // a large programme more than a page load costs the reader. One string per line, so React adds no <!-- -->.
  return (
    <li>
      <article className={c.cancelled ? "card cancelled" : "card"} id={`lp-${c.id}`}>
        <Heading>
          <a href={c.href}>{c.title}</a>
        </Heading>
        {c.cancelled ? (
          <p>
            <span className="badge cancelled">Inställt</span>
          </p>
        ) : null}
        <p className="meta">
          {c.time ? (
            <>
              <time dateTime={c.time.iso}>{c.time.text}</time>
              {" · "}
            </>
          ) : null}
          {c.where}
        </p>
        <SpeakerList speakers={c.speakers} />
        {c.lead ? <p className="excerpt">{c.lead}</p> : null}
        <CardContext.Provider value={{ id: c.id, title: c.title }}>{children}</CardContext.Provider>
      </article>
    </li>
  );
}
