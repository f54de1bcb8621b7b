// Trainer certificates (e.g. 金讲台): recorded by HR with their dates, audited.
import { writeAudit } from "~/admin/audit.server";
import { managesTrainers } from "~/auth/policy";
import { db } from "~/lib/db.server";
import { forbidden, invalid } from "~/lib/errors";
import { findTrainer, type Actor } from "./qualifications.server";
import { checkCertificateDates } from "./rules";
import type { CertificateForm } from "./schemas";

export async function recordCertificate(actor: Actor, trainerId: number, form: CertificateForm) {
  if (!managesTrainers(actor)) throw forbidden();
  const validUntil = form.validUntil === "" ? null : form.validUntil;
  const problem = checkCertificateDates(form.issuedOn, validUntil);
  if (problem) throw invalid(problem.error, { field: problem.field });
  return db.$transaction(async (tx) => {
    await findTrainer(tx, trainerId);
    const cert = await tx.trainerCertificate.create({
      data: { trainerId, name: form.name, issuedOn: form.issuedOn, validUntil, note: form.note, createdById: actor.id },
      select: { id: true },
    });
    await writeAudit(tx, actor.id, "trainer.certificate", trainerId, { name: form.name }, { id: trainerId });
    return cert;
  });
}
