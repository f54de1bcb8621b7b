import { db } from "~/lib/db.server";
import { hashPassword, verifyPassword } from "./password.server";

/** Changes a user's own password; every other session of theirs is revoked. */
export async function changeOwnPassword(
  userId: number,
  keepSessionId: string,
  current: string,
  next: string,
): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, current))) return false;
  const passwordHash = await hashPassword(next);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { id: true } });
    await tx.session.deleteMany({ where: { userId, id: { not: keepSessionId } } });
  });
  return true;
}
