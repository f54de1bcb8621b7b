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

/** Moves or cancels a scheduled class: HR, who plans rooms and trainers (decision 040). */
export const reschedulesSessions: RoleRule = (u) => holdsAny(u, ["HR"]);

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

/** Grants and withdraws trainer qualifications and records trainer certificates (audited). */
export const managesTrainers: RoleRule = (u) => holdsAny(u, ["HR"]);

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

/** Runs course development projects: starts them, sets their team and moves their stage. */
export const runsCourseProjects: RoleRule = (u) => holdsAny(u, ["HR"]);

/** May work on course projects at all: HR, and trainers (who see the projects they sit on). */
/** Who may sit on a course project team (trainees have no project pages). */
export const COURSE_PROJECT_ROLES = ["HR", "TRAINER"] as const satisfies readonly Role[];
export const worksOnCourseProjects: RoleRule = (u) => holdsAny(u, COURSE_PROJECT_ROLES);
/** Enters accepted course versions into the library and fast-tracks minor corrections: HR. Decision 035. */
export const publishesCourses: RoleRule = (u) => holdsAny(u, ["HR"]);
/** Reads the library's state (live and newest versions, acceptances): HR, and ADMIN read-only. */
export const readsLibrary: RoleRule = (u) => holdsAny(u, ["HR", "ADMIN"]);
/** Runs the yearly needs survey: opens and closes rounds (audited). Decision 033. */
export const runsNeedsSurvey: RoleRule = (u) => holdsAny(u, ["HR"]);

/** Can be invited to a needs survey: the people who take training (trainees and team leads). */
export const takesNeedsSurvey: RoleRule = (u) => holdsAny(u, ["TRAINEE", "LEAD"]);

/**
 * Reads a needs survey's results: HR, and trainers, who develop the courses the top needs call
 * for. Trainees take the survey only. Decision 033.
 */
export const readsNeedsResults: RoleRule = (u) => holdsAny(u, ["HR", "TRAINER"]);

/** Has the needs survey in the menu: whoever runs it, reads it or can be invited to it. */
export const needsSurveyAudience: RoleRule = (u) => runsNeedsSurvey(u) || readsNeedsResults(u) || takesNeedsSurvey(u);

/** May propose needs for a team at all (a lead only for a team they lead: see below). */
export const proposesNeeds: RoleRule = (u) => holdsAny(u, ["LEAD", "TRAINER", "HR"]);
/** Imports the shift roster and edits shift codes and class-slot rules: HR. Decision 039. */
export const editsRoster: RoleRule = (u) => holdsAny(u, ["HR"]);

/**
 * Reads team week rosters: HR and administrators (every team), trainers (every team: they teach
 * in the teams' slots), leads (the teams they lead, asked per team).
 */
export const readsRoster: RoleRule = (u) => holdsAny(u, ["HR", "ADMIN", "TRAINER", "LEAD"]);

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

/**
 * A trainer's qualifications, classes, satisfaction and certificates: HR and administrators
 * read every trainer's; a trainer only their own (colleagues' satisfaction is not theirs to
 * compare). Decision 036.
 */
export function canSeeTrainer(user: Person, trainerId: number): boolean {
  return seesAllTraining(user) || (isTrainer(user) && user.id === trainerId);
}

/**
 * Assigns courses with a due day and reads coverage: HR for every team, a lead for the teams they
 * lead (the feature narrows a lead to them). Decision 038.
 */
export const assignsTraining: RoleRule = (u) => holdsAny(u, ["HR", "LEAD"]);

/** The on-duty readiness of the floor: exam staff for every team, a lead for their own team only. */
export const seesTeamReadiness: RoleRule = (u) => seesExamResults(u) || leadsTeams(u);

/** One team's week roster: whoever reads every team's, or a lead of that team. */
export function canViewTeamRoster(user: RoleHolder, leadsTeam: boolean): boolean {
  return seesAllTraining(user) || isTrainer(user) || (leadsTeams(user) && leadsTeam);
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

// --- Course development projects (decision 034) ----------------------------------------------

type ProjectPeople = { members: readonly { userId: number; role: string }[] };

/** A course project: HR sees every one, anyone else only the projects they are a member of. */
export function canViewProject(user: Person, project: ProjectPeople): boolean {
  return runsCourseProjects(user) || project.members.some((m) => m.userId === user.id);
}

/** Comments on a version: the project's members (the expert and development groups). */
export function canCommentOnProject(user: Person, project: ProjectPeople): boolean {
  return project.members.some((m) => m.userId === user.id);
}

/** Links a content file to the project: HR, or one of its authors. */
export function canLinkProjectCourse(user: Person, project: ProjectPeople): boolean {
  return runsCourseProjects(user) || project.members.some((m) => m.userId === user.id && m.role === "author");
}

/** Marks a comment done: its writer, or an author of the project. */
export function canCloseComment(user: Person, project: ProjectPeople, comment: { authorId: number }): boolean {
  return comment.authorId === user.id || project.members.some((m) => m.userId === user.id && m.role === "author");
}

/** Schedules a project's trial lecture: whoever runs the course projects (HR). */
export const schedulesTrialLectures: RoleRule = (u) => runsCourseProjects(u);

/** Scores a trial lecture: the project's expert group (its chair and experts), nobody else. */
export function canScoreTrial(user: Person, project: ProjectPeople): boolean {
  return project.members.some((m) => m.userId === user.id && (m.role === "chair" || m.role === "expert"));
}

/** Records the panel's decision on a trial lecture: the project's chair only. */
export function canDecideTrial(user: Person, project: ProjectPeople): boolean {
  return project.members.some((m) => m.userId === user.id && m.role === "chair");
}

/** Proposes needs for one team: trainers and HR for any team, a lead for a team they lead. */
export async function canProposeNeedsFor(
  user: Person,
  teamId: number,
  leadsTeam: (teamId: number) => Promise<boolean>,
): Promise<boolean> {
  if (isTrainer(user) || isHr(user)) return true;
  return leadsTeams(user) && leadsTeam(teamId);
}
