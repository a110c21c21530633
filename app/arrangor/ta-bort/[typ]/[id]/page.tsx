import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { DeletableKind, DeletionImpact } from "@/lib/admin/deletion";
import { describeEventDeletion } from "@/lib/admin/events";
import { describeRoomDeletion } from "@/lib/admin/rooms";
import { describeSlotDeletion } from "@/lib/admin/slots";
import { describeDayDeletion } from "@/lib/admin/days";
import { describeLarpassDeletion } from "@/lib/admin/larpass";
import { describeSpeakerDeletion } from "@/lib/admin/speakers";
import { describeOrganisationDeletion } from "@/lib/admin/organisations";
import { requirePageRole } from "@/lib/auth/page-guards";
import { idSchema } from "@/lib/validation/form";
import { IdField } from "@/components/form-fields";
import { deleteDayAction, deleteEventAction, deleteRoomAction, deleteSlotAction } from "../../../evenemang/[id]/actions";
import { deleteLarpassAction } from "../../../larpass/actions";
import { deleteOrganisationAction } from "../../../organisationer/actions";
import { deleteSpeakerAction } from "../../../talare/actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Arrangör: ta bort" };

type Props = { params: Promise<{ typ: string; id: string }> };

const kinds: Record<
  DeletableKind,
  { describe: (a: { id: number }) => DeletionImpact | null; action: (formData: FormData) => Promise<void> }
> = {
  evenemang: { describe: describeEventDeletion, action: deleteEventAction },
  dag: { describe: describeDayDeletion, action: deleteDayAction },
  tid: { describe: describeSlotDeletion, action: deleteSlotAction },
  lokal: { describe: describeRoomDeletion, action: deleteRoomAction },
  larpass: { describe: describeLarpassDeletion, action: deleteLarpassAction },
  talare: { describe: describeSpeakerDeletion, action: deleteSpeakerAction },
  organisation: { describe: describeOrganisationDeletion, action: deleteOrganisationAction },
};

/**
 * The question before anything is deleted: what it is, and everything else that will happen. Works
 * without JavaScript; the delete actions refuse to run without this page's confirmation field.
 */
export default async function ConfirmDeletionPage({ params }: Props) {
  const { typ, id: raw } = await params;
  await requirePageRole("organiser", `/arrangor/ta-bort/${typ}/${raw}`);
  const kind = Object.hasOwn(kinds, typ) ? kinds[typ as DeletableKind] : null;
  const id = idSchema.safeParse(raw);
  if (!kind || !id.success) notFound();
  const impact = kind.describe({ id: id.data });
  if (!impact) notFound();
  return (
    <>
      <h1>Ta bort {impact.what}?</h1>
      {impact.consequences.length ? (
        <section aria-labelledby="vad-hander" className="panel notice">
          <h2 id="vad-hander">Det här händer</h2>
          <ul>
            {impact.consequences.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </section>
      ) : (
        <p>Ingenting annat påverkas: det används inte av något annat.</p>
      )}
      <p>Det går inte att ångra.</p>
      <form action={kind.action} className="actions">
        <IdField value={impact.id} />
        <input type="hidden" name="bekraftat" value="ja" />
        <button type="submit" className="danger">
          Ja, ta bort {impact.what}
        </button>
        <Link href={impact.backHref}>Nej, avbryt</Link>
      </form>
    </>
  );
}
