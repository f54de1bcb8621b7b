// One-shot messages shown as a toast after a redirect ("Saved", "Signed out").
import { redirect } from "@remix-run/node";
import { readCookie } from "~/auth/cookie";

const FLASH_COOKIE = "weike_flash";

export interface Toast {
  /** An i18n key, "ns:key". */
  key: string;
  params?: Record<string, string | number>;
  kind?: "success" | "info" | "error";
}

export function flashCookie(toast: Toast): string {
  return `${FLASH_COOKIE}=${encodeURIComponent(JSON.stringify(toast))}; Path=/; HttpOnly; SameSite=Lax; Max-Age=60`;
}

export function redirectWithToast(url: string, toast: Toast, init: ResponseInit = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", flashCookie(toast));
  return redirect(url, { ...init, headers });
}

export function readFlash(request: Request): { toast: Toast | null; clear: string | null } {
  const raw = readCookie(request, FLASH_COOKIE);
  if (!raw) return { toast: null, clear: null };
  const clear = `${FLASH_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
  try {
    const parsed = JSON.parse(raw) as Toast;
    // Only a namespaced key of our own shape is shown; anything else is dropped.
    if (typeof parsed.key !== "string" || !/^[a-z]+:[\w.-]+$/.test(parsed.key)) return { toast: null, clear };
    return { toast: { key: parsed.key, params: parsed.params, kind: parsed.kind ?? "success" }, clear };
  } catch {
    return { toast: null, clear };
  }
}
