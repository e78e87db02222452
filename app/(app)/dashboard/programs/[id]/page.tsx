import type { Metadata } from "next";
export { default } from "@/modules/dashboard/programs/program-page";

export const metadata: Metadata = { title: "Program" };
