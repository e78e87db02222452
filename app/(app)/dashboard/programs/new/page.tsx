import type { Metadata } from "next";
export { default } from "@/modules/dashboard/programs/new-program-page";

export const metadata: Metadata = { title: "New program" };
