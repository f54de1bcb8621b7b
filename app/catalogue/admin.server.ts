// Content health for administrators, and any trainee's progress for trainers and HR.
import { examContent } from "~/exams/content.server";
import { db } from "~/lib/db.server";

export async function contentStatus() {
  const [problems, byStatus] = await Promise.all([
    db.contentProblem.findMany({
      select: { id: true, path: true, line: true, message: true, createdAt: true },
      orderBy: [{ path: "asc" }, { line: "asc" }],
    }),
    db.course.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(byStatus.map((r) => [r.status, r._count._all])) as Record<string, number>;
  // Exam content (passages, scripts, scenario cards, banks, FAQ) is checked when it is loaded, not
  // stored: its problems, phrasing-policy breaches included, are listed with the lessons'.
  const exam = (await examContent()).problems.map((p, i) => ({ id: -1 - i, ...p, createdAt: null }));
  return { problems: [...problems, ...exam], counts, courses: Object.values(counts).reduce((a, b) => a + b, 0) };
}

export async function traineeOptions() {
  return db.user.findMany({
    where: { active: true, roles: { some: { role: "TRAINEE" } } },
    select: { id: true, name: true, employeeNo: true },
    orderBy: { name: "asc" },
    take: 500,
  });
}

export async function traineeProgress(userId: number) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, employeeNo: true, grade: true },
  });
  if (!user) return null;
  const rows = await db.courseProgress.findMany({
    where: { userId },
    select: {
      id: true,
      percent: true,
      sectionsReached: true,
      sectionsTotal: true,
      secondsSpent: true,
      quizBestScore: true,
      quizPassed: true,
      completedAt: true,
      attendedAt: true,
      updatedAt: true,
      course: { select: { slug: true, titleZh: true, titleEn: true, durationMinutes: true } },
      courseVersion: { select: { version: true } },
      _count: { select: { attempts: true } },
    },
    orderBy: { updatedAt: "desc" },
  });
  return {
    user,
    rows: rows.map((r) => ({
      id: r.id,
      course: r.course,
      version: r.courseVersion.version,
      reached: (JSON.parse(r.sectionsReached) as string[]).length,
      total: r.sectionsTotal,
      minutes: Math.floor(r.secondsSpent / 60),
      quizBestScore: r.quizBestScore,
      quizPassed: r.quizPassed,
      attempts: r._count.attempts,
      completedAt: r.completedAt?.toISOString() ?? null,
      attendedAt: r.attendedAt?.toISOString() ?? null,
    })),
  };
}
