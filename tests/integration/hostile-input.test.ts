// Every odd input is the visitor's mistake, never the server's: walks every route module and
// calls each loader and action as a user holding every role, with hostile values for every URL
// parameter, query string and form field (impossible dates, ids past the Int column, negative and
// non-numeric ids, very long strings, control characters, unknown enum values, repeated fields,
// JSON and missing content types). A thrown non-Response error or a status of 500 or more fails.
// Decision record 019.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ROLES } from "~/auth/roles";
import { syncAndEnter } from "../fixtures/library";
import { createTestTeam, createTestUser, sessionCookieFor } from "../fixtures/users";

type Fn = (args: unknown) => Promise<unknown>;
type RouteModule = { loader?: Fn; action?: Fn };

const modules = import.meta.glob<RouteModule>("/app/routes/*.{ts,tsx}", { eager: true });
const sources = import.meta.glob<string>("/app/**/*.{ts,tsx}", { eager: true, query: "?raw", import: "default" });

const HOSTILE = [
  "99999999999999999999",
  "-1",
  "0",
  "1.5",
  "1e3",
  "abc",
  "2026-02-30",
  "2026-13-01",
  "2026-02-30T25:61",
  "x".repeat(5000),
  "a\r\nSet-Cookie: x=1",
  "\u0000",
  "%00",
  "/\\evil.example",
  "",
];

// The names a query string or form may carry: every field the pages render and every key the
// routes read, so a new field is covered without editing this list.
function namesIn(pattern: RegExp): string[] {
  const out = new Set<string>();
  for (const text of Object.values(sources)) for (const m of text.matchAll(pattern)) if (m[1]) out.add(m[1]);
  return [...out];
}
const FIELD_NAMES = [
  ...new Set([
    ...namesIn(/\bname="([A-Za-z_][\w.-]{0,40})"/g),
    ...namesIn(/searchParams\.get(?:All)?\("([\w.-]+)"\)/g),
    ...namesIn(/form(?:Data)?\.get(?:All)?\("([\w.-]+)"\)/g),
    "week",
    "from",
    "to",
    "team",
    "trainer",
    "roomId",
    "day",
    "month",
    "page",
    "state",
    "redirectTo",
  ]),
];

/** The intents an action may switch on, read from its own source. */
function intentsOf(file: string): string[] {
  const text = sources[file] ?? "";
  const out = new Set<string>(["", "zzz-unknown"]);
  const patterns = [
    /intent(?:\s*===\s*|=)"([\w-]+)"/g,
    /intent:\s*z\.literal\("([\w-]+)"\)/g,
    /name="intent"\s+value="([\w-]+)"/g,
    /case "([\w-]+)":/g,
    /z\.enum\(\[([^\]]+)\]\)/g,
  ];
  for (const p of patterns)
    for (const m of text.matchAll(p)) for (const v of (m[1] ?? "").matchAll(/"?([\w-]+)"?/g)) if (v[1]) out.add(v[1]);
  return [...out].slice(0, 12);
}

let cookie = "";
let userId = 0;
const slug = "complaint-four-steps";

beforeAll(async () => {
  await syncAndEnter(process.env.CONTENT_DIR!);
  const team = await createTestTeam();
  // Others first, so the id "1" an action is given is never the signed-in user's own.
  await createTestUser({ teamId: team.id });
  await createTestUser({ roles: ["TRAINER"], teamId: team.id });
  userId = (await createTestUser({ roles: [...ROLES], teamId: team.id })).id;
}, 60_000);

// A fresh session per route: signing out (or any action that ends the session) must not turn
// the rest of the walk into redirects to the login page.
beforeEach(async () => {
  cookie = await sessionCookieFor(userId);
});

function paramsWith(value: string): Record<string, string> {
  return { id: value, slug: value, "*": value, token: value, sessionId: value, userId: value, file: value };
}

