// Every namespace of the app. A capability adds its messages file here, one line each.
import audit from "~/admin/audit-messages";
import admin from "~/admin/messages";
import assignments from "~/assignments/messages";
import auth from "~/auth/messages";
import catalogue from "~/catalogue/messages";
import competency from "~/competency/messages";
import development from "~/development/messages";
import trial from "~/development/trial-messages";
import exams from "~/exams/messages";
import sittings from "~/exams/sitting-messages";
import library from "~/library/messages";
import needs from "~/needs/messages";
import people from "~/people/messages";
import roster from "~/roster/messages";
import surveys from "~/surveys/messages";
import trainers from "~/trainers/messages";
import workflow from "~/workflow/messages";
import reschedule from "~/workflow/reschedule-messages";
import common from "./common.messages";
import type { Messages } from "./define";

export const namespaces = {
  common,
  auth,
  admin,
  audit,
  surveys,
  workflow,
  catalogue,
  exams,
  people,
  sittings,
  development,
  reschedule,
  library,
  needs,
  trainers,
  assignments,
  roster,
  competency,
  trial,
} satisfies Record<string, Messages>;

export type Namespace = keyof typeof namespaces;

function byLocale(locale: "zh" | "en") {
  return Object.fromEntries(Object.entries(namespaces).map(([ns, m]) => [ns, m[locale]]));
}

export const resources = { zh: byLocale("zh"), en: byLocale("en") };

/** The server has both languages; the browser's resources.browser.ts loads one when asked. */
export async function loadLocale(_locale: "zh" | "en"): Promise<void> {}

/** The shape i18next's types check keys against (see i18next.d.ts). */
export type Resources = { [N in Namespace]: (typeof namespaces)[N]["zh"] };
