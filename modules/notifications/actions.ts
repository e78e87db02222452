"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { actorFromSession } from "@/lib/auth/actor";
import { markAllNotificationsRead, openNotification } from "@/lib/notifications/notifications";

/** Opens a notification: marks it read and goes to the page it is about. */
export async function openNotificationAction(formData: FormData): Promise<void> {
  const actor = await actorFromSession();
  if (!actor) redirect("/login");
  const { link } = await openNotification({ actor, notificationId: String(formData.get("id") ?? "") });
  revalidatePath("/", "layout");
  redirect(link);
}

export async function markAllReadAction(): Promise<void> {
  const actor = await actorFromSession();
  if (!actor) redirect("/login");
  await markAllNotificationsRead({ actor });
  revalidatePath("/", "layout");
}
