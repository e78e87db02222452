import type { Metadata } from "next";
export { default } from "@/modules/notifications/notifications-page";

export const metadata: Metadata = { title: "Notifications" };
