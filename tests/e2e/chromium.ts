import { existsSync } from "node:fs";

// Debian's Chromium when the machine has it (Playwright cannot download its own browser here),
// started without the background services that a closed network refuses.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

export const chromiumLaunchOptions = {
  executablePath: systemChromium,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};
