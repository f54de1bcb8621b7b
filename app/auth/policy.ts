// Who may do what, as named rules. Pure: the pages, the menu and the server all ask here, so
// a rule is written once. Rules take the user (anything with typed roles); rules about one
// record take that record's people too.
import { ROLES, type Role } from "./roles";

export type { Role };

export interface RoleHolder {
  roles: readonly Role[];
}

/** A permission that depends on the roles alone. */
export type RoleRule = (who: RoleHolder) => boolean;

function holdsAny(who: RoleHolder, wanted: readonly Role[]): boolean {
  return wanted.some((r) => who.roles.includes(r));
}

/** The known roles among stored role names; unknown names grant nothing. */
export function toRoles(names: readonly string[]): Role[] {
  return ROLES.filter((r) => names.includes(r));
}

// The role whose home a user lands on when they hold several.
const PRIORITY: Role[] = ["ADMIN", "HR", "TRAINER", "LEAD", "TRAINEE"];

export function primaryRole(roles: readonly Role[]): Role {
  return PRIORITY.find((r) => roles.includes(r)) ?? "TRAINEE";
}

// --- Single roles, for features that serve exactly one role ---------------------------------

/** Takes courses and exams: their learning, readiness for duty. */
export const isTrainee: RoleRule = (u) => holdsAny(u, ["TRAINEE"]);
/** Leads teams: sees the team, puts members on requests, sees the team's requests. */
export const leadsTeams: RoleRule = (u) => holdsAny(u, ["LEAD"]);
/** Teaches sessions and runs drills. */
export const isTrainer: RoleRule = (u) => holdsAny(u, ["TRAINER"]);
/** Acts as HR on a training request. */
export const isHr: RoleRule = (u) => holdsAny(u, ["HR"]);
/** Administers users, content and the audit log. */
export const isAdmin: RoleRule = (u) => holdsAny(u, ["ADMIN"]);

// --- Groups ----------------------------------------------------------------------------------

/** HR or ADMIN: every request, session, survey figure and archive, not only their own. */
export const seesAllTraining: RoleRule = (u) => holdsAny(u, ["HR", "ADMIN"]);

/** Course staff (TRAINER, HR, ADMIN): trial and draft courses, print, progress, surveys. */
export const isCourseStaff: RoleRule = (u) => holdsAny(u, ["TRAINER", "HR", "ADMIN"]);

/**
 * Exam staff (TRAINER, HR; not ADMIN): others' exam results and history, quiz analysis,
 * readiness of the floor. Narrower than course staff on purpose: administrators run the
 * system, they do not assess people.
 */
export const seesExamResults: RoleRule = (u) => holdsAny(u, ["TRAINER", "HR"]);

/** Asks for training from the catalogue: team leads and trainees. */
export const canRequestTraining: RoleRule = (u) => holdsAny(u, ["LEAD", "TRAINEE"]);

/** Has a home page of their own; an administrator alone lands on /admin instead. */
export const hasPersonalHome: RoleRule = (u) => holdsAny(u, ["TRAINEE", "LEAD", "TRAINER", "HR"]);

/** Grants a trainee one more exam attempt past the cool-down or the daily limit (audited). */
export const grantsExamAttempts: RoleRule = (u) => holdsAny(u, ["HR"]);

/** Takes or assesses exams: the exam pages are for them. */
export const usesExams: RoleRule = (u) => isTrainee(u) || seesExamResults(u);

/** Works with training requests day to day: leads and the people who see all of them. */
export const handlesRequests: RoleRule = (u) => leadsTeams(u) || seesAllTraining(u);

/**
 * Reads the audit log (every entry, with who did it): administrators only. HR already sees each
 * request's own history on the request page; the log also holds role changes and password
 * resets, which are not HR's to read. Decision 032.
 */
export const readsAuditLog: RoleRule = (u) => holdsAny(u, ["ADMIN"]);

// --- Rules about one record ------------------------------------------------------------------

type Person = RoleHolder & { id: number };

/** A training session's roster page: its trainer and whoever sees all training. */
export function canViewSession(user: Person, session: { trainerId: number }): boolean {
  return seesAllTraining(user) || session.trainerId === user.id;
}

/** Records attendance and delivery: the session's own trainer, or an administrator. */
export function canRecordDelivery(user: Person, session: { trainerId: number }): boolean {
  return session.trainerId === user.id || isAdmin(user);
}

/** A session's calendar file: its trainer, its attendees and whoever sees all training. */
export function canAddSessionToCalendar(
  user: Person,
  session: { trainerId: number; attendees: readonly { userId: number }[] },
): boolean {
  return canViewSession(user, session) || session.attendees.some((a) => a.userId === user.id);
}

/**
 * A training request: whoever sees all training, its requester, trainer and attendees, and
 * the leads of its team (asked of the caller, who knows who leads which team).
 */
export async function canViewRequest(
  user: Person,
  request: {
    requesterId: number;
    trainerId: number | null;
    teamId: number | null;
    attendees: readonly { userId: number }[];
  },
  leadsTeam: (teamId: number) => Promise<boolean>,
): Promise<boolean> {
  if (seesAllTraining(user)) return true;
  if (request.requesterId === user.id || request.trainerId === user.id) return true;
  if (request.attendees.some((a) => a.userId === user.id)) return true;
  if (request.teamId && leadsTeams(user)) return leadsTeam(request.teamId);
  return false;
}

/** A person's exam history or one result: their own, or exam staff. */
export function canSeeExamsOf(user: Person, ownerId: number): boolean {
  return ownerId === user.id || seesExamResults(user);
}

/**
 * A person's certificates (a completed course, readiness for duty): their own, or the trainers
 * and HR who vouch for them. Administrators run the system and do not certify people.
 */
export function canSeeCertificatesOf(user: Person, ownerId: number): boolean {
  return ownerId === user.id || isTrainer(user) || isHr(user);
}

/** Opens team competency heatmaps at all (which team is asked of canSeeTeamCompetency). */
export const seesTeamCompetency: RoleRule = (u) => holdsAny(u, ["LEAD", "TRAINER", "HR"]);

/**
 * A team's competency heatmap: trainers and HR any team; a lead only a team they lead (asked of
 * the caller). Administrators run the system and do not assess people.
 */
export async function canSeeTeamCompetency(
  user: Person,
  teamId: number,
  leadsTeam: (teamId: number) => Promise<boolean>,
): Promise<boolean> {
  if (isTrainer(user) || isHr(user)) return true;
  return leadsTeams(user) && leadsTeam(teamId);
}

/** A person's competency profile: their own; trainers and HR anyone's; a lead their team's members'. */
export async function canSeeCompetencyOf(
  user: Person,
  person: { id: number; teamId: number | null },
  leadsTeam: (teamId: number) => Promise<boolean>,
): Promise<boolean> {
  if (person.id === user.id) return true;
  if (person.teamId === null) return isTrainer(user) || isHr(user);
  return canSeeTeamCompetency(user, person.teamId, leadsTeam);
}

/** An administrator may not take the ADMIN role from themself (someone must remain). */
export function keepsOwnAdmin(editorId: number, targetId: number, newRoles: readonly Role[]): boolean {
  return editorId !== targetId || newRoles.includes("ADMIN");
}
