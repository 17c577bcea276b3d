import type { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

/**
 * One API operation, described once: the handler parses with these schemas and the OpenAPI
 * document is generated from the same objects, so the two cannot drift apart.
 */
export type RouteSpec = {
  method: HttpMethod;
  /** OpenAPI path, e.g. /api/user/organizations/{id}/domains */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  data: z.ZodType;
  successStatus?: 200 | 201;
  /** Only admins of the account (an account key counts as one). */
  adminOnly?: boolean;
  /** Error statuses this operation can answer besides 401/403/429 (documented). */
  errors?: number[];
};

export const defineSpec = <S extends RouteSpec>(spec: S): S => spec;
