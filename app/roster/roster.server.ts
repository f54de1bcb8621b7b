// The roster as stored: shift codes, each person's shifts, each team's class-slot rule, and the
// team week view. Changes are audited.
import { writeAudit } from "~/admin/audit.server";
import { addLocalDays } from "~/lib/clock";
import { db } from "~/lib/db.server";
import { conflict, notFound } from "~/lib/errors";
import { deriveSlots, parseWeekdays, type CodeDef, type Shift, type SlotRule } from "./slots";

export async function loadCodes(): Promise<Map<string, CodeDef>> {
  const rows = await db.shiftCode.findMany({ orderBy: [{ rest: "asc" }, { startMin: "asc" }] });
  return new Map(rows.map((r) => [r.code, { code: r.code, startMin: r.startMin, endMin: r.endMin, rest: r.rest }]));
}

export async function listCodes(): Promise<CodeDef[]> {
  return [...(await loadCodes()).values()];
}

/** The shifts of these people from `from` to `to` (local days, both included). */
export async function shiftsOf(userIds: number[], from: string, to: string): Promise<Shift[]> {
  return db.rosterEntry.findMany({
    where: { userId: { in: userIds }, day: { gte: from, lte: to } },
    select: { userId: true, day: true, code: true, startMin: true, endMin: true, rest: true },
    orderBy: [{ day: "asc" }, { startMin: "asc" }],
  });
}

/**
 * A team's rule as the slot functions read it. Without a stored rule: every weekday, the morning
 * class in the first hour of the earliest working shift, before- and after-shift classes allowed.
 */
export function ruleOf(
  row: { weekdays: string; morningCode: string; beforeShift: boolean; afterShift: boolean } | undefined | null,
  codes: ReadonlyMap<string, CodeDef>,
): SlotRule {
  if (row)
    return {
      weekdays: parseWeekdays(row.weekdays),
      morningCode: row.morningCode,
      beforeShift: row.beforeShift,
      afterShift: row.afterShift,
    };
  const earliest = [...codes.values()].filter((c) => !c.rest).sort((a, b) => a.startMin - b.startMin)[0];
  return { weekdays: [1, 2, 3, 4, 5, 6, 7], morningCode: earliest?.code ?? "", beforeShift: true, afterShift: true };
}

export async function getRule(teamId: number) {
  return db.classSlotRule.findUnique({ where: { teamId } });
}

export async function saveRule(actorId: number, teamId: number, rule: SlotRule) {
  await db.$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { id: teamId }, select: { id: true } });
    if (!team) throw notFound();
    const data = {
      weekdays: rule.weekdays.join(","),
      morningCode: rule.morningCode,
      beforeShift: rule.beforeShift,
      afterShift: rule.afterShift,
    };
    if (rule.morningCode && !(await tx.shiftCode.findUnique({ where: { code: rule.morningCode } })))
      throw conflict("roster:rule.unknownCode");
    await tx.classSlotRule.upsert({ where: { teamId }, create: { teamId, ...data }, update: data });
    await writeAudit(tx, actorId, "roster.rule", null, data, { kind: "team", id: teamId });
  });
}

/** Adds or changes one shift code (existing roster entries keep the hours they were imported with). */
export async function saveCode(actorId: number, code: CodeDef) {
  await db.$transaction(async (tx) => {
    const data = { startMin: code.startMin, endMin: code.endMin, rest: code.rest };
    await tx.shiftCode.upsert({ where: { code: code.code }, create: { code: code.code, ...data }, update: data });
    await writeAudit(tx, actorId, "roster.codes", null, { name: code.code, ...data }, { kind: "roster", id: null });
  });
}

export function listTeams(ids: number[] | "all") {
  return db.team.findMany({
    where: ids === "all" ? {} : { id: { in: ids } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** The teams a person leads. */
export async function ledTeamIds(userId: number): Promise<number[]> {
  const teams = await db.team.findMany({ where: { leads: { some: { id: userId } } }, select: { id: true } });
  return teams.map((t) => t.id);
}

/** Members × the seven days from Monday `monday`, with the week's class slots by the team's rule. */
export async function teamWeek(teamId: number, monday: string) {
  const team = await db.team.findUnique({
    where: { id: teamId },
    select: {
      id: true,
      name: true,
      members: {
        where: { active: true },
        orderBy: { name: "asc" },
        select: { id: true, name: true, employeeNo: true },
      },
    },
  });
  if (!team) throw notFound();
  const days = Array.from({ length: 7 }, (_, i) => addLocalDays(monday, i));
  const sunday = days[6]!;
  const [shifts, codes, rule] = await Promise.all([
    shiftsOf(
      team.members.map((m) => m.id),
      monday,
      sunday,
    ),
    loadCodes(),
    getRule(teamId),
  ]);
  const cells = new Map<string, Shift[]>();
  for (const s of shifts) {
    const key = `${s.userId}:${s.day}`;
    cells.set(key, [...(cells.get(key) ?? []), s]);
  }
  return {
    team: { id: team.id, name: team.name },
    days,
    rows: team.members.map((m) => ({
      ...m,
      days: days.map((d) => cells.get(`${m.id}:${d}`) ?? []),
    })),
    slots: deriveSlots(ruleOf(rule, codes), shifts, codes, monday, sunday),
    rule,
    codes: [...codes.values()],
  };
}
