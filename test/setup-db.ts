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

// Sign-in links made by the app (lib/auth/email-link.ts, speakers' invitations) are hashed with the secret.
process.env.AUTH_SECRET ??= "test-secret-not-for-production-0123456789";
