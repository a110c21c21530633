"use server";

import { redirect } from "next/navigation";
import { refusedState, type DocFormState } from "@/lib/documentation/form-state";
import { requireRole } from "@/lib/auth/current-user";
import { saveLarpassDoc } from "@/lib/documentation/larpass-doc";
import { parseLarpassDocForm } from "@/lib/documentation/larpass-doc-form";
import { authorOf } from "@/lib/revisions";

/** A speaker saves the documentation of a lärpass they speak in (saveLarpassDoc checks, in its transaction). */
export async function saveOwnLarpassDocAction(_prev: DocFormState, fd: FormData): Promise<DocFormState> {
  const who = await requireRole("speaker");
  if (!who.ok) {
    if (who.status === 401) redirect(`/logga-in?next=${encodeURIComponent("/mina-larpass")}`);
    return refusedState(fd, who.message);
  }
  const p = parseLarpassDocForm(fd);
  if (!p.ok) return refusedState(fd, p.message, p.errors);
  const r = saveLarpassDoc({ larpassId: p.larpassId, userId: who.user.id, asOrganiser: false, author: authorOf(who.user), expectedVersion: p.version, input: p.input });
  if (!r.ok) return refusedState(fd, r.message);
  redirect(`/mina-larpass/${p.larpassId}/dokumentation?sparat=1`);
}
