import { z } from "zod";

export const accountParams = z.object({ id: z.uuid().meta({ description: "The account's id (GET /api/user/organizations lists them)" }) });
export const connectionParams = accountParams.extend({ connectionId: z.uuid() });
export const BASE = "/api/user/organizations";
