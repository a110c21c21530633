import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";

export const GET = handlers.GET;

/**
 * Sign-in mails are requested only through the sign-in page's server action, which applies the rate
 * limits; the provider's own POST endpoint would bypass them, so it is closed.
 */
export async function POST(request: NextRequest) {
  if (new URL(request.url).pathname.includes("/signin/")) {
    return Response.json({ error: "Logga in via inloggningssidan /logga-in." }, { status: 404 });
  }
  return handlers.POST(request);
}
