"use server";

import { redirect } from "next/navigation";
import { moveLarpasses, moveMessages, previewRoomMoves } from "@/lib/admin/schedule";
import { serverAction } from "@/lib/action";
import { authorOf } from "@/lib/revisions";
import { idParamSchema, roomSuggestionSchema, roomSuggestionValues } from "@/lib/validation/schedule";

export type SuggestionState = {
  error?: string;
  /** Members affected (all follow: only rooms change), shown for the organiser to confirm. */
  confirm?: { members: number; larpass: number; overfull: string[] };
};

/**
 * "Använd förslaget": moves the lärpass of one time slot to the suggested rooms, all at once. The first
 * press shows how many members are affected; the second (confirm=1) moves them. Every lärpass must
 * belong to the event (moveLarpasses checks), so a forged event id moves nothing.
 */
export const applyRoomSuggestionAction = serverAction("schedule.apply-room-suggestion", {
  run: async (user, _prev: SuggestionState, formData: FormData): Promise<SuggestionState> => {
    // A form field, not .bind(): see moveAction in ../schema/actions.ts (a Next.js bug with no-JS posts).
    const event = idParamSchema.safeParse(formData.get("eventId"));
    if (!event.success) return { error: "Evenemanget finns inte." };
    const parsed = roomSuggestionSchema.safeParse(roomSuggestionValues(formData));
    if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Förslaget är ogiltigt. Ladda om sidan." };
    const { slotId, moves, confirm } = parsed.data;
    const requests = moves.map((m) => ({ larpassId: m.larpassId, target: { timeSlotId: slotId, roomId: m.roomId }, expectedVersion: m.version }));

    if (!confirm) {
      const preview = previewRoomMoves({ moves: requests, eventId: event.data });
      return preview.ok ? { confirm: { members: preview.members, larpass: preview.larpass, overfull: preview.overfull } } : { error: preview.message };
    }

    const result = await moveLarpasses({ moves: requests, eventId: event.data, author: authorOf(user) });
    if (!result.ok) return { error: result.reason === "stale" ? moveMessages.suggestionStale : result.message };
    redirect(`/arrangor/evenemang/${event.data}/efterfragan?forslag=${slotId}#forslag-${slotId}`);
  },
  refused: (refusal) => ({ error: refusal.message }),
});
