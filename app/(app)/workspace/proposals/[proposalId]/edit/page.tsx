import type { Metadata } from "next";
export { default } from "@/modules/workspace/proposals/edit-proposal-page";

export const metadata: Metadata = { title: "Edit proposal" };
