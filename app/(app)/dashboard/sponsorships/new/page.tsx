import type { Metadata } from "next";
export { default } from "@/modules/dashboard/sponsorships/new-sponsorship-page";

export const metadata: Metadata = { title: "New sponsorship" };
