import {
  handlesRequests,
  hasPersonalHome,
  needsSurveyAudience,
  usesExams,
  type RoleHolder,
  type RoleRule,
} from "~/auth/policy";
import { mayOpen, type RouteKey } from "~/auth/route-access";

export interface NavItem {
  to: RouteKey;
  label: string; // i18n key in "common"
  // Narrows a page every signed-in user may open to the people it is for; who may open a page
  // at all comes from the route table, never from here.
  audience?: RoleRule;
}

// In display order; a user sees an item when the route admits them and they are its audience.
export const NAV_ITEMS: readonly NavItem[] = [
  { to: "/", label: "nav.home", audience: hasPersonalHome },
  { to: "/courses", label: "nav.courses" },
  { to: "/exams", label: "nav.exams", audience: usesExams },
  { to: "/competency", label: "nav.competency" },
  { to: "/requests", label: "nav.requests", audience: handlesRequests },
  { to: "/schedule", label: "nav.schedule" },
  { to: "/dashboard", label: "nav.dashboard" },
  { to: "/archive", label: "nav.archive" },
  { to: "/development", label: "nav.development" },
  { to: "/library", label: "nav.library" },
  { to: "/needs", label: "nav.needs", audience: needsSurveyAudience },
  { to: "/trainers", label: "nav.trainers" },
  { to: "/assignments", label: "nav.assignments" },
  { to: "/coverage", label: "nav.coverage" },
  { to: "/roster", label: "nav.roster" },
  { to: "/admin", label: "nav.admin" },
];

export function navFor(user: RoleHolder): NavItem[] {
  return NAV_ITEMS.filter((item) => mayOpen(user, item.to) && (item.audience?.(user) ?? true));
}
