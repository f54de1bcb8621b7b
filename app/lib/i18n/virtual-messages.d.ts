// The per-language message chunks made by scripts/vite-locale-messages.ts.
declare module "virtual:weike-messages/*" {
  const bundle: Record<string, Record<string, string>>;
  export default bundle;
}
