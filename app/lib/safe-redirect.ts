// The one place that decides whether a redirect target taken from input stays on this site.
// Browsers strip tabs and newlines from URLs and read "\" as "/", so "/\t/evil" and "/\\evil"
// become "//evil" — another host. Resolving against a dummy origin and checking that the
// origin did not change catches every such spelling the URL parser itself understands.
const DUMMY_ORIGIN = "http://x.invalid";
const MAX_LENGTH = 2000;

export function safeRedirectPath(to: string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > MAX_LENGTH) return fallback;
  // Control characters (tab, CR, LF, NUL, …) and backslashes have no place in our own paths.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  if (!to.startsWith("/") || to.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(to, DUMMY_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== DUMMY_ORIGIN || !url.pathname.startsWith("/") || url.pathname.startsWith("//")) return fallback;
  // Decoded once by a later hop, "%2F%2Fevil" or "/%09/evil" could still turn into "//evil".
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return fallback;
  }
  // eslint-disable-next-line no-control-regex -- the same control-character check, after decoding
  if (decoded.startsWith("//") || /[\u0000-\u001f\u007f\\]/.test(decoded) || /^\/\s*\//.test(decoded)) return fallback;
  return url.pathname + url.search + url.hash;
}
