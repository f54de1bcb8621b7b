// Demo people and teams. Idempotent: an existing account is left exactly as it is.
import { hashPassword } from "../../app/auth/password.server";
import type { Role } from "../../app/auth/roles";
import type { Db } from "../../app/lib/db.server";

export const DEMO_PASSWORD = "weike-demo-2026";

interface DemoUser {
  email: string;
  name: string;
  employeeNo: string;
  team: string | null;
  roles: Role[];
  grade: "junior" | "intermediate" | "senior" | "expert";
  leads?: string;
}

export const TEAMS = ["热线一组 Hotline 1", "热线二组 Hotline 2", "在线客服组 Online"] as const;

export const DEMO_USERS: DemoUser[] = [
  {
    email: "admin@weike.test",
    name: "管理员 王敏",
    employeeNo: "A0001",
    team: null,
    roles: ["ADMIN"],
    grade: "expert",
  },
  { email: "hr@weike.test", name: "人力 陈静", employeeNo: "H0001", team: null, roles: ["HR"], grade: "senior" },
  {
    email: "trainer@weike.test",
    name: "讲师 李娜",
    employeeNo: "T0001",
    team: null,
    roles: ["TRAINER"],
    grade: "expert",
  },
  {
    email: "trainer2@weike.test",
    name: "讲师 周强",
    employeeNo: "T0002",
    team: null,
    roles: ["TRAINER"],
    grade: "senior",
  },
  {
    email: "lead@weike.test",
    name: "组长 张伟",
    employeeNo: "L0001",
    team: TEAMS[0],
    roles: ["LEAD", "TRAINEE"],
    grade: "senior",
    leads: TEAMS[0],
  },
  {
    email: "lead2@weike.test",
    name: "组长 赵磊",
    employeeNo: "L0002",
    team: TEAMS[1],
    roles: ["LEAD", "TRAINEE"],
    grade: "senior",
    leads: TEAMS[1],
  },
  {
    email: "trainee@weike.test",
    name: "学员 刘洋",
    employeeNo: "E1001",
    team: TEAMS[0],
    roles: ["TRAINEE"],
    grade: "junior",
  },
  {
    email: "trainee2@weike.test",
    name: "学员 黄丽",
    employeeNo: "E1002",
    team: TEAMS[0],
    roles: ["TRAINEE"],
    grade: "junior",
  },
  {
    email: "trainee3@weike.test",
    name: "学员 吴婷",
    employeeNo: "E1003",
    team: TEAMS[0],
    roles: ["TRAINEE"],
    grade: "intermediate",
  },
  {
    email: "trainee4@weike.test",
    name: "学员 孙浩",
    employeeNo: "E1004",
    team: TEAMS[0],
    roles: ["TRAINEE"],
    grade: "junior",
  },
  {
    email: "trainee5@weike.test",
    name: "学员 马超",
    employeeNo: "E1005",
    team: TEAMS[1],
    roles: ["TRAINEE"],
    grade: "junior",
  },
  {
    email: "trainee6@weike.test",
    name: "学员 朱琳",
    employeeNo: "E1006",
    team: TEAMS[1],
    roles: ["TRAINEE"],
    grade: "intermediate",
  },
  {
    email: "trainee7@weike.test",
    name: "学员 胡杰",
    employeeNo: "E1007",
    team: TEAMS[2],
    roles: ["TRAINEE"],
    grade: "junior",
  },
  {
    email: "trainee8@weike.test",
    name: "学员 郭敏",
    employeeNo: "E1008",
    team: TEAMS[2],
    roles: ["TRAINEE"],
    grade: "senior",
  },
];

export async function seedUsers(db: Db) {
  for (const name of TEAMS) {
    await db.team.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } });
  }
  const teams = new Map((await db.team.findMany({ select: { id: true, name: true } })).map((t) => [t.name, t.id]));
  let passwordHash: string | undefined;
  let created = 0;
  for (const u of DEMO_USERS) {
    if (await db.user.findUnique({ where: { email: u.email }, select: { id: true } })) continue;
    passwordHash ??= await hashPassword(DEMO_PASSWORD);
    await db.user.create({
      data: {
        email: u.email,
        name: u.name,
        employeeNo: u.employeeNo,
        grade: u.grade,
        passwordHash,
        teamId: u.team ? teams.get(u.team) : null,
        roles: { create: u.roles.map((role) => ({ role })) },
        ledTeams: u.leads ? { connect: { id: teams.get(u.leads)! } } : undefined,
      },
      select: { id: true },
    });
    created++;
  }
  return created;
}
