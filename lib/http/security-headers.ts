/**
 * Headers every response carries. The content security policy allows scripts only with
 * the request's nonce (Next.js puts it on its own scripts), Stripe's origins only when
 * Stripe is configured, and no framing by anyone.
 */
import crypto from "node:crypto";

export function newNonce(): string {
  return crypto.randomBytes(16).toString("base64");
}

export function stripeConfigured(): boolean {
  return Boolean(process.env.STRIPE_SECRET_KEY && process.env.STRIPE_PUBLISHABLE_KEY);
}

export function contentSecurityPolicy(options: { nonce: string; stripe: boolean; development: boolean }): string {
  const stripeScripts = options.stripe ? " https://js.stripe.com" : "";
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${stripeScripts}${options.development ? " 'unsafe-eval'" : ""}`,
    // Charts and components set style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.stripe ? " https://api.stripe.com" : ""}${options.development ? " ws: wss:" : ""}`,
    `frame-src ${options.stripe ? "https://js.stripe.com https://hooks.stripe.com" : "'none'"}`,
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
  return directives.join("; ");
}

export function securityHeaders(options: {
  nonce: string;
  stripe: boolean;
  development: boolean;
  production: boolean;
}): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": 'camera=(), microphone=(), geolocation=(), payment=(self "https://js.stripe.com"), usb=()',
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(options.production ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
