import type { Metadata } from "next";
export { default } from "@/modules/team/team-page";

export const metadata: Metadata = { title: "Team" };
