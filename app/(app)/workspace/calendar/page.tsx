import type { Metadata } from "next";
export { default } from "@/modules/workspace/calendar-page";

export const metadata: Metadata = { title: "Calendar" };
