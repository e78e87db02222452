import type { Metadata } from "next";
export { default } from "@/modules/team/audit-page";

export const metadata: Metadata = { title: "Audit log" };
