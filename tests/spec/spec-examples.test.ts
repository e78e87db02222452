/**
 * A client written from the specs works unchanged: every request example in
 * ../shared/spec (the curl lines and the JSON request bodies) is sent through the real
 * route handlers, with the placeholder ids (spn-012, prog-001, {proposalId}…) swapped
 * for real ones, and each answer must have the documented status and every field of the
 * spec's example response.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { freshCampaign } from "@/tests/helpers/escrow";
import { call, tokenFor } from "@/tests/helpers/http";
import { handlerFor } from "@/tests/helpers/openapi-responses";

process.env.RATE_LIMIT_PER_MINUTE = "100000";
process.env.REPORTS_PER_MINUTE = "100000";

/** The specs as they stand in the repository (docs/api), copies of the shared ones. */
const SPEC_DIR = path.resolve("docs/api");
const SHARED_DIR = path.resolve("../shared/spec");

// ─── Reading the specs ────────────────────────────────────────────────────────

interface Block {
  lang: string;
  text: string;
}

/** The markdown between headings of `level`, with the fenced blocks and the prose of each. */
function sections(markdown: string, level: number): Array<{ title: string; body: string }> {
  const marker = `${"#".repeat(level)} `;
  const out: Array<{ title: string; body: string }> = [];
  for (const chunk of markdown.split(new RegExp(`^(?=${marker})`, "m"))) {
    if (!chunk.startsWith(marker)) continue;
    const [title, ...rest] = chunk.split("\n");
    out.push({ title: title!.slice(marker.length).trim(), body: rest.join("\n") });
  }
  return out;
}

/** The fenced block that follows `label` (e.g. "**Response 200:**"), if any. */
function blockAfter(body: string, label: RegExp): Block | null {
  const match = new RegExp(`${label.source}[^\\n]*\\n+\`\`\`(\\w*)\\n([\\s\\S]*?)\`\`\``).exec(body);
  return match ? { lang: match[1]!, text: match[2]! } : null;
}

/** A line without its `//` comment (one outside any string). */
function withoutComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"' && line[i - 1] !== "\\") inString = !inString;
    else if (!inString && line[i] === "/" && line[i + 1] === "/") return line.slice(0, i);
  }
  return line;
}

/** The spec's JSON, read leniently: comments, `...` placeholders and trailing commas removed. */
function lenientJson(text: string): unknown {
  const cleaned = text
    .split("\n")
    .map(withoutComment)
    .join("\n")
    .replace(/\[\s*\.\.\.\s*\]/g, "[]")
    .replace(/\{\s*\.\.\.\s*\}/g, "{}")
    .replace(/,(\s*[}\]])/g, "$1");
  return JSON.parse(cleaned);
}

/** Objects whose keys are data (grades, county names), not fields: only their presence is checked. */
const MAPS = new Set(["participants.by_grade", "participants.by_county"]);

/** Every field path of an example ("stats.total_sponsorships", "sponsorships[].student.id"). */
function fieldPaths(example: unknown, prefix = ""): string[] {
  if (MAPS.has(prefix)) return [];
  if (Array.isArray(example))
    return example.length && typeof example[0] === "object" && example[0] !== null ? fieldPaths(example[0], `${prefix}[]`) : [];
  if (example === null || typeof example !== "object") return [];
  return Object.entries(example).flatMap(([key, value]) => {
    const here = prefix ? `${prefix}.${key}` : key;
    return [here, ...fieldPaths(value, here)];
  });
}

/** Whether `value` has the field at `fieldPath`; array steps look at the first element (which must exist). */
function hasField(value: unknown, fieldPath: string): boolean {
  const steps = fieldPath
    .split(".")
    .flatMap((step) => (step.endsWith("[]") ? [step.slice(0, -2), "[]"] : [step]))
    .filter(Boolean);
  let current: unknown = value;
  for (const step of steps) {
    if (step === "[]") {
      if (!Array.isArray(current) || current.length === 0) return false;
      current = current[0];
    } else {
      if (current === null || typeof current !== "object" || !(step in current)) return false;
      current = (current as Record<string, unknown>)[step];
    }
  }
  return true;
}

