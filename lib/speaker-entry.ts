// The lärpass form's speaker list travels as text; this codec has no zod in it, so the client form uses it too.

/**
 * A speaker in the lärpass form's ordered list: an existing speaker ("id:12") or one to be created when
 * the lärpass is saved ("ny:" + JSON), so nothing is written until the organiser saves.
 */
export type SpeakerEntry =
  | { kind: "existing"; id: number }
  | { kind: "new"; name: string; role: string | null; organisation: string | null };

export function encodeSpeakerEntry(e: SpeakerEntry): string {
  return e.kind === "existing"
    ? `id:${e.id}`
    : `ny:${JSON.stringify({ name: e.name, role: e.role ?? "", organisation: e.organisation ?? "" })}`;
}

export function decodeSpeakerEntry(raw: string): SpeakerEntry | null {
  if (/^id:\d{1,15}$/.test(raw)) {
    const id = Number(raw.slice(3));
    return id > 0 ? { kind: "existing", id } : null;
  }
  if (raw.startsWith("ny:") && raw.length < 2000) {
    try {
      const v = JSON.parse(raw.slice(3)) as Record<string, unknown>;
      const name = typeof v.name === "string" ? v.name.trim() : "";
      if (!name || name.length > 200) return null;
      const opt = (x: unknown) => (typeof x === "string" && x.trim() ? x.trim().slice(0, 200) : null);
      return { kind: "new", name, role: opt(v.role), organisation: opt(v.organisation) };
    } catch {
      return null;
    }
  }
  return null;
}
