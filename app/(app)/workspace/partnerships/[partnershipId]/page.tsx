import type { Metadata } from "next";
export { default } from "@/modules/workspace/partnerships/partnership-page";

export const metadata: Metadata = { title: "Partnership" };
