import type { Metadata } from "next";
export { default } from "@/modules/workspace/campaigns/campaign-page";

export const metadata: Metadata = { title: "Campaign" };
