import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleDataRequestFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { setTimeZone } from "~/lib/clock";
import { timeZone } from "~/lib/env.server";
import { HtmlOnceContext } from "~/lib/html-once";
import { keptHtml } from "~/lib/html-once.server";
import { serverI18n } from "~/lib/i18n/instance";
import { detectLocale } from "~/lib/i18n/locale";
import { NonceContext } from "~/lib/nonce";
import { applySecurityHeaders, hasSessionCookie } from "~/lib/security-headers";
import { addServerTiming } from "~/lib/server-timing.server";

// Every day, month and week the server works out is in the configured zone.
setTimeZone(timeZone());

const ABORT_DELAY = 5_000;

function headerContext(request: Request, nonce?: string) {
  return {
    signedIn: hasSessionCookie(request.headers.get("Cookie")),
    secure: new URL(request.url).protocol === "https:",
    nonce,
    dev: process.env.NODE_ENV === "development",
  };
}

/** Loader and action data of client navigations: the same headers, without a CSP. */
export const handleDataRequest: HandleDataRequestFunction = (response, { request, context }) => {
  try {
    applySecurityHeaders(response.headers, headerContext(request));
    addServerTiming(response.headers, context);
    return response;
  } catch {
    // A response with immutable headers: copy it.
    const copy = new Response(response.body, response);
    applySecurityHeaders(copy.headers, headerContext(request));
    addServerTiming(copy.headers, context);
    return copy;
  }
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const renderStartedAt = performance.now();
  const i18n = serverI18n(detectLocale(request));
  const callback = isbot(request.headers.get("user-agent") || "") ? "onAllReady" : "onShellReady";
  const nonce = randomBytes(16).toString("base64");
  applySecurityHeaders(responseHeaders, headerContext(request, nonce));

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <HtmlOnceContext.Provider value={keptHtml(loadContext)}>
            <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
          </HtmlOnceContext.Provider>
        </I18nextProvider>
      </NonceContext.Provider>,
      {
        // React's own inline scripts (streamed Suspense boundaries) need the nonce too.
        nonce,
        [callback]() {
          shellRendered = true;
          addServerTiming(responseHeaders, loadContext, { startedAt: renderStartedAt, endedAt: performance.now() });
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
