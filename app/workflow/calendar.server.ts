// A session's .ics file, for its trainer, its attendees, and HR.
import { canAddSessionToCalendar } from "~/auth/policy";
import type { SessionUser } from "~/auth/session.server";
import { db } from "~/lib/db.server";
import { serverT } from "~/lib/i18n/instance";
import type { Locale } from "~/lib/i18n/locale";
import { localTitle } from "~/lib/i18n/localized";
import { buildIcs } from "./ics";

export async function sessionIcs(
  user: Pick<SessionUser, "id" | "roles">,
  sessionId: number,
  locale: Locale,
  origin: string,
  now = new Date(),
) {
  const s = await db.trainingSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      room: true,
      onlineLink: true,
      status: true,
      sequence: true,
      trainerId: true,
      requestId: true,
      seriesId: true,
      trainer: { select: { name: true } },
      course: { select: { titleZh: true, titleEn: true } },
      attendees: { select: { userId: true } },
    },
  });
  if (!s) return null;
  const allowed = canAddSessionToCalendar(user, s);
  // The person who asked for the training may put it in their calendar too.
  const requester =
    !allowed && s.requestId ? await db.trainingRequest.count({ where: { id: s.requestId, requesterId: user.id } }) : 0;
  if (!allowed && !requester) return null;
  const series =
    !s.course && s.seriesId
      ? await db.series.findUnique({ where: { id: s.seriesId }, select: { titleZh: true, titleEn: true } })
      : null;
  const titled = s.course ?? series;
  const t = serverT(locale, "workflow");
  return buildIcs({
    uid: `session-${s.id}@weike`,
    start: s.startsAt,
    end: s.endsAt,
    // The file is made now; the UID and SEQUENCE tie it to the event calendars already hold.
    stamp: now,
    sequence: s.sequence,
    summary: titled ? localTitle(locale, titled) : "Weike",
    location: [s.room, s.onlineLink].filter(Boolean).join(" "),
    description: t("ics.description", { trainer: s.trainer.name, count: s.attendees.length }),
    url: s.requestId ? `${origin}/requests/${s.requestId}` : undefined,
    cancelled: s.status === "cancelled",
  });
}
