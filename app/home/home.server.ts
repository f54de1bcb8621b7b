// What each role's home shows. Capabilities add their panels' data here.
import { assignmentsOf } from "~/assignments/assignments.server";
import { canRequestTraining, isTrainee, leadsTeams, primaryRole, type Role } from "~/auth/policy";
import type { SessionUser } from "~/auth/session.server";
import { recommendationsFor } from "~/competency/profile.server";
import { examsHomePanel } from "~/exams/overview.server";
import { planInfo } from "~/exams/readiness.server";
import { db } from "~/lib/db.server";
import { pendingSurveysFor } from "~/surveys/respond.server";
import { workflowHomePanel } from "~/workflow/home.server";
import { traineeFacts } from "./trainee-facts.server";

export async function loadHome(user: SessionUser) {
  const role: Role = primaryRole(user.roles);
  const team = leadsTeams(user)
    ? await db.team.findFirst({
        where: { leads: { some: { id: user.id } } },
        select: {
          name: true,
          members: { where: { active: true }, select: { id: true, name: true, grade: true }, orderBy: { name: "asc" } },
        },
      })
    : null;
  if (isTrainee(user)) {
    // A trainee's own rows in one statement (trainee-facts.server.ts); the rest reuses them.
    const { keys } = await planInfo();
    const facts = await traineeFacts(user.id, { withRequests: canRequestTraining(user), examKeys: keys });
    const [exams, workflow, assigned, competency] = await Promise.all([
      examsHomePanel(user, facts.tries),
      workflowHomePanel(user, facts.requests),
      facts.assigned ? assignmentsOf(user.id) : [],
      recommendationsFor(facts.person),
    ]);
    const week = { classes: facts.classes, completed: facts.completed };
    return {
      role,
      team,
      surveys: facts.surveys,
      learning: facts.learning,
      exams,
      workflow,
      week,
      assigned,
      competency,
    };
  }
  const surveys = await pendingSurveysFor(user.id);
  const exams = await examsHomePanel(user);
  const workflow = await workflowHomePanel(user);
  return { role, team, surveys, learning: null, exams, workflow, week: null, assigned: [], competency: null };
}
