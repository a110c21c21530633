// The rule for how many seats a lärpass has: its own number when the organisers set one, else its room's,
// else unknown (null: nobody is seated from a queue until a number is known). Once in TypeScript and once
// as the SQL expression for queries that join the room; the database trigger that refuses overbooking
// (db/migrations) uses the same coalesce.
import { sql } from "drizzle-orm";
import { larpass, rooms } from "@/db/schema";

export function effectiveCapacity(own: number | null | undefined, roomCapacity: number | null | undefined): number | null {
  return own ?? roomCapacity ?? null;
}

/** effectiveCapacity in SQL, for a query that joins `rooms` on the lärpass's room (a left join). */
export const effectiveCapacitySql = sql<number | null>`coalesce(${larpass.capacity}, ${rooms.capacity})`;
