// The speaker's and organiser's documentation form, parsed: one function both actions use.
import { z } from "zod";
import { parseGroups, parseQuotes, parseSlides, type LarpassDocInput } from "./larpass-doc";

export type ParsedLarpassDoc =
  | { ok: true; larpassId: number; eventId: number | null; version: number; input: LarpassDocInput }
  | { ok: false; message: string; errors?: Record<string, string> };

const id = z.coerce.number().int().positive();

export function parseLarpassDocForm(fd: FormData): ParsedLarpassDoc {
  const larpassId = id.safeParse(fd.get("larpassId"));
  const version = z.coerce.number().int().min(0).safeParse(fd.get("version"));
  const rawEvent = fd.get("eventId");
  const eventId = rawEvent ? id.safeParse(rawEvent) : { success: true as const, data: null };
  if (!larpassId.success || !version.success || !eventId.success) return { ok: false, message: "Formuläret är ogiltigt. Ladda om sidan." };
  const text = (k: string) => String(fd.get(k) ?? "");
  const errors: Record<string, string> = {};
  if (text("summary").length > 20000) errors.summary = "Sammanfattningen får vara högst 20 000 tecken.";
  const groups = parseGroups(text("groups"));
  if (groups.some((g) => g.title.length > 200)) errors.groups = "Ett gruppnamn får vara högst 200 tecken.";
  const slides = parseSlides(text("slides"));
  if (slides.bad.length) errors.slides = `Det här är inte webbadresser: ${slides.bad.join(", ")}`;
  const quotes = parseQuotes(text("quotes"));
  if (Object.keys(errors).length) return { ok: false, message: "Dokumentationen är inte sparad.", errors };
  return { ok: true, larpassId: larpassId.data, eventId: eventId.data, version: version.data, input: { summary: text("summary").trim(), groups, quotes, slides: slides.slides } };
}
