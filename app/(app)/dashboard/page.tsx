import type { Metadata } from "next";
export { default } from "@/modules/dashboard/dashboard-page";

export const metadata: Metadata = { title: "Partner dashboard" };
