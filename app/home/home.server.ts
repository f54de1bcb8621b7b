// What each role's home shows. Capabilities add their panels' data here.
import { assignmentsOf } from "~/assignments/assignments.server";
import { isTrainee, leadsTeams, primaryRole, type Role } from "~/auth/policy";
import type { SessionUser } from "~/auth/session.server";
import { myLearning } from "~/catalogue/home.server";
import { homeRecommendations } from "~/competency/profile.server";
import { examsHomePanel } from "~/exams/overview.server";
import { db } from "~/lib/db.server";
import { myCompletedCourses, myUpcomingClasses } from "~/people/week.server";
import { pendingSurveysFor } from "~/surveys/respond.server";
import { workflowHomePanel } from "~/workflow/home.server";

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
  const surveys = await pendingSurveysFor(user.id);
  const learning = isTrainee(user) ? await myLearning(user.id) : null;
  const exams = await examsHomePanel(user);
  const workflow = await workflowHomePanel(user);
  const week = isTrainee(user)
    ? { classes: await myUpcomingClasses(user.id), completed: await myCompletedCourses(user.id) }
    : null;
  const assigned = isTrainee(user) ? await assignmentsOf(user.id) : [];
  const competency = isTrainee(user) ? await homeRecommendations(user.id) : null;
  return { role, team, surveys, learning, exams, workflow, week, assigned, competency };
}
