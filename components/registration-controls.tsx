import Link from "next/link";
import type { LarpassView } from "@/lib/programme";
import { signupNoticeText } from "@/lib/signup-answer";
import type { SignupContext } from "@/lib/signup-context";
import { SeatsLine as SeatsLineFor } from "./seats-line";
import { SignupControl } from "./signup-control";
import { SignupStore, type HeldPlace } from "./signup-store";

/** Seats left on a public card; nothing for a lärpass that is not open for sign-up (cancelled). */
export function SeatsLine({ larpass: l }: { larpass: LarpassView }) {
  if (l.status !== "published") return null;
  return <SeatsLineFor capacity={l.capacity} seats={l.seats} />;
}

/**
 * Around every card of a page that has choose/leave buttons: the member's places and the actions, shared by
 * the cards (components/signup-store.tsx). `live`: update the cards in place from the action's answer (the
 * programme pages), rather than reloading the page (Mitt program, whose table lists places per slot).
 */
export function SignupArea({ ctx, live = true, children }: { ctx: SignupContext; live?: boolean; children: React.ReactNode }) {
  if (!ctx.user) return children;
  const held: HeldPlace[] = [...ctx.mine.values()]
    .filter((r) => ctx.titles.has(r.larpassId))
    .map((r) => ({ id: r.larpassId, status: r.status, position: r.position, ...ctx.titles.get(r.larpassId)! }));
  return (
    <SignupStore actions={ctx.actions} live={live} returnTo={ctx.returnTo} open={ctx.window.state === "open"} held={held}>
      {children}
    </SignupStore>
  );
}

/** `inCard`: inside a programme card (components/card-view.tsx), which names the lärpass to its control. */
export function RegistrationControls({
  larpass: l,
  ctx,
  loginLink = true,
  inCard = false,
}: {
  larpass: LarpassView;
  ctx: SignupContext;
  loginLink?: boolean;
  inCard?: boolean;
}) {
  const notice = ctx.notice?.larpassId === l.id ? signupNoticeText(ctx.notice.code, ctx.notice.position, ctx.window, ctx.timeZone) : null;
  const canAct = l.status === "published" && l.slot != null;
  if (ctx.user && canAct) {
    return (
      <SignupControl
        {...(inCard ? {} : { id: l.id, title: l.title })}
        slotId={l.slot!.id}
        capacity={l.capacity}
        seats={l.seats}
        {...(notice ? { notice } : {})}
      />
    );
  }
  return (
    <div className="signup">
      <SeatsLine larpass={l} />
      {loginLink && canAct && !ctx.user && ctx.window.state === "open" ? (
        <p>
          <Link href={`/logga-in?next=${encodeURIComponent(ctx.returnTo)}`}>
            Logga in för att välja<span className="visually-hidden"> {l.title}</span>
          </Link>
        </p>
      ) : null}
      {notice ? (
        <p className={notice.error ? "inline-notice error" : "inline-notice"} role={notice.error ? "alert" : "status"}>
          {notice.text}
        </p>
      ) : null}
    </div>
  );
}
