/**
 * Email through the SMTP server SMTP_URL names (smtp://user:pass@host:587, smtps://… for TLS),
 * from MAIL_FROM. Without SMTP_URL nothing is sent and callers show what they would have
 * mailed instead.
 */
import nodemailer from "nodemailer";

export function mailConfigured(): boolean {
  return Boolean(process.env.SMTP_URL?.trim());
}

export async function sendMail(message: { to: string; subject: string; text: string }): Promise<void> {
  const url = process.env.SMTP_URL?.trim();
  if (!url) throw new Error("SMTP_URL is not set");
  const transport = nodemailer.createTransport(url);
  try {
    await transport.sendMail({ from: process.env.MAIL_FROM?.trim() || "Harambee <no-reply@harambee.localhost>", ...message });
  } finally {
    transport.close();
  }
}
