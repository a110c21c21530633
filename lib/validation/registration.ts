import { z } from "zod";

export const larpassIdSchema = z.coerce.number().int().positive();

const larpassIdMessage = "larpassId måste vara ett positivt heltal.";

export const registrationApiSchema = z.object({
  larpassId: z.number({ error: larpassIdMessage }).int({ error: larpassIdMessage }).positive({ error: larpassIdMessage }),
  waitlist: z.boolean({ error: "waitlist måste vara true eller false." }).optional().default(false),
});
