"use server";

import { redirect } from "next/navigation";
import { serverAction } from "@/lib/action";
import { refusedState, type DocFormState } from "@/lib/documentation/form-state";
import { saveLarpassDoc } from "@/lib/documentation/larpass-doc";
import { parseLarpassDocForm } from "@/lib/documentation/larpass-doc-form";
import { policy } from "@/lib/policy";
import { authorOf } from "@/lib/revisions";

/**
 * A speaker saves the documentation of a lärpass they speak in: the pipeline checks the speaker role, and
 * saveLarpassDoc checks the policy's ownership (speaksIn) in the transaction that writes.
 */
export const saveOwnLarpassDocAction = serverAction("own-larpass.save-documentation", {
  run: async (user, _prev: DocFormState, fd: FormData): Promise<DocFormState> => {
    const p = parseLarpassDocForm(fd);
    if (!p.ok) return refusedState(fd, p.message, p.errors);
    const r = saveLarpassDoc({
      larpassId: p.larpassId,
      userId: user.id,
      rows: policy["own-larpass.save-documentation"].rows,
      author: authorOf(user),
      expectedVersion: p.version,
      input: p.input,
    });
    if (!r.ok) return refusedState(fd, r.message);
    redirect(`/mina-larpass/${p.larpassId}/dokumentation?sparat=1`);
  },
  returnTo: (_prev, fd) => {
    const larpassId = Number(fd.get("larpassId"));
    return Number.isInteger(larpassId) && larpassId > 0 ? `/mina-larpass/${larpassId}/dokumentation` : "/mina-larpass";
  },
});
