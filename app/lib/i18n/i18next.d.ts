// Makes every `t("ns:key")` a checked key. The Chinese messages are the source of the types:
// English must have the same keys (see define.ts), so checking against one language is enough.
import "i18next";
import type { Resources } from "./resources";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    keySeparator: false;
    nsSeparator: ":";
    returnNull: false;
    resources: Resources;
  }
}
