import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Harambee", template: "%s · Harambee" },
  description: "Partnerships where money moves against results: education sponsorship and creator–brand collaborations.",
};

// Every page is rendered per request, so that its scripts carry the request's CSP nonce.
export const dynamic = "force-dynamic";

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}
