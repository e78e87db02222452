/** @type {import('next').NextConfig} */
const nextConfig = {
  // Loaded from node_modules at run time: PGlite ships WebAssembly and data files,
  // pdfmake's pdfkit reads the standard fonts' metrics from disk.
  serverExternalPackages: ["@electric-sql/pglite", "pdfmake"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
