import type { Metadata } from "next";
export { default } from "@/modules/workspace/proposals/counter-proposal-page";

export const metadata: Metadata = { title: "Counter-proposal" };
