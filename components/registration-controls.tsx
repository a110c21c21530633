import Link from "next/link";
import { seatsLeft } from "@/lib/phrases";
import type { LarpassView } from "@/lib/programme";
import { describeWindow, refusalMessage } from "@/lib/registrations";
import type { SignupContext, SignupNotice } from "@/lib/signup-context";

function noticeText(n: SignupNotice, ctx: SignupContext): { text: string; error: boolean } {
  switch (n.code) {
    case "vald":
      return { text: "Klart! Du har en plats på det här lärpasset.", error: false };
    case "flyttad":
      return { text: "Klart! Du har bytt till det här lärpasset. Din plats på det andra lärpasset vid samma tid är lämnad.", error: false };
    case "i-ko":
      return {
        text: `Du står i kö${n.position ? `, plats ${n.position}` : ""}. Blir en plats ledig får du den automatiskt och ett mejl.`,
        error: false,
      };
    case "lamnad":
      return { text: "Du har lämnat din plats.", error: false };
    case "lamnad-ko":
      return { text: "Du har lämnat kön.", error: false };
    default: {
      const reason = n.code.replace(/^fel-/, "");
      if (reason === "not_open" || reason === "closed") return { text: describeWindow(ctx.window, ctx.timeZone), error: true };
      return { text: refusalMessage(reason), error: true };
    }
  }
}

/** Seats left, or full; never a red "Fullt" to a member who holds one of the seats. */
export function SeatsLine({ larpass: l, mine = false }: { larpass: LarpassView; mine?: boolean }) {
  if (l.status !== "published") return null;
  if (l.capacity == null) return <p className="seats">Obegränsat antal platser</p>;
  const { text, full } = seatsLeft(l.capacity, l.seats.confirmed, l.seats.waitlisted, mine);
  return <p className={full ? "seats full" : "seats"}>{text}</p>;
}

export function RegistrationControls({ larpass: l, ctx }: { larpass: LarpassView; ctx: SignupContext }) {
  const mine = ctx.mine.get(l.id);
  const notice = ctx.notice?.larpassId === l.id ? noticeText(ctx.notice, ctx) : null;
  const hiddenTitle = <span className="visually-hidden"> {l.title}</span>;
  const returnTo = <input type="hidden" name="returnTo" value={ctx.returnTo} />;
  const canAct = l.status === "published" && l.slot != null;

  let body: React.ReactNode = null;
  if (!canAct) body = null;
  else if (mine?.status === "confirmed") {
    body = (
      <>
        <p className="status-line">Du har en plats.</p>
        <form action={ctx.actions.leave.bind(null, l.id)}>
          {returnTo}
          <button type="submit" className="secondary">
            Lämna platsen{hiddenTitle}
          </button>
        </form>
      </>
    );
  } else if (mine?.status === "waitlisted") {
    body = (
      <>
        <p className="status-line waiting">Du står i kö, plats {mine.position}.</p>
        <form action={ctx.actions.leave.bind(null, l.id)}>
          {returnTo}
          <button type="submit" className="secondary">
            Lämna kön{hiddenTitle}
          </button>
        </form>
      </>
    );
  } else if (ctx.window.state !== "open") {
    body = null;
  } else if (!ctx.user) {
    body = (
      <p>
        <Link href={`/logga-in?next=${encodeURIComponent(ctx.returnTo)}`}>
          Logga in för att välja<span className="visually-hidden"> {l.title}</span>
        </Link>
      </p>
    );
  } else {
    const full = l.capacity != null && l.seats.confirmed >= l.capacity;
    const seatHere = [...ctx.mine.values()].find(
      (r) => r.status === "confirmed" && ctx.titles.get(r.larpassId)?.slotId === l.slot!.id,
    );
    const seatTitle = seatHere ? ctx.titles.get(seatHere.larpassId)?.title : null;
    body = (
      <>
        {seatTitle ? (
          <p className="meta">
            {full
              ? `Du behåller din plats på ”${seatTitle}” tills en plats blir ledig här. Då byter du automatiskt.`
              : `Du har en plats på ”${seatTitle}” vid samma tid. Väljer du det här lämnar du den.`}
          </p>
        ) : null}
        <form action={ctx.actions.choose.bind(null, l.id)}>
          {returnTo}
          {full ? <input type="hidden" name="waitlist" value="1" /> : null}
          <button type="submit">
            {full ? "Ställ mig i kö" : seatTitle ? "Byt till det här" : "Välj"}
            {hiddenTitle}
          </button>
        </form>
      </>
    );
  }

  return (
    <div className="signup">
      <SeatsLine larpass={l} mine={mine?.status === "confirmed"} />
      {body}
      {notice ? (
        <p className={notice.error ? "inline-notice error" : "inline-notice"} role={notice.error ? "alert" : "status"}>
          {notice.text}
        </p>
      ) : null}
    </div>
  );
}
