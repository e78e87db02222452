import type { Metadata } from "next";
export { default } from "@/modules/dashboard/counties/counties-page";

export const metadata: Metadata = { title: "Portfolio by county" };