function query(value: string, repeat = false): string {
  const q = new URLSearchParams();
  for (const name of FIELD_NAMES) {
    q.append(name, value);
    if (repeat) q.append(name, value);
  }
  return q.toString();
}

function request(path: string, init: { method?: string; body?: string; type?: string | null } = {}): Request {
  const headers = new Headers({ Cookie: cookie, Origin: "http://localhost" });
  const type = init.type === undefined ? "application/x-www-form-urlencoded" : init.type;
  if (init.body !== undefined && type) headers.set("Content-Type", type);
  return new Request(`http://localhost${path}`, { method: init.method ?? "GET", headers, body: init.body });
}

/** Null when the answer is a 4xx/3xx/2xx; otherwise what went wrong. */
async function failureOf(fn: Fn, args: { request: Request; params: Record<string, string> }): Promise<string | null> {
  try {
    const value = await fn({ ...args, context: {} });
    if (value instanceof Response && value.status >= 500) return `returned ${value.status}`;
    const init = (value as { init?: { status?: number } } | null)?.init;
    if (init?.status && init.status >= 500) return `returned data with ${init.status}`;
    return null;
  } catch (e) {
    if (e instanceof Response) return e.status >= 500 ? `threw ${e.status}` : null;
    const init = (e as { init?: { status?: number } } | null)?.init;
    if (init?.status !== undefined) return init.status >= 500 ? `threw data with ${init.status}` : null;
    return `threw ${e instanceof Error ? `${e.name}: ${e.message.slice(0, 200)}` : String(e)}`;
  }
}

function describeCase(path: string, params: Record<string, string>, extra = ""): string {
  return `${path.slice(0, 160)} params.id=${JSON.stringify(params.id?.slice(0, 30))} ${extra}`.trim();
}

describe("hostile input never answers 5xx", () => {
  it("finds the route modules and their fields", () => {
    expect(Object.keys(modules).length).toBeGreaterThan(5);
    expect(FIELD_NAMES).toContain("redirectTo");
  });

  for (const [file, mod] of Object.entries(modules)) {
    const loader = mod.loader;
    if (loader) {
      it(`${file} loader`, async () => {
        const failures: string[] = [];
        for (const value of [...HOSTILE, "1", slug]) {
          const params = paramsWith(value);
          for (const qs of [query(value), query(value, true), ""]) {
            const path = `/x?${qs}`;
            const why = await failureOf(loader, { request: request(path), params });
            if (why) failures.push(`${describeCase(path, params)}: ${why}`);
          }
        }
        expect(failures.slice(0, 10)).toEqual([]);
      }, 120_000);
    }
    const action = mod.action;
    if (action) {
      it(`${file} action`, async () => {
        const failures: string[] = [];
        const intents = intentsOf(file);
        for (const param of ["1", slug, ...HOSTILE]) {
          const params = paramsWith(param);
          const bodies: { body?: string; type?: string | null; label: string }[] = [
            { body: JSON.stringify({ intent: intents[2] ?? "x", id: 1 }), type: "application/json", label: "json" },
            { body: "intent=x&id=1", type: null, label: "no content type" },
            { body: "intent=x", type: "text/plain", label: "text/plain" },
            { label: "no body", type: null },
          ];
          const values = param === "1" || param === slug ? HOSTILE : [param];
          for (const intent of intents)
            for (const value of values) {
              const form = new URLSearchParams(query(value, value.length < 100));
              form.delete("intent");
              form.set("intent", intent);
              bodies.push({
                body: form.toString(),
                label: `intent=${intent} value=${JSON.stringify(value.slice(0, 30))}`,
              });
            }
          for (const b of bodies) {
            const why = await failureOf(action, { request: request("/x", { method: "POST", ...b }), params });
            if (why) failures.push(`${describeCase("/x", params, b.label)}: ${why}`);
          }
        }
        expect(failures.slice(0, 10)).toEqual([]);
      }, 300_000);
    }
  }
});
