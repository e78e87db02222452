import type { Metadata } from "next";
export { default } from "@/modules/dashboard/impact/impact-page";

export const metadata: Metadata = { title: "Impact analytics" };
