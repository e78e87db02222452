import type { Metadata } from "next";
export { default } from "@/modules/account/account-page";

export const metadata: Metadata = { title: "Account" };
