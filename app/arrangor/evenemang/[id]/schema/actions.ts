"use server";

import { redirect } from "next/navigation";
import { checkMove, moveLarpass, moveMessages, type MovePlan } from "@/lib/admin/schedule";
import { serverAction } from "@/lib/action";
import { authorOf } from "@/lib/revisions";
import { idParamSchema, moveFormValues, moveSchema } from "@/lib/validation/schedule";

export type MoveFormValues = { timeSlotId?: string; roomId?: string };
export type MoveState = {
  errors?: Partial<Record<"form" | "timeSlotId" | "roomId", string>>;
  values?: MoveFormValues;
  /** The move affects members: shown for the organiser to confirm before anything is written. */
  confirm?: MovePlan;
};

const NOT_FOUND = moveMessages.notFound;

/**
 * The plain move form (select time + room, "Flytta"), also used by drag and drop once its dialog is
 * confirmed. A move that affects members first comes back as `confirm` with the counts; the same form
 * sent again with confirm=1 carries it out.
 *
 * The event and lärpass ids travel as form fields, not with .bind(): Next 16.4.5 spins a server process
 * at 100 % CPU when a bound action used with useActionState is posted without JavaScript (a form post
 * with $ACTION_KEY) and returns a state. Nothing is trusted from them: the role is checked, and the
 * lärpass must belong to the event.
 */
export const moveAction = serverAction("schedule.move", {
  run: async (user, _prev: MoveState, formData: FormData): Promise<MoveState> => {
    const raw = moveFormValues(formData);
    const values = { timeSlotId: raw.timeSlotId, roomId: raw.roomId };
    const ids = { event: idParamSchema.safeParse(formData.get("eventId")), larpass: idParamSchema.safeParse(formData.get("larpassId")) };
    if (!ids.event.success || !ids.larpass.success) return { errors: { form: NOT_FOUND }, values };
    const parsed = moveSchema.safeParse(raw);
    if (!parsed.success) {
      const errors: MoveState["errors"] = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] === "timeSlotId" || issue.path[0] === "roomId" ? issue.path[0] : "form";
        errors[key] ??= issue.message;
      }
      return { errors, values };
    }
    const { timeSlotId, roomId, version, confirm } = parsed.data;
    const target = { timeSlotId, roomId };

    const check = checkMove({ larpassId: ids.larpass.data, target, eventId: ids.event.data, expectedVersion: version, confirmed: Boolean(confirm) });
    if (!check.ok) return { errors: { form: check.message }, values };
    if (check.ask) return { confirm: check.plan, values };

    const result = await moveLarpass({
      larpassId: ids.larpass.data,
      target,
      expectedVersion: version,
      eventId: ids.event.data,
      author: authorOf(user),
    });
    if (!result.ok) return { errors: { form: result.message }, values };
    redirect(`/arrangor/evenemang/${ids.event.data}/schema?flyttad=${ids.larpass.data}#lp-${ids.larpass.data}`);
  },
  refused: (refusal) => ({ errors: { form: refusal.message } }),
});

export type PreviewState = { ok: true; plan: MovePlan; version: number } | { ok: false; message: string };

/** For the drag-and-drop dialog: what the move would do (nothing is written). */
export const previewMoveAction = serverAction("schedule.preview-move", {
  run: async (user, eventId: number,
  larpassId: number,
  input: { timeSlotId: number | null; roomId: number | null; version: number }): Promise<PreviewState> => {
    const ids = { event: idParamSchema.safeParse(eventId), larpass: idParamSchema.safeParse(larpassId) };
    if (!ids.event.success || !ids.larpass.success) return { ok: false, message: NOT_FOUND };
    const parsed = moveSchema.safeParse({
      timeSlotId: input?.timeSlotId == null ? "" : String(input.timeSlotId),
      roomId: input?.roomId == null ? "" : String(input.roomId),
      version: String(input?.version ?? ""),
    });
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Ogiltig flytt." };
    const check = checkMove({
      larpassId: ids.larpass.data,
      target: { timeSlotId: parsed.data.timeSlotId, roomId: parsed.data.roomId },
      eventId: ids.event.data,
      expectedVersion: parsed.data.version,
    });
    return check.ok ? { ok: true, plan: check.plan, version: check.version } : check;
  },
  refused: (refusal) => ({ ok: false as const, message: refusal.message }),
});
