import type { Metadata } from "next";
export { default } from "@/modules/workspace/proposals/new-proposal-page";

export const metadata: Metadata = { title: "New proposal" };
