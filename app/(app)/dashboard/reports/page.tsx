import type { Metadata } from "next";
export { default } from "@/modules/dashboard/reports/reports-page";

export const metadata: Metadata = { title: "Reports" };
