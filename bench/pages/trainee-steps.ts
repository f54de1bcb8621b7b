// The trainee pages' loaders (and HR's queue) for loader-timing.ts, called as Remix calls them: a
// signed-in Request, the route's loader, its answer. `bytes` is the loader data as JSON; the
// lesson is timed as a page (its HTML kept for the markup, decision 055) and as a client
// navigation's data.
import { register } from "node:module";
import { LONG_LESSON } from "../catalogue/generate";
import { insertSessionRow } from "../lib/session-row";

type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;

// The route modules import their stylesheets (`?url`): outside Vite they are empty modules.
register(
  "data:text/javascript," +
    encodeURIComponent(
      'export async function load(url, context, next) { return /\\.css(\\?|$)/.test(url) ? { format: "module", source: "export default \\"\\";", shortCircuit: true } : next(url, context); }',
    ),
);

export async function traineeSteps(dbFile: string): Promise<Record<string, () => Promise<unknown>>> {
  const trainee = `weike_session=${insertSessionRow(dbFile, "trainee@weike.test")}`;
  const hr = `weike_session=${insertSessionRow(dbFile, "hr@weike.test")}`;
  const route = async (name: string) => (await import(`../../app/routes/${name}.tsx`)).loader as Loader;
  const [catalogue, lesson, home, queue] = await Promise.all([
    route("courses._index"),
    route("courses.$slug"),
    route("_index"),
    route("requests._index"),
  ]);
  const call = (loader: Loader, url: string, cookie: string, params: Record<string, string> = {}, context = {}) =>
    loader({ request: new Request(`http://localhost${url}`, { headers: { cookie } }), params, context });
  return {
    "catalogue page 3": () => call(catalogue, "/courses?page=3", trainee),
    "search 投诉": () => call(catalogue, `/courses?q=${encodeURIComponent("投诉")}`, trainee),
    "search 退款流程": () => call(catalogue, `/courses?q=${encodeURIComponent("退款流程")}`, trainee),
    "lesson 20,000 (page)": () =>
      call(lesson, `/courses/${LONG_LESSON}`, trainee, { slug: LONG_LESSON }, { documentRequest: true }),
    "lesson 20,000 (data)": () =>
      call(lesson, `/courses/${LONG_LESSON}`, trainee, { slug: LONG_LESSON }, { documentRequest: false }),
    "trainee home": () => call(home, "/", trainee),
    "HR queue": () => call(queue, "/requests", hr),
  };
}
