import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { sponsoredStudentsQuery } from "@/lib/sponsorship/schemas/students";
import { listSponsoredStudents } from "@/lib/sponsorship/list-sponsored-students";

export const GET = v1Route({ roles: ["partner"], query: sponsoredStudentsQuery }, async ({ actor, query }) =>
  NextResponse.json(
    await listSponsoredStudents({
      actor,
      page: query.page,
      limit: query.limit,
      gradeLevel: query.grade_level,
      county: query.county,
      performance: query.performance,
    }),
  ),
);
