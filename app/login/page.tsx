import type { Metadata } from "next";
export { default } from "@/modules/auth/login-page";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";
