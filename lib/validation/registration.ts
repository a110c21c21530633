import { z } from "zod";

export const larpassIdSchema = z.coerce.number().int().positive();

export const registrationApiSchema = z.object({
  larpassId: z.number({ error: "larpassId måste vara ett heltal." }).int().positive(),
  waitlist: z.boolean().optional().default(false),
});
