import { exportPersonalData } from "@/lib/account";
import { checkCaller } from "@/lib/action";

export const dynamic = "force-dynamic";

export async function GET() {
  const who = await checkCaller("account.export-data");
  if (!who.ok) return Response.json({ error: who.message }, { status: who.status });
  return new Response(JSON.stringify(exportPersonalData({ userId: who.user.id }), null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": 'attachment; filename="mina-uppgifter.json"',
      "cache-control": "private, no-store",
    },
  });
}
