import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import path from "node:path";
import { databasePath, openDatabase, type DB } from "./open";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

export function migrateDatabase(database: DB): void {
  migrate(database, { migrationsFolder });
}

// `tsx db/migrate.ts` applies pending migrations to DATABASE_PATH.
if (typeof require !== "undefined" && require.main === module) {
  const file = databasePath();
  const database = openDatabase(file);
  migrateDatabase(database);
  database.$client.close();
  console.log(`Databasen är migrerad: ${file}`);
}
