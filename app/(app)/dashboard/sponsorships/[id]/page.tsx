import type { Metadata } from "next";
export { default } from "@/modules/dashboard/sponsorships/sponsorship-detail-page";

export const metadata: Metadata = { title: "Sponsorship" };
