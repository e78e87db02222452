import type { Metadata } from "next";
export { default } from "@/modules/dashboard/sponsorships/sponsorships-page";

export const metadata: Metadata = { title: "Sponsorships" };
