import { handleApiRequest } from "@/lib/api/v1";
import { apiPreflight } from "@/lib/api/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ path: string[] }> };

/** Public, read-only: the JSON API (lib/api/v1.ts), described at /api/v1/openapi.json. */
export async function GET(request: Request, { params }: Context) {
  return handleApiRequest(request, (await params).path);
}

export function OPTIONS() {
  return apiPreflight();
}
