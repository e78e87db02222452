import type { Metadata } from "next";
export { default } from "@/modules/admin/disputes-page";

export const metadata: Metadata = { title: "Disputes" };
