// Profiles, recommendations and team heatmaps: the model, the evidence and the person's grade.
import { inLibraryWhere } from "~/catalogue/in-library";
import { db } from "~/lib/db.server";
import { notFound } from "~/lib/errors";
import { evidenceFor } from "./evidence.server";
import { isGrade, type CompetencyModel } from "./model";
import { keptCompetencyModel as competencyModel } from "./model-cache.server";
import { buildProfile, recommend, teamNeeds, topGaps, type CourseOption, type Profile } from "./profile";

const gradeOf = (g: string) => (isGrade(g) ? g : "junior");

/** Whether the user leads the team (for the policy's lead rules). */
export async function leadsTeam(userId: number, teamId: number): Promise<boolean> {
  return (await db.team.count({ where: { id: teamId, leads: { some: { id: userId } } } })) > 0;
}

export async function personForProfile(id: number) {
  return db.user.findFirst({
    where: { id, active: true },
    select: { id: true, name: true, grade: true, teamId: true, team: { select: { id: true, name: true } } },
  });
}

/** Library courses tagged with any of the indicators that the person has not completed. */
export async function openCourses(userId: number, indicators: readonly string[]): Promise<CourseOption[]> {
  if (indicators.length === 0) return [];
  const rows = await db.course.findMany({
    where: {
      ...inLibraryWhere,
      OR: indicators.map((id) => ({ competencies: { contains: `"${id}"` } })),
      progress: { none: { userId, completedAt: { not: null } } },
    },
    select: { slug: true, titleZh: true, titleEn: true, competencies: true },
    orderBy: [{ seriesId: "asc" }, { position: "asc" }, { slug: "asc" }],
  });
  return rows.map((c) => ({ ...c, competencies: JSON.parse(c.competencies) as string[] }));
}

async function profileOf(model: CompetencyModel, person: { id: number; grade: string }): Promise<Profile> {
  const evidence = (await evidenceFor(model, [person.id])).get(person.id) ?? {};
  return buildProfile(model, gradeOf(person.grade), evidence);
}

const RECOMMENDED_GAPS = 3;

/** One person's profile page: the model's indicators, the profile and the recommended courses. */
export async function loadProfile(personId: number) {
  const person = await personForProfile(personId);
  if (!person) throw notFound();
  const model = await competencyModel();
  const profile = await profileOf(model, person);
  const courses = await openCourses(
    person.id,
    topGaps(profile, RECOMMENDED_GAPS).map((r) => r.id),
  );
  return {
    person: { ...person, grade: gradeOf(person.grade) },
    groups: model.groups,
    profile,
    recommendations: recommend(profile, courses, RECOMMENDED_GAPS),
  };
}

/** The home's panel: the trainee's largest gaps with courses for them (empty without gaps). */
export async function homeRecommendations(userId: number) {
  return recommendationsFor(await personForProfile(userId));
}

/** The same for a person already read (the trainee home reads them with its other rows). */
export async function recommendationsFor(person: { id: number; grade: string } | null) {
  if (!person) return [];
  const model = await competencyModel();
  const profile = await profileOf(model, person);
  const courses = await openCourses(
    person.id,
    topGaps(profile, RECOMMENDED_GAPS).map((r) => r.id),
  );
  return recommend(profile, courses, RECOMMENDED_GAPS);
}

/** A team's heatmap: each active member's level per indicator, and the team's two largest needs. */
export async function loadTeamHeatmap(teamId: number) {
  const team = await db.team.findUnique({
    where: { id: teamId },
    select: {
      id: true,
      name: true,
      members: { where: { active: true }, select: { id: true, name: true, grade: true }, orderBy: { name: "asc" } },
    },
  });
  if (!team) throw notFound();
  const model = await competencyModel();
  const evidence = await evidenceFor(
    model,
    team.members.map((m) => m.id),
  );
  const members = team.members.map((m) => {
    const profile = buildProfile(model, gradeOf(m.grade), evidence.get(m.id) ?? {});
    return { id: m.id, name: m.name, grade: gradeOf(m.grade), profile };
  });
  return {
    team: { id: team.id, name: team.name },
    indicators: model.indicators.map((i) => i.id),
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      grade: m.grade,
      total: m.profile.total,
      cells: m.profile.rows.map((r) => ({ id: r.id, level: r.level, target: r.target })),
    })),
    needs: teamNeeds(members.map((m) => m.profile)),
  };
}

/** The self-assessment form's content: definitions and examples in the model's order. */
export async function selfAssessmentForm() {
  const model = await competencyModel();
  return model.indicators.map((i) => ({ id: i.id, definition: i.definition, examples: i.examples }));
}
