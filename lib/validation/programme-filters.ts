import { z } from "zod";
import { organisationKinds } from "@/lib/domain";

/** The programme's filters live in the URL (?q=&org=&kind=&track=&slot=&dag=) so a view can be shared. */
const first = (v: unknown) => {
  const value = Array.isArray(v) ? v[0] : v;
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
};
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(first, schema.optional()).catch(undefined);

export const programmeFiltersSchema = z.object({
  q: z.preprocess((v) => first(v)?.slice(0, 200), z.string().optional()).catch(undefined),
  org: optional(z.string().regex(/^[a-z0-9-]{1,100}$/)),
  kind: optional(z.enum(organisationKinds)),
  track: optional(z.string().max(100)),
  slot: optional(z.coerce.number().int().positive()),
  /** A large event of several days shows one day at a time (lib/programme.ts): "YYYY-MM-DD", or "alla". */
  dag: optional(z.string().regex(/^(\d{4}-\d{2}-\d{2}|alla)$/)),
});

export type ProgrammeFilters = Partial<z.output<typeof programmeFiltersSchema>>;

/** Unknown or malformed values are dropped rather than failing the page: a stale shared link still works. */
export function parseProgrammeFilters(params: Record<string, string | string[] | undefined>): ProgrammeFilters {
  const result = programmeFiltersSchema.safeParse(params);
  return result.success ? result.data : {};
}

export function hasActiveFilters(f: ProgrammeFilters): boolean {
  return Boolean(f.q || f.org || f.kind || f.track || f.slot);
}


