// What the organisers' frame edits (events, days, time slots, rooms) answer: the id, or errors for the form.
import type { DB } from "@/db";
import type { FieldErrors } from "@/lib/validation/form";

export type Tx = Pick<DB, "select" | "insert" | "update" | "delete">;

export type SaveResult<F extends string = string> = { ok: true; id: number } | { ok: false; errors: FieldErrors<F> };

export const notFound = { ok: false as const, errors: { form: "Det finns inte längre. Någon kan ha tagit bort det." } };
