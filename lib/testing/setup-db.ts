// Runs before every test file: each file gets its own real SQLite file, migrated, in a temp folder.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/open";
import { migrateDatabase } from "@/db/migrate";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "larpass-test-"));
process.env.DATABASE_PATH = path.join(dir, "test.db");
const database = openDatabase(process.env.DATABASE_PATH);
migrateDatabase(database);
database.$client.close();
