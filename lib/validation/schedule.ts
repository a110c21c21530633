import { z } from "zod";

/** "" (the "no time" / "no room" choice) is null; anything else must be a positive id. */
const optionalId = (message: string) =>
  z
    .union([z.literal(""), z.literal("ingen"), z.coerce.number({ error: message }).int(message).positive(message)], { error: message })
    .transform((v) => (v === "" || v === "ingen" ? null : v));

/** The plain move form (select time + select room + "Flytta") and the drag-and-drop confirm. */
export const moveSchema = z.object({
  timeSlotId: optionalId("Välj en tid i listan."),
  roomId: optionalId("Välj en lokal i listan."),
  version: z.coerce.number({ error: "Formuläret saknar version. Ladda om sidan." }).int().positive("Formuläret saknar version. Ladda om sidan."),
  confirm: z.literal("1").optional(),
});
export type MoveInput = z.infer<typeof moveSchema>;

export function moveFormValues(formData: FormData) {
  return {
    timeSlotId: String(formData.get("timeSlotId") ?? ""),
    roomId: String(formData.get("roomId") ?? ""),
    version: String(formData.get("version") ?? ""),
    confirm: formData.get("confirm") === "1" ? ("1" as const) : undefined,
  };
}

/** One changed row of a room suggestion as the organiser saw it: "larpassId:version:roomId". */
const suggestionMove = z
  .string()
  .regex(/^[1-9]\d{0,9}:[1-9]\d{0,9}:[1-9]\d{0,9}$/, "Förslaget är ogiltigt. Ladda om sidan.")
  .transform((s) => {
    const [larpassId, version, roomId] = s.split(":").map(Number);
    return { larpassId, version, roomId };
  });

export const roomSuggestionSchema = z.object({
  slotId: z.coerce.number().int().positive("Förslaget är ogiltigt. Ladda om sidan."),
  moves: z.array(suggestionMove).min(1, "Förslaget ändrar ingenting.").max(200),
  confirm: z.literal("1").optional(),
});
export type RoomSuggestionInput = z.infer<typeof roomSuggestionSchema>;

export function roomSuggestionValues(formData: FormData) {
  return {
    slotId: String(formData.get("slotId") ?? ""),
    moves: formData.getAll("move").map(String),
    confirm: formData.get("confirm") === "1" ? ("1" as const) : undefined,
  };
}

/** Route and page parameters: a positive integer id or nothing. */
export const idParamSchema = z.coerce.number().int().positive().max(2 ** 31);
