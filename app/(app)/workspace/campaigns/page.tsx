import type { Metadata } from "next";
export { default } from "@/modules/workspace/campaigns/campaigns-page";

export const metadata: Metadata = { title: "Campaigns" };
