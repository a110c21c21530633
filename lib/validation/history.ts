// The restore form of the Historik pages: which revision, and the version the page was drawn with (a
// restore from a stale page is refused). The entity and its id only say which page to go back to.
import { z } from "zod";
import { revisionEntities } from "@/lib/domain";

const broken = "Formuläret är trasigt. Ladda om sidan och försök igen.";
const id = z
  .string({ error: broken })
  .trim()
  .regex(/^\d{1,15}$/, broken)
  .transform(Number)
  .refine((n) => Number.isSafeInteger(n) && n > 0, broken);

export const restoreFields = ["revisionId", "version", "entity", "entityId"] as const;
export const restoreSchema = z.object({
  revisionId: id,
  version: id,
  entity: z.enum(revisionEntities, { error: broken }),
  entityId: id,
});
export type RestoreInput = z.output<typeof restoreSchema>;

/** The Historik page of a lärpass or speaker. */
export function historyPath(entity: (typeof revisionEntities)[number], entityId: number): string {
  return entity === "larpass" ? `/arrangor/larpass/${entityId}/historik` : `/arrangor/talare/${entityId}/historik`;
}
