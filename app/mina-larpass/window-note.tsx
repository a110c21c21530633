import type { EditWindow } from "@/lib/speakers/mine";
import { formatDateTime } from "@/lib/time";

/** Until when the speaker may edit, in the event's time (Swedish), or that the time has run out. */
export function WindowNote({ window, timeZone = "Europe/Stockholm", what = "sammanfattningen" }: { window: EditWindow; timeZone?: string; what?: string }) {
  if (!window.deadline) return <p className="meta">Du kan ändra {what} när som helst.</p>;
  const when = formatDateTime(window.deadline, timeZone);
  return window.open ? (
    <p className="meta">Du kan ändra till och med {when}.</p>
  ) : (
    <p className="notice" role="status">
      Tiden för ändringar gick ut {when}. Kontakta arrangörerna om något behöver rättas.
    </p>
  );
}
