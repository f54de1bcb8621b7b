// Who may open which page: the one declaration per route. Keys are URL patterns as the URL
// tree names them; each route module says which key it is (`handle.route`), its loader and
// action ask the guard, the menu hides what a role may not open, and the README table and the
// route-access test are checked against this table.
import {
  assignsTraining,
  isAdmin,
  isCourseStaff,
  isTrainee,
  isTrainer,
  proposesNeeds,
  readsAuditLog,
  runsCourseProjects,
  readsLibrary,
  readsNeedsResults,
  runsNeedsSurvey,
  readsRoster,
  seesAllTraining,
  seesExamResults,
  worksOnCourseProjects,
  seesTeamReadiness,
  seesTeamCompetency,
  type RoleHolder,
  type RoleRule,
} from "./policy";
import { ROLES, type Role } from "./roles";

/** "public": anyone; "signedIn": any signed-in user (features may narrow further); else a rule. */
export type RouteAccess = "public" | "signedIn" | RoleRule;

export const ROUTE_ACCESS = {
  "/*": "public",
  "/": "signedIn",
  "/account/password": "signedIn",
  "/admin": isAdmin,
  "/admin/audit": readsAuditLog,
  "/admin/audit.csv": readsAuditLog,
  "/admin/content": isAdmin,
  "/admin/deactivate": isAdmin,
  "/admin/import": isAdmin,
  "/admin/teams": isAdmin,
  "/admin/teams/:id": isAdmin,
  "/admin/users/:id": isAdmin,
  "/admin/users/new": isAdmin,
  "/archive": seesAllTraining,
  "/assignments": assignsTraining,
  "/archive.csv": seesAllTraining,
  "/bench/baseline": "public",
  "/calendar/:file": "signedIn",
  "/certificates/:userId/course/:slug": "signedIn",
  "/certificates/:userId/readiness": "signedIn",
  "/competency": isTrainee,
  "/competency/people/:id": "signedIn",
  "/competency/self": isTrainee,
  "/competency/teams/:id": seesTeamCompetency,
  "/courses": "signedIn",
  "/coverage": assignsTraining,
  "/coverage.csv": assignsTraining,
  "/courses/:slug": "signedIn",
  "/courses/:slug/print": isCourseStaff,
  "/courses/progress": isCourseStaff,
  "/dashboard": isCourseStaff,
  "/dashboard/figures.csv": isCourseStaff,
  "/dashboard/responses.csv": isCourseStaff,
  "/development": worksOnCourseProjects,
  "/development/:id": worksOnCourseProjects,
  "/development/:id/trial": worksOnCourseProjects,
  "/development/new": runsCourseProjects,
  "/exams": "signedIn",
  "/exams/drills": isTrainer,
  "/exams/history/:userId": "signedIn",
  "/exams/join": "signedIn",
  "/exams/quick-reply": "signedIn",
  "/exams/quiz/:id": "signedIn",
  "/exams/quiz/:id/analysis": seesExamResults,
  "/exams/readiness": seesTeamReadiness,
  "/exams/readiness.csv": seesTeamReadiness,
  "/exams/response": "signedIn",
  "/exams/results/:id": "signedIn",
  "/exams/review": seesExamResults,
  "/exams/sittings": seesExamResults,
  "/exams/sittings/:id": seesExamResults,
  "/exams/typing": "signedIn",
  "/exams/typing/stream": "signedIn",
  "/healthz": "public",
  "/lang": "public",
  "/library": readsLibrary,
  "/login": "public",
  "/logout": "public",
  "/needs": "signedIn",
  "/needs/:id": "signedIn",
  "/needs/:id/results": readsNeedsResults,
  "/needs/:id/results.csv": readsNeedsResults,
  "/needs/new": runsNeedsSurvey,
  "/needs/proposals": proposesNeeds,
  "/notifications": "signedIn",
  "/requests": "signedIn",
  "/requests/:id": "signedIn",
  "/requests/:id/edit": "signedIn",
  "/requests/new": "signedIn",
  "/roster": readsRoster,
  "/roster/teams/:id": readsRoster,
  "/schedule": isCourseStaff,
  "/schedule/:id": isCourseStaff,
  "/series/:slug": "signedIn",
  "/surveys/:id": "signedIn",
  "/surveys/sessions/new": isCourseStaff,
  "/trainers": isCourseStaff,
  "/trainers/:id": isCourseStaff,
} as const satisfies Record<string, RouteAccess>;

export type RouteKey = keyof typeof ROUTE_ACCESS;

/** What every route module exports as `handle`. */
export interface RouteHandle {
  route: RouteKey;
}

type GuardedKey = { [K in RouteKey]: (typeof ROUTE_ACCESS)[K] extends "public" ? never : K }[RouteKey];

/** The handle of a route that needs a signed-in user. */
export interface GuardedHandle {
  route: GuardedKey;
}

export function routeAccess(route: RouteKey): RouteAccess {
  return ROUTE_ACCESS[route];
}

/** Whether a signed-in user may open the route. */
export function mayOpen(user: RoleHolder, route: RouteKey): boolean {
  const access = routeAccess(route);
  return typeof access === "function" ? access(user) : true;
}

// --- The README's "Who may do what" table ----------------------------------------------------

function cell(route: RouteKey, role: Role | "anonymous"): string {
  const access = routeAccess(route);
  if (role === "anonymous") return access === "public" ? "yes" : "—";
  return mayOpen({ roles: [role] }, route) ? "yes" : "—";
}

/** The route × role table as Markdown, one row per route in the table's order. */
export function accessTableMarkdown(): string {
  const columns = ["anonymous", ...ROLES] as const;
  const lines = [
    `| Route | ${columns.join(" | ")} |`,
    `| --- | ${columns.map(() => ":-:").join(" | ")} |`,
    ...(Object.keys(ROUTE_ACCESS) as RouteKey[]).map(
      (route) => `| \`${route}\` | ${columns.map((c) => cell(route, c)).join(" | ")} |`,
    ),
  ];
  return lines.join("\n");
}
