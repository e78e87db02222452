import type { Metadata } from "next";
export { default } from "@/modules/dashboard/organization/organization-page";

export const metadata: Metadata = { title: "Organisation details" };
