// Walks every route module and proves each non-public loader and action turns away anonymous
// visitors (redirect to /login) and signed-in users without the required role (403).
import { describe, expect, it } from "vitest";
import { ROLES, type Access, type Role } from "~/auth/roles";
import { createTestUser, makeRequest, settle } from "../fixtures/users";

type RouteModule = {
  handle?: { access?: Access };
  loader?: (args: unknown) => Promise<unknown>;
  action?: (args: unknown) => Promise<unknown>;
};

const modules = import.meta.glob<RouteModule>("/app/routes/*.{ts,tsx}", { eager: true });
const params = { id: "1", slug: "x", "*": "x", token: "x", sessionId: "1" };

function statusOf(value: unknown): number | null {
  return value instanceof Response ? value.status : null;
}

describe("route access", () => {
  it("finds the route modules", () => {
    expect(Object.keys(modules).length).toBeGreaterThan(5);
  });

  for (const [file, mod] of Object.entries(modules)) {
    const access = mod.handle?.access;
    it(`${file} declares handle.access`, () => {
      expect(access, `${file} must export handle = { access: "public" | "user" | [roles] }`).toBeDefined();
    });
    if (!access || access === "public") continue;

    for (const kind of ["loader", "action"] as const) {
      const fn = mod[kind];
      if (!fn) continue;
      it(`${file} ${kind} redirects anonymous visitors to /login`, async () => {
        const request = await makeRequest("/some/where?x=1", kind === "action" ? { form: { intent: "x" } } : {});
        const { thrown, value } = await settle(() => fn({ request, params, context: {} }));
        expect(thrown).toBe(true);
        expect(statusOf(value)).toBe(302);
        expect((value as Response).headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
      });
      if (Array.isArray(access)) {
        const others = ROLES.filter((r) => !(access as readonly Role[]).includes(r));
        if (others.length === 0) continue;
        it(`${file} ${kind} answers 403 to roles ${others.join(",")}`, async () => {
          const user = await createTestUser({ roles: others });
          const request = await makeRequest(
            "/some/where",
            kind === "action" ? { userId: user.id, form: { intent: "x" } } : { userId: user.id },
          );
          const { thrown, value } = await settle(() => fn({ request, params, context: {} }));
          expect(thrown).toBe(true);
          expect(statusOf(value)).toBe(403);
        });
      }
    }
  }
});
