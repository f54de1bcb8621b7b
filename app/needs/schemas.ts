// The needs survey's forms, one zod schema each; messages are i18n keys.
import { z } from "zod";
import { COMPETENCY_IDS } from "~/content/competencies";
import { localDaySchema, idField } from "~/lib/validation";
import { AUDIENCES, MAX_TOPIC_LENGTH } from "./scoring";

export const openRoundSchema = z.object({
  year: z.coerce
    .number({ error: "needs:err.year" })
    .int({ error: "needs:err.year" })
    .min(2000, { error: "needs:err.year" })
    .max(2100, { error: "needs:err.year" }),
  audience: z.enum(AUDIENCES, { error: "needs:err.audience" }),
  closesOn: localDaySchema.pipe(z.string({ error: "needs:err.closesOn" })),
  competency: z.array(z.enum(COMPETENCY_IDS, { error: "needs:err.unknownTopic" })).max(COMPETENCY_IDS.length),
  free: z
    .string()
    .max(20 * (MAX_TOPIC_LENGTH + 2), { error: "needs:err.freeTopic" })
    .default(""),
});
export type OpenRoundInput = z.infer<typeof openRoundSchema>;

/** The contract the competency team view posts to: 1–2 competencies proposed for one team. */
export const proposalSchema = z.object({
  teamId: idField("needs:err.team"),
  competency: z
    .array(z.enum(COMPETENCY_IDS, { error: "needs:err.unknownTopic" }))
    .min(1, { error: "needs:err.proposalCount" })
    .max(2, { error: "needs:err.proposalCount" }),
  redirectTo: z.string().max(500).optional(),
});
export type ProposalInput = z.infer<typeof proposalSchema>;
