import type { DocAttachment } from "@/db/schema";
import { DocForm, type DocFormState } from "./doc-form";

/**
 * A lärpass's attachments: the list with a remove button each, and the upload form. The speaker's page and
 * the organiser's copy pass their own actions (and, for the organiser, the event id the actions check).
 */
export function AttachmentsPanel({
  larpassId,
  eventId,
  attachments,
  maxLabel,
  query,
  upload,
  remove,
}: {
  larpassId: number;
  eventId?: number;
  attachments: DocAttachment[];
  maxLabel: string;
  query: Record<string, string | string[] | undefined>;
  upload: (state: DocFormState, formData: FormData) => Promise<DocFormState>;
  remove: (formData: FormData) => Promise<void>;
}) {
  return (
    <section aria-labelledby="bilagor" className="panel stack" style={{ marginTop: "1.5rem" }}>
      <h2 id="bilagor">Bilagor</h2>
      {query.sparat === "bilaga" ? <p role="status" className="inline-notice saved">Bilagan är sparad.</p> : null}
      {query.sparat === "bilaga-borttagen" ? <p role="status" className="inline-notice saved">Bilagan är borttagen.</p> : null}
      {query.fel === "bilaga" ? <p role="alert" className="inline-notice error">Bilagan finns inte längre. Ladda om sidan.</p> : null}
      <p className="meta">PDF, PowerPoint eller bilder, högst {maxLabel} per fil. Bilagorna visas i dokumentationen när arrangörerna publicerar den.</p>
      {attachments.length ? (
        <ul>
          {attachments.map((a) => (
            <li key={a.id}>
              {a.name}{" "}
              <form action={remove} style={{ display: "inline" }}>
                <input type="hidden" name="larpassId" value={larpassId} />
                {eventId ? <input type="hidden" name="eventId" value={eventId} /> : null}
                <input type="hidden" name="attachmentId" value={a.id} />
                <button type="submit" className="secondary" aria-label={`Ta bort ${a.name}`}>
                  Ta bort
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p>Inga bilagor än.</p>
      )}
      <DocForm
        id="bilaga"
        action={upload}
        submit="Ladda upp bilagan"
        fields={[
          { name: "larpassId", type: "hidden", defaultValue: String(larpassId) },
          ...(eventId ? [{ name: "eventId", type: "hidden" as const, defaultValue: String(eventId) }] : []),
          { name: "file", label: "Fil", type: "file", accept: ".pdf,.ppt,.pptx,.png,.jpg,.jpeg,.gif,.webp" },
        ]}
      />
    </section>
  );
}
