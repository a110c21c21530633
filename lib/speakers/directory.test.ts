// The public list of speakers (/talare): only speakers of public lärpass, in Swedish order by family name.
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { larpassSpeakers, organisations, speakers } from "@/db/schema";
import { createEvent } from "@/test/factories";
import { familyName, listPublicSpeakers } from "./directory";

let n = 0;
function speaker(name: string, organisationId: number | null = null, role: string | null = null) {
  n += 1;
  return db.insert(speakers).values({ slug: `talare-${n}-${Date.now()}`, name, role, organisationId }).returning().get();
}
const link = (larpassId: number, speakerId: number, position = 0) =>
  db.insert(larpassSpeakers).values({ larpassId, speakerId, position }).run();

describe("listPublicSpeakers", () => {
  it("lists speakers of public lärpass by family name in Swedish order, grouped by its first letter", async () => {
    const f = createEvent(db);
    const hidden = createEvent(db, { published: false });
    const org = db.insert(organisations).values({ slug: `reg-${Date.now()}`, name: "Region Örebro län" }).returning().get();
    const open = f.larpass({ title: "Öppet" });
    const cancelled = f.larpass({ title: "Inställt", status: "cancelled" });
    const draft = f.larpass({ title: "Utkast", status: "draft" });
    const secret = hidden.larpass({ title: "Opublicerat evenemang" });

    const zeta = speaker("Anna Zetterlund");
    const ang = speaker("Åsa Ängström", org.id, "utvecklingsledare");
    const ost = speaker("Olle Östlund");
    const and = speaker("Per Erik Andersson");
    const onlyDraft = speaker("Dolda Draftsson");
    const onlyHidden = speaker("Gömda Hemlund");
    link(open.id, zeta.id);
    link(open.id, ang.id, 1);
    link(cancelled.id, ang.id);
    link(cancelled.id, ost.id);
    link(open.id, and.id, 2);
    link(draft.id, onlyDraft.id);
    link(secret.id, onlyHidden.id);

    const list = (await listPublicSpeakers()).filter((s) => [zeta.id, ang.id, ost.id, and.id, onlyDraft.id, onlyHidden.id].includes(s.id));
    expect(list.map((s) => [s.name, s.letter, s.larpassCount])).toEqual([
      ["Per Erik Andersson", "A", 1],
      ["Anna Zetterlund", "Z", 1],
      ["Åsa Ängström", "Ä", 2],
      ["Olle Östlund", "Ö", 1],
    ]);
    expect(list.find((s) => s.id === ang.id)).toMatchObject({ role: "utvecklingsledare", organisation: { name: "Region Örebro län" } });
  });

  it("takes the last word as the family name", () => {
    expect(familyName("  Kjell  Nilsson ")).toBe("Nilsson");
    expect(familyName("Cher")).toBe("Cher");
  });
});
