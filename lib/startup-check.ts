import { mailConfigurationProblem } from "./mail";

/** Refuses to start a production server that would silently drop sign-in mails. */
export function checkStartup(): void {
  const problem = mailConfigurationProblem();
  if (problem) {
    console.error(`\nLärpass kan inte starta: ${problem}\n`);
    process.exit(1);
  }
}
