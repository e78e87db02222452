import type { Metadata } from "next";
export { default } from "@/modules/dashboard/payments/payments-page";

export const metadata: Metadata = { title: "Payments and invoices" };
