"use server";

import { actorFromSession } from "@/lib/auth/actor";
import { liveStamp, liveSubjectSchema, type LiveSubject } from "@/lib/live/live-stamp";

/** The stamp of what a page shows; null when the reader is signed out or may no longer see it. */
export async function liveStampAction(subject: LiveSubject): Promise<string | null> {
  const actor = await actorFromSession();
  const parsed = liveSubjectSchema.safeParse(subject);
  if (!actor || !parsed.success) return null;
  try {
    return await liveStamp({ actor, subject: parsed.data });
  } catch {
    return null;
  }
}
