/** @type {import('next').NextConfig} */
const nextConfig = {
  // Loaded from node_modules at run time: PGlite ships WebAssembly and data files,
  // pdfmake's pdfkit reads the standard fonts' metrics from disk.
  serverExternalPackages: ["@electric-sql/pglite", "pdfmake"],
  poweredByHeader: false,
  typedRoutes: false,
  // A deliverable's files reach the server in the submission form: up to five files of 20 MiB (lib/uploads/check-upload.ts).
  experimental: { serverActions: { bodySizeLimit: "101mb" } },
};

export default nextConfig;
