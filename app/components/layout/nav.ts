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
  // The training office's pages sit in one disclosure menu so the row stays one line for HR.
  group?: "office";
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
  { to: "/archive", label: "nav.archive", group: "office" },
  { to: "/development", label: "nav.development", group: "office" },
  { to: "/library", label: "nav.library", group: "office" },
  { to: "/needs", label: "nav.needs", group: "office", audience: needsSurveyAudience },
  { to: "/trainers", label: "nav.trainers", group: "office" },
  { to: "/assignments", label: "nav.assignments", group: "office" },
  { to: "/coverage", label: "nav.coverage", group: "office" },
  { to: "/roster", label: "nav.roster", group: "office" },
  { to: "/admin", label: "nav.admin" },
];

export function navFor(user: RoleHolder): NavItem[] {
  return NAV_ITEMS.filter((item) => mayOpen(user, item.to) && (item.audience?.(user) ?? true));
}

/** The row and the office menu; a menu of one item would only hide it, so it joins the row. */
export function navLayout(user: RoleHolder): { row: NavItem[]; office: NavItem[] } {
  const items = navFor(user);
  const office = items.filter((i) => i.group === "office");
  return office.length > 1 ? { row: items.filter((i) => i.group !== "office"), office } : { row: items, office: [] };
}