function expectFields(label: string, actual: unknown, example: unknown) {
  const missing = fieldPaths(example).filter((field) => !hasField(actual, field));
  expect(missing, `${label}: fields of the spec's example missing from the answer`).toEqual([]);
}

// ─── The partner dashboard spec ───────────────────────────────────────────────

interface PartnerExample {
  endpoint: string;
  method: string;
  status: number;
  response: unknown;
  requests: Array<{ url: string; body?: string; from: string }>;
}

function partnerExamples(): PartnerExample[] {
  const markdown = fs.readFileSync(path.join(SPEC_DIR, "partner-dashboard-api.md"), "utf8");
  return sections(markdown, 3)
    .filter((s) => /^(GET|POST) \/partner\//.test(s.title))
    .map(({ title, body }) => {
      const [method, endpoint] = title.split(" ") as [string, string];
      const response = /\*\*Response (\d{3}):\*\*/.exec(body)!;
      const requests: PartnerExample["requests"] = [];
      const curl = blockAfter(body, /\*\*curl:\*\*/);
      if (curl) {
        const url = /"(http[^"]+)"/.exec(curl.text)![1]!;
        const data = /-d '([^']+)'/.exec(curl.text)?.[1];
        requests.push({ url, body: data, from: "curl" });
      }
      const requestBody = blockAfter(body, /\*\*Request Body:\*\*/);
      if (requestBody) requests.push({ url: `http://localhost:8000/api/v1${endpoint}`, body: requestBody.text, from: "request body" });
      return {
        endpoint,
        method,
        status: Number(response[1]),
        response: lenientJson(blockAfter(body, /\*\*Response \d{3}:\*\*/)!.text),
        requests,
      };
    });
}

// ─── The partnerships spec ────────────────────────────────────────────────────

interface PartnershipsExample {
  title: string;
  method: string;
  endpoint: string;
  status: number;
  body: unknown | undefined;
  response: unknown;
}

