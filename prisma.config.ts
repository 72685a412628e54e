import { defineConfig } from "prisma/config";

// No url in schema.prisma (Prisma 7): the CLI reads it here. `generate` needs none.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/lianxin" },
});
