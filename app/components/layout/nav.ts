import type { Role } from "~/auth/roles";

export interface NavItem {
  to: string;
  label: string; // i18n key in "common"
  roles: readonly Role[];
}

// In display order; a user sees the items of every role they hold.
export const NAV_ITEMS: readonly NavItem[] = [
  { to: "/", label: "nav.home", roles: ["TRAINEE", "LEAD", "TRAINER", "HR"] },
  { to: "/courses", label: "nav.courses", roles: ["TRAINEE", "LEAD", "TRAINER", "HR", "ADMIN"] },
  { to: "/exams", label: "nav.exams", roles: ["TRAINEE", "TRAINER", "HR"] },
  { to: "/requests", label: "nav.requests", roles: ["LEAD", "HR", "ADMIN"] },
  { to: "/schedule", label: "nav.schedule", roles: ["TRAINER", "HR"] },
  { to: "/dashboard", label: "nav.dashboard", roles: ["TRAINER", "HR", "ADMIN"] },
  { to: "/archive", label: "nav.archive", roles: ["HR", "ADMIN"] },
  { to: "/admin", label: "nav.admin", roles: ["ADMIN"] },
];

export function navFor(roles: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.some((r) => roles.includes(r)));
}
