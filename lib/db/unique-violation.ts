import { Prisma } from "../generated/prisma/client";

/** Whether a write failed on a unique constraint (Prisma's P2002): a concurrent twin got there first. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
