import { getUserByCalendarToken } from "@/lib/account";
import { buildCalendar } from "@/lib/calendar";
import { listCalendarEntries } from "@/lib/my-programme";

export const dynamic = "force-dynamic";

/** The personal calendar feed: the secret in the URL is the only credential, and it can be revoked. */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const token = (await params).file.replace(/\.ics$/, "");
  const user = getUserByCalendarToken({ token });
  if (!user) {
    return new Response("Kalenderadressen finns inte eller har stängts av. Skapa en ny i Mitt program.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const entries = await listCalendarEntries({ userId: user.id, siteUrl: new URL(request.url).origin });
  return new Response(buildCalendar({ name: "Mina lärpass", entries }), {
    headers: { "content-type": "text/calendar; charset=utf-8", "cache-control": "private, max-age=300" },
  });
}
