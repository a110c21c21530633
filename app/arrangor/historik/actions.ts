"use server";

import { redirect } from "next/navigation";
import { restoreRevision } from "@/lib/admin/history";
import { authorOf } from "@/lib/revisions";
import { formValues } from "@/lib/validation/form";
import { historyPath, restoreFields, restoreSchema } from "@/lib/validation/history";
import { serverAction } from "@/lib/action";

/** Back to the page the form was on, even when another field is broken. */
function backTo(formData: FormData): string {
  const page = restoreSchema.pick({ entity: true, entityId: true }).safeParse(formValues(formData, restoreFields));
  return page.success ? historyPath(page.data.entity, page.data.entityId) : "/arrangor";
}

/**
 * "Återställ den här versionen" on a Historik page. A plain form (no typed input to keep), so the answer
 * is a redirect back to the page with what happened in the query: ?aterstalld=<revision> or ?fel=<reason>.
 * The ids are hidden fields, untrusted: the revision decides what is restored, and the version the page
 * was drawn with must still be the current one.
 */
export const restoreRevisionAction = serverAction("revision.restore", {
  run: async (user, formData: FormData): Promise<void> => {
    const values = formValues(formData, restoreFields);
    const parsed = restoreSchema.safeParse(values);
    const back = backTo(formData);
    if (!parsed.success) redirect(`${back}?fel=ogiltig`);
    const { revisionId, version, entity, entityId } = parsed.data;
    const result = await restoreRevision({ revisionId, expectedVersion: version, author: authorOf(user) });
    if (!result.ok) {
      // A revision of another lärpass or speaker than the page's: back to the page it belongs to.
      const page = result.entity && result.id ? historyPath(result.entity, result.id) : historyPath(entity, entityId);
      redirect(`${page}?fel=${result.reason}`);
    }
    const notes = result.notes.length ? "&anm=1" : "";
    redirect(`${historyPath(result.entity, result.id)}?aterstalld=${revisionId}${notes}#senaste`);
  },
  returnTo: (formData) => backTo(formData),
});
