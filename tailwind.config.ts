/**
 * Tailwind CSS 4 reads its theme from app/globals.css (@theme); this file names the
 * sources it scans and is loaded there with @config.
 */
import type { Config } from "tailwindcss";

const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./modules/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
};

export default config;