function partnershipsExamples(): PartnershipsExample[] {
  const markdown = fs.readFileSync(path.join(SPEC_DIR, "partnerships-api.md"), "utf8");
  const found = sections(markdown, 4).map(({ title, body }) => {
    const http = blockAfter(body, /^/)!;
    const [method, endpoint] = http.text.trim().split(/\s+/) as [string, string];
    const request = /\*\*Request Body:\*\*\s*\n+```json/.test(body)
      ? lenientJson(blockAfter(body, /\*\*Request Body:\*\*/)!.text)
      : undefined;
    const responseText = /\*\*Response:\*\*\s*\n+```json/.test(body) ? blockAfter(body, /\*\*Response:\*\*/)!.text : null;
    const sameAs = /\*\*Response:\*\*\s*\n+Same as (individual \w+ from )?([A-Z][\w ]+?)(?: with|\.|\n)/.exec(body);
    const status = Number(/^- `(2\d\d) /m.exec(body)![1]);
    return {
      title,
      method,
      endpoint,
      status,
      body: request,
      responseText,
      sameAs: sameAs ? { title: sameAs[2]!.trim(), element: Boolean(sameAs[1]) } : null,
    };
  });
  /** "Same as Get Proposal", "Same as individual payment from List Payments": followed to the example they name. */
  const responseOf = (title: string): unknown => {
    const example = found.find((other) => other.title === title || other.title === `Get ${title}`)!;
    if (example.responseText) return lenientJson(example.responseText);
    const source = responseOf(example.sameAs!.title);
    return example.sameAs!.element ? (Object.values(source as object)[0] as unknown[])[0] : source;
  };
  return found.map((example) => ({
    title: example.title,
    method: example.method,
    endpoint: example.endpoint,
    status: example.status,
    body: example.body,
    response: responseOf(example.title),
  }));
}

/** The spec's typed placeholders ("string", "number") replaced by values a careful client would send. */
function concreteBody(template: unknown, values: Record<string, unknown>): unknown {
  if (Array.isArray(template)) return template.map((item) => concreteBody(item, values));
  if (template === null || typeof template !== "object") return template;
  return Object.fromEntries(
    Object.entries(template).map(([key, value]) => [
      key,
      typeof value === "object" && value !== null ? concreteBody(value, values) : key in values ? values[key] : value,
    ]),
  );
}

// ─── The tests ────────────────────────────────────────────────────────────────

describe("the specs in docs/api", () => {
  it.skipIf(!fs.existsSync(SHARED_DIR))("are the shared specs, unchanged", () => {
    for (const name of ["partner-dashboard-api.md", "partnerships-api.md"]) {
      expect(fs.readFileSync(path.join(SPEC_DIR, name), "utf8"), name).toBe(fs.readFileSync(path.join(SHARED_DIR, name), "utf8"));
    }
  });
});

describe("the partner dashboard spec's examples", () => {
  let token: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    token = await tokenFor("partner@demo.test");
    const db = getDb();
    const partnerId = (await db.user.findUniqueOrThrow({ where: { email: "partner@demo.test" } })).organizationId!;
    // The richest of the partner's records stand in for the spec's, so every example field has something to show.
    const sponsorship = await db.sponsorship.findFirstOrThrow({
      where: { partnerId, status: "active", disbursements: { some: {} }, events: { some: {} }, courses: { some: {} } },
      orderBy: { id: "asc" },
    });
    const program = await db.program.findFirstOrThrow({
      where: { partnerId, status: "active", courses: { some: {} }, milestones: { some: {} } },
      orderBy: { id: "asc" },
    });
    students = (
      await db.student.findMany({
        where: { sponsorships: { none: { partnerId } } },
        orderBy: { id: "asc" },
        take: 10,
        select: { id: true },
      })
    ).map((s) => s.id);
    const courses = await db.course.findMany({ orderBy: { id: "asc" }, take: 4, select: { id: true } });
    Object.assign(ids, {
      spn: sponsorship.id,
      prog: program.id,
      "course-001": courses[0]!.id,
      "course-005": courses[1]!.id,
      "course-020": courses[2]!.id,
      "course-021": courses[3]!.id,
    });
  });

  let students: string[] = [];
  /** Real ids for the placeholders; each request's students are ones not sponsored before, as a new sponsorship needs. */
  const swap = (text: string, own: Partial<Record<"spn" | "prog", string>> = {}) => {
    const mine = new Map<string, string>();
    return text
      .replace(/spn-\d+/g, () => own.spn ?? ids.spn!)
      .replace(/prog-\d+/g, () => own.prog ?? ids.prog!)
      .replace(/course-\d+/g, (placeholder) => ids[placeholder] ?? placeholder)
      .replace(/student-\d+/g, (placeholder) => {
        if (!mine.has(placeholder)) mine.set(placeholder, students.shift()!);
        return mine.get(placeholder)!;
      });
  };

  /**
   * A payment may not cover what a pending payment already covers: each payment example
   * pays for a new sponsorship and program of its own.
   */
  async function payable(): Promise<Record<"spn" | "prog", string>> {
    const db = getDb();
    const partnerId = (await db.user.findUniqueOrThrow({ where: { email: "partner@demo.test" } })).organizationId!;
    const [student] = await db.student.findMany({ orderBy: { id: "desc" }, take: 1, select: { id: true } });
    const startDate = new Date("2027-01-01T00:00:00Z");
    const endDate = new Date("2027-12-31T00:00:00Z");
    const program = await db.program.create({
      data: {
        partnerId,
        name: "Example program",
        description: "Paid for by an example",
        targetStudents: 1,
        budgetMinor: 100_000_000n,
        startDate,
        endDate,
      },
    });
    const sponsorship = await db.sponsorship.create({
      data: { partnerId, studentId: student!.id, programId: program.id, type: "partial", amountMinor: 100_000_000n, startDate, endDate },
    });
    return { spn: sponsorship.id, prog: program.id };
  }

  const examples = partnerExamples();

  it("finds every endpoint of the spec", () => {
    expect(examples.map((e) => `${e.method} ${e.endpoint}`)).toHaveLength(15);
    // A curl line for each, and a JSON request body for each of the three POSTs.
    expect(examples.flatMap((e) => e.requests)).toHaveLength(18);
  });

  for (const example of examples) {
    for (const request of example.requests) {
      it(`${example.method} ${example.endpoint} (${request.from}) answers ${example.status} with every field of the example`, async () => {
        const own = example.method === "POST" && example.endpoint === "/partner/payments" ? await payable() : {};
        const url = new URL(swap(request.url, own));
        const { handler, params } = await handlerFor(example.method, url.pathname);
        const res = await call(handler, url.pathname + url.search, {
          token,
          method: example.method,
          params,
          rawBody: request.body ? swap(request.body, own) : undefined,
        });
        expect(res.status, JSON.stringify(res.body)).toBe(example.status);
        expectFields(`${example.method} ${example.endpoint}`, res.body, example.response);
      });
    }
  }
});

describe("the partnerships spec's examples", () => {
  const examples = partnershipsExamples();
  const byTitle = (title: string) => examples.find((e) => e.title === title)!;
  const tokens: Record<string, string> = {};
  const people: Record<string, string> = {};
  const state: Record<string, string> = {};

  beforeAll(async () => {
    for (const who of ["brand", "creator", "creator2"]) {
      tokens[who] = await tokenFor(`${who}@demo.test`);
      people[who] = (await getDb().user.findUniqueOrThrow({ where: { email: `${who}@demo.test` } })).id;
    }
  });

  /** Values for the spec's typed placeholders, as a client filling in the template would choose them. */
  const values = async (recipient: string) => ({
    recipientId: people[recipient],
    campaignId: await freshCampaign(people.brand!),
    type: "instagram_post",
    description: "Launch post on the brand's new drink",
    dueDate: "2027-02-01T00:00:00Z",
    requirements: "Tag the brand",
    amount: 1500,
    currency: "USD",
    paymentSchedule: "50% upfront, 50% on completion",
    startDate: "2027-01-15T00:00:00Z",
    endDate: "2027-03-01T00:00:00Z",
    contentRights: "The brand may repost for 12 months",
    exclusivity: "None",
    revisions: "Two rounds",
    additionalTerms: "None",
    reason: "The dates do not work for us",
    signature: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
    submissionUrl: "https://instagram.com/p/launch-post",
    notes: "First cut",
    feedback: "Please show the logo",
  });

  async function send(title: string, as: string, options: { body?: unknown; expectFieldsOf?: string } = {}) {
    const example = byTitle(title);
    const concretePath = `/api${example.endpoint}`.replace(/\{(\w+)\}/g, (_m, name: string) => state[name] ?? `{${name}}`);
    const { handler, params } = await handlerFor(example.method, concretePath);
    const body = options.body ?? (example.body === undefined ? undefined : concreteBody(example.body, await values("creator")));
    const res = await call(handler, concretePath, {
      token: tokens[as],
      method: example.method,
      params,
      body,
      rawBody: body === undefined && example.method !== "GET" ? "" : undefined,
    });
    expect(res.status, `${title}: ${JSON.stringify(res.body)}`).toBe(example.status);
    expectFields(title, res.body, byTitle(options.expectFieldsOf ?? title).response);
    return res.body;
  }

  it("finds every endpoint of the spec", () => {
    expect(examples.map((e) => e.title)).toHaveLength(22);
  });

  it("runs every example in the order of the spec's workflow", async () => {
    const created = await send("Create Proposal", "brand");
    state.proposalId = created.id;
    await send("Get Proposal", "brand");
    await send("List Proposals", "brand");
    const createTemplate = byTitle("Create Proposal").body;
    // "Similar to create proposal, with only the fields to be updated."
    await send("Update Proposal (Draft)", "brand", {
      body: { terms: concreteBody((createTemplate as { terms: unknown }).terms, await values("creator")) },
      expectFieldsOf: "Get Proposal",
    });
    await send("Send Proposal", "brand", { expectFieldsOf: "Get Proposal" });
    const accepted = await send("Accept Proposal", "creator");
    state.partnershipId = accepted.partnership.id;

    // Two more offers, to another creator, to counter and to reject.
    for (const title of ["Counter Proposal", "Reject Proposal"]) {
      const offer = await call((await handlerFor("POST", "/api/partnerships/proposals")).handler, "/api/partnerships/proposals", {
        token: tokens.brand,
        body: concreteBody(createTemplate, await values("creator2")),
      });
      state.proposalId = offer.body.id;
      await call((await handlerFor("POST", `/api/partnerships/proposals/${offer.body.id}/send`)).handler, "/x", {
        token: tokens.brand,
        method: "POST",
        params: { proposalId: offer.body.id },
      });
      await send(title, "creator2", {
        body: title === "Counter Proposal" ? { compensation: { amount: 1800, currency: "USD" } } : undefined,
        expectFieldsOf: "Get Proposal",
      });
    }

    await send("Get Partnership", "brand");
    await send("List Partnerships", "creator");
    await send("Generate Contract", "brand");
    // Deliberate deviations: a generated contract is a draft until a party sends it, and a
    // signature is the signer's typed full name with explicit consent (the image stays optional).
    await call((await handlerFor("POST", `/api/partnerships/${state.partnershipId}/contract/send`)).handler, "/x", {
      token: tokens.brand,
      method: "POST",
      params: { partnershipId: state.partnershipId! },
    });
    const signBody = async (fullName: string) => ({
      ...(concreteBody(byTitle("Sign Contract").body, await values("creator")) as object),
      fullName,
      consent: true,
    });
    await send("Sign Contract", "creator", { body: await signBody("Amani Wekesa"), expectFieldsOf: "Get Contract" });
    await send("Get Contract", "brand");
    const signed = await send("Sign Contract", "brand", { body: await signBody("Achieng Odhiambo"), expectFieldsOf: "Get Contract" });
    expect(signed.status).toBe("active");

    const list = await send("List Deliverables", "creator");
    state.deliverableId = list.deliverables[0].id;
    await send("Get Deliverable", "brand");
    await send("Submit Deliverable", "creator", { expectFieldsOf: "Get Deliverable" });
    await send("Request Revision", "brand", { expectFieldsOf: "Get Deliverable" });
    await send("Submit Deliverable", "creator", { expectFieldsOf: "Get Deliverable" });
    await send("Approve Deliverable", "brand", { expectFieldsOf: "Get Deliverable" });

    const payments = await send("List Payments", "brand");
    const initial = payments.payments.find((p: { type: string }) => p.type === "initial");
    state.paymentId = initial.id;
    await send("Get Payment", "brand");
    const initiated = await send("Initiate Payment", "brand", {
      body: { type: "initial", amount: initial.amount, currency: initial.currency, description: "Upfront share" },
    });
    // The sandbox stands in for Stripe's success webhook.
    await call(
      (await handlerFor("POST", `/api/partnerships/${state.partnershipId}/payments/${initiated.payment.id}/confirm`)).handler,
      "/x",
      {
        token: tokens.brand,
        method: "POST",
        params: { partnershipId: state.partnershipId!, paymentId: initiated.payment.id },
      },
    );
    const released = await send("Release Escrow Payment", "brand", { expectFieldsOf: "Get Payment" });
    expect(released.status).toBe("completed");
  });
});
