// The admin user list reads in employee-number order: names mix Chinese and Latin script, and
// sorting them by character code put 黄 before 王 and every Latin name before any Chinese one.
import { describe, expect, it } from "vitest";
import { listUsers } from "~/admin/users.server";
import { db } from "~/lib/db.server";
import { createTestUser } from "../../fixtures/users";

describe("admin user list", () => {
  it("is sorted by employee number, whatever the names", async () => {
    const tag = Math.random().toString(36).slice(2, 7);
    const made = [
      { name: `王 ${tag}`, employeeNo: `Q${tag}-001` },
      { name: `Zed ${tag}`, employeeNo: `Q${tag}-002` },
      { name: `黄 ${tag}`, employeeNo: `Q${tag}-003` },
      { name: `Ann ${tag}`, employeeNo: `Q${tag}-004` },
    ];
    for (const m of [...made].reverse()) {
      const u = await createTestUser({ name: m.name });
      await db.user.update({ where: { id: u.id }, data: { employeeNo: m.employeeNo } });
    }
    const { users } = await listUsers({ q: `Q${tag}`, page: 1 });
    expect(users.map((u) => u.employeeNo)).toEqual(made.map((m) => m.employeeNo));
  });
});
