import { checkCaller } from "@/lib/action";
import { chooseLarpass, leaveLarpass } from "@/lib/registrations";
import { registrationApiSchema } from "@/lib/validation/registration";

export const dynamic = "force-dynamic";

/**
 * JSON API for choosing and leaving a lärpass (used by the sign-up benchmark and by integrations).
 * Cookie-authenticated, so it accepts only application/json from the same origin (no cross-site forms).
 */
async function handle(request: Request, op: "choose" | "leave") {
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(request.url).origin) {
    return Response.json({ error: "Anropet kommer från en annan webbplats." }, { status: 403 });
  }
  if (!request.headers.get("content-type")?.startsWith("application/json")) {
    return Response.json({ error: "Skicka JSON (Content-Type: application/json)." }, { status: 415 });
  }
  const who = await checkCaller("registration.api");
  if (!who.ok) return Response.json({ error: who.message }, { status: who.status });
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: "Ogiltig JSON." }, { status: 400 });
  }
  const parsed = registrationApiSchema.safeParse(body);
  if (!parsed.success) {
    return Response.json({ error: "Ogiltiga uppgifter.", fields: parsed.error.flatten().fieldErrors }, { status: 400 });
  }
  const { larpassId, waitlist } = parsed.data;
  const outcome =
    op === "choose"
      ? await chooseLarpass({ userId: who.user.id, larpassId, waitlist })
      : await leaveLarpass({ userId: who.user.id, larpassId });
  if (!outcome.ok) {
    const status = outcome.reason === "not_found" || outcome.reason === "not_registered" ? 404 : 409;
    return Response.json({ error: outcome.message, reason: outcome.reason }, { status });
  }
  return Response.json(outcome);
}

export const POST = (request: Request) => handle(request, "choose");
export const DELETE = (request: Request) => handle(request, "leave");
