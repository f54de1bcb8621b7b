// The reference pages: a bare list (baseline), the login page and a signed-in home page.
import type { Scenario } from "../lib/types";

const scenario: Scenario = {
  name: "foundation",
  async run(ctx) {
    const login = await ctx.load({ title: "login page", path: "/login" });
    const home = await ctx.load({
      title: "signed-in home (trainee)",
      path: "/",
      headers: { cookie: ctx.cookieFor("trainee@weike.test") },
    });
    return [
      ctx.row("foundation", ctx.baseline(), { name: "bare baseline page (50 items)" }),
      ctx.row("foundation", login),
      ctx.row("foundation", home, {
        target: "≥ 0.6 × bare page",
        pass: home.reqPerSec / ctx.baseline().reqPerSec >= 0.6 && home.errors + home.non2xx === 0,
      }),
    ];
  },
};

export default scenario;
