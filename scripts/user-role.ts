/**
 * npm run user:role -- <e-post> <member|speaker|organiser>
 * Gives a user a role; creates the account if the address has never signed in.
 */
import { eq } from "drizzle-orm";
import { databasePath, openDatabase } from "@/db/open";
import { users } from "@/db/schema";
import { roles, type Role } from "@/lib/domain";
import { signInSchema } from "@/lib/validation/auth";

const [emailArg, roleArg] = process.argv.slice(2);
const email = signInSchema.shape.email.safeParse(emailArg ?? "");
if (!email.success || !roles.includes(roleArg as Role)) {
  console.error(`Användning: npm run user:role -- <e-post> <${roles.join("|")}>`);
  if (!email.success) console.error(`Fel: ${email.error.issues[0]?.message}`);
  else console.error(`Fel: okänd roll "${roleArg ?? ""}".`);
  process.exit(1);
}
const database = openDatabase(databasePath());
const existing = database.select().from(users).where(eq(users.email, email.data)).get();
if (existing) database.update(users).set({ role: roleArg as Role }).where(eq(users.id, existing.id)).run();
else database.insert(users).values({ email: email.data, role: roleArg as Role }).run();
database.$client.close();
console.log(`${email.data} har nu rollen ${roleArg}.`);
