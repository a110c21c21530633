"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { serverAction } from "@/lib/action";
import { addAttachment, deleteAttachment, readUploadedFile } from "@/lib/documentation/attachments";
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

const id = z.coerce.number().int().positive();
const pageOf = (fd: FormData) => {
  const larpassId = id.safeParse(fd.get("larpassId"));
  return larpassId.success ? `/mina-larpass/${larpassId.data}/dokumentation` : "/mina-larpass";
};

/**
 * A speaker adds an attachment (PDF, PowerPoint, image) to a lärpass they speak in. The size is checked
 * before the file is read; the type from its first bytes (lib/documentation/attachments.ts); nothing is
 * stored when it is refused.
 */
export const uploadAttachmentAction = serverAction("own-larpass.add-attachment", {
  run: async (user, _prev: DocFormState, fd: FormData): Promise<DocFormState> => {
    const larpassId = id.safeParse(fd.get("larpassId"));
    if (!larpassId.success) return refusedState(fd, "Formuläret är ogiltigt. Ladda om sidan.");
    const file = await readUploadedFile(fd.get("file"));
    if (!file.ok) return refusedState(fd, "Bilagan är inte sparad.", { file: file.problem });
    const r = addAttachment({
      larpassId: larpassId.data,
      name: file.name,
      bytes: file.bytes,
      userId: user.id,
      rows: policy["own-larpass.add-attachment"].rows,
      author: authorOf(user),
    });
    if (!r.ok) return refusedState(fd, r.message, r.field ? { [r.field]: r.message } : undefined);
    redirect(`/mina-larpass/${larpassId.data}/dokumentation?sparat=bilaga#bilagor`);
  },
  returnTo: (_prev, fd) => pageOf(fd),
});

/** A speaker removes an attachment of a lärpass they speak in. */
export const deleteAttachmentAction = serverAction("own-larpass.delete-attachment", {
  run: async (user, fd: FormData): Promise<void> => {
    const attachmentId = id.safeParse(fd.get("attachmentId"));
    const r = attachmentId.success
      ? deleteAttachment({ attachmentId: attachmentId.data, userId: user.id, rows: policy["own-larpass.delete-attachment"].rows, author: authorOf(user) })
      : { ok: false as const };
    redirect(`${pageOf(fd)}?${r.ok ? "sparat=bilaga-borttagen" : "fel=bilaga"}#bilagor`);
  },
  returnTo: (fd) => pageOf(fd),
});
