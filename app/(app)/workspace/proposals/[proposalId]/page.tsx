import type { Metadata } from "next";
export { default } from "@/modules/workspace/proposals/proposal-page";

export const metadata: Metadata = { title: "Proposal" };
