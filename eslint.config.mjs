import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    // Tests read JSON responses whose shape the assertions themselves check.
    files: ["**/*.test.ts", "tests/**/*.ts", "e2e/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // The layers: app → modules → components/ui → lib. Nothing imports upwards, and only
    // services in lib/ reach the database.
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["**/*.test.ts", "tests/**", "e2e/**", "scripts/**", "prisma/**"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./lib", from: ["./app", "./modules", "./components"], message: "lib/ is the lowest layer." },
            { target: "./modules", from: "./app", message: "Route files import modules, never the reverse." },
            {
              target: "./components",
              from: ["./app", "./modules"],
              message: "components/ui is generic: features import it, not the reverse.",
            },
            {
              target: ["./app", "./modules", "./components"],
              from: ["./lib/db", "./lib/generated/prisma/client.ts"],
              message: "Only services in lib/ touch the database.",
            },
          ],
        },
      ],
    },
  },
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".data/**",
      "lib/generated/**",
      "test-results/**",
      "playwright-report/**",
      "e2e/output/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
