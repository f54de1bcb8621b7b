import { describe, expect, it } from "vitest";
import { HOST_COOKIE, PLAIN_COOKIE, readCookie, readSessionCookie } from "~/auth/cookie";

const req = (cookie: string | null, url = "http://x/") =>
  new Request(url, { headers: cookie === null ? {} : { Cookie: cookie } });

describe("reading the Cookie header", () => {
  it("finds a cookie among others, with odd spacing", () => {
    expect(readCookie(req("a=1;b=2; c = 3 "), "c")).toBe("3");
    expect(readCookie(req("a=1; b=two=2"), "b")).toBe("two=2");
    expect(readCookie(req("a=hello%20world"), "a")).toBe("hello world");
  });

  it("returns null for an absent, nameless or badly encoded cookie", () => {
    expect(readCookie(req(null), "a")).toBeNull();
    expect(readCookie(req(""), "a")).toBeNull();
    expect(readCookie(req("a"), "a")).toBeNull();
    expect(readCookie(req("=1; ;;"), "a")).toBeNull();
    expect(readCookie(req("ab=1"), "a")).toBeNull();
    expect(readCookie(req("a=%E0%A4%A"), "a")).toBeNull();
  });

  it("takes the first of two cookies with the same name", () => {
    expect(readCookie(req("a=first; a=second"), "a")).toBe("first");
  });

  it("reads the session cookie under the name that fits the scheme", () => {
    const both = `${PLAIN_COOKIE}=plain; ${HOST_COOKIE}=host`;
    expect(readSessionCookie(req(both))).toBe("plain");
    expect(readSessionCookie(req(both, "https://x/"))).toBe("host");
  });
});
