import type { Metadata } from "next";
export { default } from "@/modules/dashboard/payments/pay-by-card-page";

export const metadata: Metadata = { title: "Pay by card" };
