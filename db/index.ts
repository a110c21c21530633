import { openDatabase, type DB } from "./open";

export type { DB } from "./open";

const globalForDb = globalThis as unknown as { __larpassDb?: DB };

/** The one client of the app, cached on globalThis so dev reloads do not open new handles. */
export const db: DB = globalForDb.__larpassDb ?? openDatabase();
globalForDb.__larpassDb = db;
