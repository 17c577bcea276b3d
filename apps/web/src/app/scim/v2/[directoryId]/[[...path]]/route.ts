import { handleScimRequest } from "@gatehouse/core";
import { env } from "@/env";
import { coreContext } from "@/server/context";
import { ipFromHeaders } from "@/server/request";

// SCIM 2.0 (RFC 7644) for one directory: /scim/v2/<directoryId>/{Users,Groups,ServiceProviderConfig,
// ResourceTypes,Schemas}. Served by us rather than Jackson's directory sync so the bearer token can
// be stored hashed and checked here; everything else happens in handleScimRequest.
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ directoryId: string; path?: string[] }> };

async function handle(request: Request, { params }: Params): Promise<Response> {
  const { directoryId, path = [] } = await params;
  const e = env();
  return handleScimRequest(coreContext(), request, {
    directoryId,
    path: path.map((p) => decodeURIComponent(p)),
    baseUrl: `${e.APP_URL}/scim/v2/${directoryId}`,
    ip: ipFromHeaders(request.headers),
    rateLimitPerMinute: e.SCIM_RATE_LIMIT_PER_MINUTE,
  });
}

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
