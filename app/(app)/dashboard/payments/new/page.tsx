import type { Metadata } from "next";
export { default } from "@/modules/dashboard/payments/new-payment-page";

export const metadata: Metadata = { title: "Make a payment" };
