import type { Metadata } from "next";
export { default } from "@/modules/workspace/workspace-page";

export const metadata: Metadata = { title: "Partnerships workspace" };
