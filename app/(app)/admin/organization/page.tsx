import type { Metadata } from "next";
export { default } from "@/modules/admin/organization/organization-page";

export const metadata: Metadata = { title: "Issuing organisation" };
