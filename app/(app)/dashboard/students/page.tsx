import type { Metadata } from "next";
export { default } from "@/modules/dashboard/students/students-page";

export const metadata: Metadata = { title: "Sponsored students" };
