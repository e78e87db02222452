import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { studentOutcomesQuery } from "@/lib/sponsorship/schemas/impact";
import { getStudentOutcomes } from "@/lib/sponsorship/get-student-outcomes";

export const GET = v1Route({ roles: ["partner"], query: studentOutcomesQuery }, async ({ actor, query }) =>
  NextResponse.json(await getStudentOutcomes({ actor, period: query.period, gradeLevel: query.grade_level, subject: query.subject })),
);
