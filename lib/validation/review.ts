// The organisers' decision on a speaker's edit under review ("Att granska"). The ids are hidden fields,
// parsed here and checked on the server (the edit must still be pending, the lärpass unchanged since).
import { z } from "zod";
import { hiddenId } from "./speaker";

const broken = "Formuläret är trasigt. Ladda om sidan och försök igen.";

export const reviewDecisionSchema = z.object({
  editId: hiddenId,
  version: z.string({ error: broken }).trim().regex(/^\d{1,9}$/, broken).transform(Number),
});

export const returnEditSchema = reviewDecisionSchema.extend({
  message: z
    .string({ error: "Skriv ett meddelande till talaren." })
    .trim()
    .min(1, "Skriv ett meddelande till talaren: vad behöver ändras?")
    .max(2000, "Meddelandet får vara högst 2 000 tecken."),
});
