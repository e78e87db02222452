import type { Metadata } from "next";
export { default } from "@/modules/dashboard/payments/statements-page";

export const metadata: Metadata = { title: "Statement of account" };
