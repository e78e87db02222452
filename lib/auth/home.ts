import type { Role } from "../generated/prisma/client";

/** Where each role lands after signing in. */
export function homePathFor(role: Role): string {
  switch (role) {
    case "partner":
      return "/dashboard";
    case "creator":
    case "brand":
      return "/workspace";
    case "admin":
      return "/admin";
  }
}
