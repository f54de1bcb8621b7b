// Walks every route module: its file name gives its URL pattern, which must be the key it
// declares in handle.route; every key of the route table must have a module. Then each
// loader and action is run against the table: anonymous visitors are sent to /login and
// signed-in users the entry does not admit get 403.
import { describe, expect, it } from "vitest";
import { ROLES } from "~/auth/roles";
import { mayOpen, ROUTE_ACCESS, routeAccess, type RouteKey } from "~/auth/route-access";
import { createTestUser, makeRequest, settle } from "../fixtures/users";

type RouteModule = {
  handle?: { route?: string };
  loader?: (args: unknown) => Promise<unknown>;
  action?: (args: unknown) => Promise<unknown>;
};

const modules = import.meta.glob<RouteModule>("/app/routes/*.{ts,tsx}", { eager: true });
const params = { id: "1", slug: "x", "*": "x", token: "x", sessionId: "1", userId: "1", file: "1.ics" };

/** The URL pattern of a flat-route file name, as Remix builds the URL tree from it. */
function urlPatternOf(file: string): string {
  const base = file.replace(/^.*\//, "").replace(/\.(tsx?|jsx?)$/, "");
  const segments = base.match(/(?:\[[^\]]*\]|[^.[])+/g) ?? [];
  const out: string[] = [];
  for (let segment of segments) {
    if (segment === "_index" || segment.startsWith("_")) continue; // index or pathless layout
    if (segment.endsWith("_")) segment = segment.slice(0, -1); // opts out of the parent layout
    segment = segment.replace(/\[([^\]]*)\]/g, "$1"); // escaped characters
    out.push(segment === "$" ? "*" : segment.startsWith("$") ? `:${segment.slice(1)}` : segment);
  }
  return `/${out.join("/")}`;
}

function statusOf(value: unknown): number | null {
  return value instanceof Response ? value.status : null;
}

describe("URL patterns from file names", () => {
  it("follows the flat-route conventions", () => {
    expect(urlPatternOf("/app/routes/_index.tsx")).toBe("/");
    expect(urlPatternOf("/app/routes/$.tsx")).toBe("/*");
    expect(urlPatternOf("/app/routes/courses.$slug_.print.tsx")).toBe("/courses/:slug/print");
    expect(urlPatternOf("/app/routes/archive[.]csv.ts")).toBe("/archive.csv");
    expect(urlPatternOf("/app/routes/exams.readiness[.csv].ts")).toBe("/exams/readiness.csv");
    expect(urlPatternOf("/app/routes/admin._index.tsx")).toBe("/admin");
  });
});

describe("route access", () => {
  it("finds the route modules", () => {
    expect(Object.keys(modules).length).toBeGreaterThan(5);
  });

  it("has a route module for every entry of the table", () => {
    const declared = Object.keys(modules).map(urlPatternOf).sort();
    expect(declared).toEqual(Object.keys(ROUTE_ACCESS).sort());
  });

  for (const [file, mod] of Object.entries(modules)) {
    const route = mod.handle?.route;
    it(`${file} declares its own URL pattern as handle.route`, () => {
      expect(route, `${file} must export handle = { route: "${urlPatternOf(file)}" }`).toBe(urlPatternOf(file));
    });
    if (!route || !(route in ROUTE_ACCESS)) continue;
    const access = routeAccess(route as RouteKey);
    if (access === "public") continue;

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
      if (access === "signedIn") continue;
      const others = ROLES.filter((r) => !mayOpen({ roles: [r] }, route as RouteKey));
      if (others.length === 0) continue;
      it(`${file} ${kind} answers 403 to roles ${others.join(",")}`, async () => {
        // All the refused roles at once: a rule of "any of these roles" still refuses them.
        expect(access({ roles: others })).toBe(false);
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
});
