import type { Metadata } from "next";
export { default } from "@/modules/admin/admin-page";

export const metadata: Metadata = { title: "Payments to verify" };
