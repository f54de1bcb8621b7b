// Pure rules of trainer qualifications and certificates (no database): what a source is, when a
// certificate counts as valid, which initial qualifications a course file still adds.
import { isLocalDay } from "~/lib/clock";

/** Where a qualification came from: a passed trial lecture, HR's decision, or the course file. */
export const SOURCES = ["trial", "hr", "initial"] as const;
export type QualificationSource = (typeof SOURCES)[number];

export function isSource(value: string): value is QualificationSource {
  return (SOURCES as readonly string[]).includes(value);
}

/** Valid through its last day (inclusive), in the centre's calendar; no end date never expires. */
export function certificateState(cert: { validUntil: string | null }, today: string): "valid" | "expired" {
  return cert.validUntil !== null && cert.validUntil < today ? "expired" : "valid";
}

/**
 * The dates of a certificate: both real days, and the end (if any) strictly after the issue day.
 * Returns the field at fault and its message key, or null when fine.
 */
export function checkCertificateDates(
  issuedOn: string,
  validUntil: string | null,
): { field: "issuedOn" | "validUntil"; error: string } | null {
  if (!isLocalDay(issuedOn)) return { field: "issuedOn", error: "trainers:err.day" };
  if (validUntil === null) return null;
  if (!isLocalDay(validUntil)) return { field: "validUntil", error: "trainers:err.day" };
  if (validUntil <= issuedOn) return { field: "validUntil", error: "trainers:err.validUntil" };
  return null;
}

const pairKey = (trainerId: number, courseId: number) => `${trainerId}:${courseId}`;

/**
 * The initial qualifications a sync still has to create: for every course, each listed e-mail
 * that belongs to a known trainer who has no record for that course yet. Any record counts, a
 * withdrawn one too: the file only seeds, HR decides afterwards (decision 036).
 */
export function initialToCreate(
  courses: readonly { courseId: number; emails: readonly string[] }[],
  trainerByEmail: ReadonlyMap<string, number>,
  existing: readonly { trainerId: number; courseId: number }[],
): { trainerId: number; courseId: number }[] {
  const seen = new Set(existing.map((e) => pairKey(e.trainerId, e.courseId)));
  const out: { trainerId: number; courseId: number }[] = [];
  for (const c of courses) {
    for (const email of c.emails) {
      const trainerId = trainerByEmail.get(email.toLowerCase());
      if (trainerId === undefined || seen.has(pairKey(trainerId, c.courseId))) continue;
      seen.add(pairKey(trainerId, c.courseId));
      out.push({ trainerId, courseId: c.courseId });
    }
  }
  return out;
}

/** Trainers qualified for every one of the modules (a series is taught by one trainer). */
export function qualifiedForAll(
  moduleIds: readonly number[],
  active: readonly { trainerId: number; courseId: number }[],
): Set<number> {
  const byTrainer = new Map<number, Set<number>>();
  for (const q of active) {
    const set = byTrainer.get(q.trainerId) ?? new Set<number>();
    set.add(q.courseId);
    byTrainer.set(q.trainerId, set);
  }
  const out = new Set<number>();
  if (moduleIds.length === 0) return out;
  for (const [trainerId, courses] of byTrainer) if (moduleIds.every((id) => courses.has(id))) out.add(trainerId);
  return out;
}

/** The e-mails of a course's `trainers` front-matter list as stored (JSON); anything else is none. */
export function listedEmails(json: string): string[] {
  try {
    const list: unknown = JSON.parse(json);
    return Array.isArray(list)
      ? list.filter((x): x is string => typeof x === "string").map((x) => x.trim().toLowerCase())
      : [];
  } catch {
    return [];
  }
}
