import type { Metadata } from "next";
export { default } from "@/modules/dashboard/students/student-page";

export const metadata: Metadata = { title: "Student" };
