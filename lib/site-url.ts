/** The public address used in mails (AUTH_URL, as for the sign-in links). */
export function siteUrl(): string {
  return (process.env.AUTH_URL ?? process.env.SITE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}
