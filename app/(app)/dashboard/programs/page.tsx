import type { Metadata } from "next";
export { default } from "@/modules/dashboard/programs/programs-page";

export const metadata: Metadata = { title: "Programs" };
