/**
 * The creator economy: brand campaigns, proposals in every state (both directions,
 * with counter-proposals), and partnerships at every stage from "just accepted" to
 * completed or terminated, with contracts, signatures, deliverables, escrow payments
 * and the activity log. Created once, independent of the scale.
 */
import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import { documentInputSnapshot, VERIFY_PATH } from "../../lib/partnerships/contract-audit";
import { renderContractDocument, type ContractDocumentInput } from "../../lib/partnerships/contract-document";
import { CONSENT_TEXT, REVIEW_WINDOW_DAYS } from "../../lib/partnerships/schemas/contracts";
import { toMajor } from "../../lib/money";
import { parsePaymentPlan, planJson } from "../../lib/partnerships/payment-plan";
import { addCount, createInBatches, type Counts } from "./bulk";
import { DAY, HOUR, MINUTE, addDays } from "./dates";
import { seedId } from "./ids";
import type { AccountKey, Accounts } from "./accounts";
import { rngFor, type Rng } from "./random";

type BrandKey = "brand" | "brand2";
type CreatorKey = "creator" | "creator2";
type PartyKey = BrandKey | CreatorKey;
type ProposalStatus = "draft" | "sent" | "accepted" | "countered" | "rejected";
/** Partnership stages: (a) accepted … (f) completed, (g) terminated; and two with disputes: one open, one resolved by a split. */
type Stage =
  "accepted" | "contract_sent" | "signed_one" | "contract_active" | "in_escrow" | "completed" | "terminated" | "disputed" | "split";

const isBrand = (k: PartyKey): k is BrandKey => k === "brand" || k === "brand2";

interface CampaignSpec {
  key: string;
  brand: BrandKey;
  name: string;
  description: string;
  status: "draft" | "active" | "completed";
  budgetUsd: number;
  startDays: number;
  endDays: number;
}

const CAMPAIGNS: readonly CampaignSpec[] = [
  {
    key: "zero-sugar",
    brand: "brand",
    name: "Savanna Zero Sugar Launch",
    description: "Launch of the zero-sugar range with lifestyle creators across Nairobi, Mombasa and Kisumu.",
    status: "active",
    budgetUsd: 25_000,
    startDays: -60,
    endDays: 75,
  },
  {
    key: "back-to-school",
    brand: "brand",
    name: "Back-to-School Refresh",
    description: "Lunchbox-friendly juice packs for the new school term, with a donation to school feeding for every pack sold.",
    status: "completed",
    budgetUsd: 8_000,
    startDays: -160,
    endDays: -30,
  },
  {
    key: "festive",
    brand: "brand",
    name: "Festive Season Juice Boxes",
    description: "Gift boxes for the December holidays; creator recipes and family moments.",
    status: "draft",
    budgetUsd: 12_000,
    startDays: 30,
    endDays: 100,
  },
  {
    key: "glow",
    brand: "brand2",
    name: "Nuru Glow Serum Launch",
    description: "Introducing the Glow Serum, made for melanin-rich skin, through honest routines and reviews.",
    status: "active",
    budgetUsd: 15_000,
    startDays: -45,
    endDays: 60,
  },
  {
    key: "hair-week",
    brand: "brand2",
    name: "Natural Hair Care Week",
    description: "A week of wash-day routines and styling tips using the Nuru natural hair range.",
    status: "completed",
    budgetUsd: 6_000,
    startDays: -130,
    endDays: -55,
  },
  {
    key: "grooming",
    brand: "brand2",
    name: "Nuru Men's Grooming Line",
    description: "Beard oil and face wash for men; planned for next quarter.",
    status: "draft",
    budgetUsd: 10_000,
    startDays: 20,
    endDays: 120,
  },
];

interface DeliverableTemplate {
  type: string;
  description: string;
  requirements: string;
}

const DELIVERABLES: Record<BrandKey, DeliverableTemplate[]> = {
  brand: [
    {
      type: "instagram_reel",
      description: "30-second reel: a Zero Sugar taste test with friends on a Nairobi rooftop",
      requirements: "Can label visible in the first 3 seconds; tag @savannabev; use #ZeroSugarVibes and #ad.",
    },
    {
      type: "instagram_post",
      description: "Carousel of 4 photos featuring Savanna at a weekend brunch",
      requirements: "Natural light; product in at least 3 of 4 images; caption shared for approval 48 hours before posting.",
    },
    {
      type: "instagram_story",
      description: "3-frame story with a link sticker to the store locator",
      requirements: "Link to savanna-beverages.example/stores; mention the launch offer; keep the highlight for 30 days.",
    },
    {
      type: "tiktok_video",
      description: "Street-food pairing video using the #SavannaRefresh sound",
      requirements: "15-30 seconds; brand sound; no competing beverages in frame; disclose as #ad.",
    },
    {
      type: "youtube_video",
      description: "6-8 minute vlog: a day of Nairobi street food, paired with Savanna",
      requirements: "Product integration within the first 2 minutes; pinned comment with the store link.",
    },
  ],
  brand2: [
    {
      type: "instagram_reel",
      description: "Get-ready-with-me reel with the Glow Serum morning routine",
      requirements: "Show the serum's texture on skin; say 'made for melanin-rich skin'; tag @nurucosmetics; #NuruGlow #ad.",
    },
    {
      type: "instagram_post",
      description: "Before-and-after carousel after 14 days of use",
      requirements: "No filters or retouching on skin; include the results disclaimer in the caption.",
    },
    {
      type: "tiktok_video",
      description: "Honest review: three things I love about the Glow Serum",
      requirements: "30-60 seconds; include the discount code NURU15 on screen and in the caption.",
    },
    {
      type: "youtube_video",
      description: "Wash-day routine for natural hair with the Nuru range",
      requirements: "At least 8 minutes; list every product used in the description with links.",
    },
    {
      type: "blog_post",
      description: "Blog post: my two-week skincare reset with Nuru",
      requirements: "At least 800 words; two links to nuru-cosmetics.example; original photos only.",
    },
    {
      type: "instagram_story",
      description: "Story Q&A answering followers' skincare questions",
      requirements: "At least 5 frames; product sticker on each frame.",
    },
  ],
};

const TERMS: Record<BrandKey, Prisma.InputJsonObject> = {
  brand: {
    contentRights: "Savanna Beverages may repost the content and use it in paid social ads for 12 months, crediting the creator.",
    exclusivity: "No sponsored content for other soft-drink or juice brands from 30 days before to 60 days after the last post.",
    revisions: "Up to 2 rounds of revisions per deliverable, requested within 3 business days of submission.",
    additionalTerms: "Every post carries a clear #ad disclosure and stays live for at least 6 months.",
  },
  brand2: {
    contentRights: "Nuru Cosmetics may repost the content organically for 6 months; paid usage needs a separate licence.",
    exclusivity: "No sponsored skincare content for competing brands for 45 days after the last post.",
    revisions: "One round of revisions per deliverable; factual corrections at any time.",
    additionalTerms: "Claims must follow the product fact sheet; no medical claims. Disclose the partnership in every post.",
  },
};

interface ProposalScenario {
  key: string;
  from: PartyKey;
  to: PartyKey;
  campaign: string | null;
  status: ProposalStatus;
  amountUsd: number;
  createdDays: number;
  /** Days after creation it was sent; undefined for drafts. */
  sentAfter?: number;
  viewedAfter?: number;
  respondedDays?: number;
  startDays: number;
  endDays: number;
  /** Indexes into the brand's deliverable templates, with due days relative to the anchor. */
  deliverables: Array<[number, number]>;
  rejectionReason?: string;
  counterOf?: string;
  counterNote?: string;
  stage?: Stage;
  /** For stage "signed_one": who signed first. */
  firstSigner?: "creator" | "brand";
}

const SCENARIOS: readonly ProposalScenario[] = [
  {
    key: "back-to-school-amani",
    from: "brand",
    to: "creator",
    campaign: "back-to-school",
    status: "accepted",
    amountUsd: 2_400,
    createdDays: -152,
    sentAfter: 0.05,
    viewedAfter: 0.8,
    respondedDays: -149,
    startDays: -145,
    endDays: -40,
    deliverables: [
      [0, -130],
      [1, -110],
      [4, -75],
    ],
    stage: "completed",
  },
  {
    key: "hair-week-njeri",
    from: "brand2",
    to: "creator2",
    campaign: "hair-week",
    status: "accepted",
    amountUsd: 1_800,
    createdDays: -125,
    sentAfter: 0.1,
    viewedAfter: 1.2,
    respondedDays: -121,
    startDays: -118,
    endDays: -60,
    deliverables: [
      [3, -100],
      [0, -88],
      [5, -70],
    ],
    stage: "terminated",
  },
  {
    key: "zero-sugar-njeri",
    from: "brand",
    to: "creator2",
    campaign: "zero-sugar",
    status: "accepted",
    amountUsd: 3_200,
    createdDays: -47,
    sentAfter: 0.05,
    viewedAfter: 0.5,
    respondedDays: -44,
    startDays: -40,
    endDays: 35,
    deliverables: [
      [0, -20],
      [2, -8],
      [3, 20],
    ],
    stage: "in_escrow",
  },
  {
    key: "glow-amani",
    from: "brand2",
    to: "creator",
    campaign: "glow",
    status: "countered",
    amountUsd: 1_500,
    createdDays: -30,
    sentAfter: 0.05,
    viewedAfter: 0.6,
    respondedDays: -28,
    startDays: -20,
    endDays: 45,
    deliverables: [
      [0, 5],
      [2, 20],
    ],
  },
  {
    key: "glow-amani-counter",
    from: "creator",
    to: "brand2",
    campaign: "glow",
    status: "accepted",
    amountUsd: 2_000,
    createdDays: -28,
    sentAfter: 0.01,
    viewedAfter: 0.7,
    respondedDays: -26,
    startDays: -20,
    endDays: 45,
    deliverables: [
      [0, 5],
      [2, 15],
      [5, 30],
    ],
    counterOf: "glow-amani",
    counterNote: "Countered: USD 2,000.00 with an extra story Q&A, since reels for this audience need two shoot days.",
    stage: "contract_active",
  },
  {
    key: "zero-sugar-njeri-pitch",
    from: "creator2",
    to: "brand",
    campaign: "zero-sugar",
    status: "accepted",
    amountUsd: 1_200,
    createdDays: -19,
    sentAfter: 0.02,
    viewedAfter: 1,
    respondedDays: -16,
    startDays: -10,
    endDays: 50,
    deliverables: [
      [2, 10],
      [1, 25],
    ],
    stage: "signed_one",
    firstSigner: "creator",
  },
  {
    key: "zero-sugar-amani",
    from: "brand",
    to: "creator",
    campaign: "zero-sugar",
    status: "accepted",
    amountUsd: 2_800,
    createdDays: -13,
    sentAfter: 0.05,
    viewedAfter: 0.4,
    respondedDays: -9,
    startDays: 3,
    endDays: 60,
    deliverables: [
      [3, 15],
      [0, 30],
      [4, 45],
    ],
    stage: "contract_sent",
  },
  {
    key: "glow-amani-pitch",
    from: "creator",
    to: "brand2",
    campaign: "glow",
    status: "accepted",
    amountUsd: 900,
    createdDays: -7,
    sentAfter: 0.02,
    viewedAfter: 1.5,
    respondedDays: -2,
    startDays: 7,
    endDays: 50,
    deliverables: [
      [4, 20],
      [5, 35],
    ],
    stage: "accepted",
  },
  {
    key: "zero-sugar-njeri-2",
    from: "brand",
    to: "creator2",
    campaign: "zero-sugar",
    status: "rejected",
    amountUsd: 700,
    createdDays: -33,
    sentAfter: 0.05,
    viewedAfter: 0.5,
    respondedDays: -31,
    startDays: -25,
    endDays: 20,
    deliverables: [
      [3, -10],
      [2, 5],
    ],
    rejectionReason: "The fee is below my rate for video content, and the dates overlap with a campaign I've already committed to.",
  },
  {
    key: "hair-week-amani-pitch",
    from: "creator",
    to: "brand2",
    campaign: "hair-week",
    status: "rejected",
    amountUsd: 1_100,
    createdDays: -60,
    sentAfter: 0.02,
    viewedAfter: 1,
    respondedDays: -57,
    startDays: -55,
    endDays: -30,
    deliverables: [
      [1, -45],
      [4, -35],
    ],
    rejectionReason: "This quarter's influencer budget is fully allocated. We'd be glad to revisit for the Glow Serum launch.",
  },
  {
    key: "glow-njeri",
    from: "brand2",
    to: "creator2",
    campaign: "glow",
    status: "sent",
    amountUsd: 1_600,
    createdDays: -4,
    sentAfter: 0.05,
    viewedAfter: 1,
    startDays: 10,
    endDays: 55,
    deliverables: [
      [0, 20],
      [1, 35],
      [2, 45],
    ],
  },
  {
    key: "zero-sugar-amani-pitch",
    from: "creator",
    to: "brand",
    campaign: "zero-sugar",
    status: "sent",
    amountUsd: 1_300,
    createdDays: -1.5,
    sentAfter: 0.02,
    startDays: 14,
    endDays: 60,
    deliverables: [
      [3, 25],
      [2, 40],
    ],
  },
  {
    key: "grooming-amani",
    from: "brand2",
    to: "creator",
    campaign: "grooming",
    status: "draft",
    amountUsd: 1_750,
    createdDays: -2,
    startDays: 25,
    endDays: 90,
    deliverables: [
      [0, 40],
      [2, 60],
    ],
  },
  {
    key: "njeri-pitch-draft",
    from: "creator2",
    to: "brand2",
    campaign: null,
    status: "draft",
    amountUsd: 850,
    createdDays: -3,
    startDays: 20,
    endDays: 70,
    deliverables: [
      [5, 35],
      [4, 50],
    ],
  },
  {
    key: "festive-njeri",
    from: "brand",
    to: "creator2",
    campaign: "zero-sugar",
    status: "countered",
    amountUsd: 1_000,
    createdDays: -11,
    sentAfter: 0.05,
    viewedAfter: 0.6,
    respondedDays: -9,
    startDays: 5,
    endDays: 60,
    deliverables: [
      [0, 20],
      [2, 30],
    ],
  },
  {
    key: "festive-njeri-counter",
    from: "creator2",
    to: "brand",
    campaign: "zero-sugar",
    status: "sent",
    amountUsd: 1_400,
    createdDays: -9,
    sentAfter: 0.01,
    viewedAfter: 1,
    startDays: 5,
    endDays: 60,
    deliverables: [
      [0, 20],
      [2, 30],
      [1, 45],
    ],
    counterOf: "festive-njeri",
    counterNote: "Countered: USD 1,400.00 including a photo carousel, with usage rights limited to organic posts.",
  },
  {
    key: "glow-amani-routine",
    from: "brand2",
    to: "creator",
    campaign: "glow",
    status: "accepted",
    amountUsd: 1_600,
    createdDays: -40,
    sentAfter: 0.05,
    viewedAfter: 0.8,
    respondedDays: -37,
    startDays: -35,
    endDays: 30,
    deliverables: [
      [1, -15],
      [3, -3],
    ],
    stage: "disputed",
  },
  {
    key: "glow-njeri-tutorial",
    from: "brand2",
    to: "creator2",
    campaign: "glow",
    status: "accepted",
    amountUsd: 1_200,
    createdDays: -44,
    sentAfter: 0.05,
    viewedAfter: 0.5,
    respondedDays: -42,
    startDays: -40,
    endDays: 40,
    deliverables: [
      [0, -12],
      [1, 15],
    ],
    stage: "split",
  },
];

interface CreatorRows {
  campaigns: Prisma.CampaignCreateManyInput[];
  proposals: Prisma.ProposalCreateManyInput[];
  proposalEvents: Prisma.ProposalEventCreateManyInput[];
  partnerships: Prisma.PartnershipCreateManyInput[];
  contracts: Prisma.ContractCreateManyInput[];
  contractSignatures: Prisma.ContractSignatureCreateManyInput[];
  deliverables: Prisma.DeliverableCreateManyInput[];
  deliverableVersions: Prisma.DeliverableVersionCreateManyInput[];
  partnershipPayments: Prisma.PartnershipPaymentCreateManyInput[];
  partnershipPaymentDeliverables: Prisma.PartnershipPaymentDeliverableCreateManyInput[];
  activityLogs: Prisma.ActivityLogCreateManyInput[];
  disputes: Prisma.DisputeCreateManyInput[];
}

const SIGNING_CLIENTS: Record<"creator" | "brand", { ipAddress: string; userAgent: string }> = {
  creator: {
    ipAddress: "105.163.12.44",
    userAgent:
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  },
  brand: {
    ipAddress: "197.248.110.7",
    userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  },
};

function submissionUrl(rng: Rng, type: string, handle: string): string {
  const token = (n: number, alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") =>
    Array.from({ length: n }, () => alphabet[rng.int(0, alphabet.length - 1)]).join("");
  if (type === "instagram_reel") return `https://www.instagram.com/reel/${token(11)}/`;
  if (type.startsWith("instagram")) return `https://www.instagram.com/p/${token(11)}/`;
  if (type === "tiktok_video") return `https://www.tiktok.com/@${handle}/video/${token(19, "0123456789")}`;
  if (type === "youtube_video") return `https://youtu.be/${token(11)}`;
  return `https://${handle.replace(/\W/g, "")}.blog.example/posts/${token(8, "abcdefghijklmnopqrstuvwxyz")}`;
}

export async function seedCreatorEconomy(db: PrismaClient, accounts: Accounts, anchor: Date, counts: Counts): Promise<void> {
  const rows = await buildCreatorRows(accounts, anchor);
  const insert = async <T>(table: string, data: T[], fn: (batch: T[]) => Promise<{ count: number }>) =>
    addCount(counts, table, await createInBatches(data, fn));
  await insert("campaigns", rows.campaigns, (data) => db.campaign.createMany({ data, skipDuplicates: true }));
  // Counter-proposals reference the proposal they counter, so originals go first.
  await insert(
    "proposals",
    rows.proposals.filter((p) => !p.counterOfId),
    (data) => db.proposal.createMany({ data, skipDuplicates: true }),
  );
  await insert(
    "proposals",
    rows.proposals.filter((p) => p.counterOfId),
    (data) => db.proposal.createMany({ data, skipDuplicates: true }),
  );
  await insert("proposal_events", rows.proposalEvents, (data) => db.proposalEvent.createMany({ data, skipDuplicates: true }));
  await insert("partnerships", rows.partnerships, (data) => db.partnership.createMany({ data, skipDuplicates: true }));
  await insert("contracts", rows.contracts, (data) => db.contract.createMany({ data, skipDuplicates: true }));
  await insert("contract_signatures", rows.contractSignatures, (data) => db.contractSignature.createMany({ data, skipDuplicates: true }));
  await insert("deliverables", rows.deliverables, (data) => db.deliverable.createMany({ data, skipDuplicates: true }));
  await insert("deliverable_versions", rows.deliverableVersions, (data) =>
    db.deliverableVersion.createMany({ data, skipDuplicates: true }),
  );
  await insert("partnership_payments", rows.partnershipPayments, (data) =>
    db.partnershipPayment.createMany({ data, skipDuplicates: true }),
  );
  await insert("partnership_payment_deliverables", rows.partnershipPaymentDeliverables, (data) =>
    db.partnershipPaymentDeliverable.createMany({ data, skipDuplicates: true }),
  );
  await insert("activity_logs", rows.activityLogs, (data) => db.activityLog.createMany({ data, skipDuplicates: true }));
  await insert("disputes", rows.disputes, (data) => db.dispute.createMany({ data, skipDuplicates: true }));
  // Each released payment's payout, paid when it was released: by M-Pesa to a creator paid that way
  // when the payment is in shillings (M-Pesa pays KES only), otherwise to their Stripe connected account.
  await db.$executeRaw`
    INSERT INTO payouts (payment_id, partnership_id, creator_id, method, destination, amount_minor, currency, status, sandbox,
                         attempt_ref, provider_ref, attempts, requested_at, paid_at, updated_at)
    SELECT p.id, p.partnership_id, pa.creator_id,
           CASE WHEN cp.payout_method = 'mpesa' AND p.currency = 'KES' THEN 'mpesa' ELSE 'stripe' END::"PayoutMethod",
           CASE WHEN cp.payout_method = 'mpesa' AND p.currency = 'KES' THEN ltrim(cp.mpesa_phone, '+') ELSE cp.stripe_account_id END,
           p.amount_minor - p.refunded_minor, p.currency, 'paid', true,
           'release_' || p.id::text, p.provider_transfer, 1, p.paid_at, p.paid_at, p.paid_at
      FROM partnership_payments p
      JOIN partnerships pa ON pa.id = p.partnership_id
      JOIN creator_profiles cp ON cp.user_id = pa.creator_id
     WHERE p.status = 'completed'
    ON CONFLICT (payment_id) DO NOTHING`;
  // The escrow ledger's entries for the demo's funded and released payments, as the services would have written them.
  await db.$queryRaw`SELECT record_missing_escrow_entries()::int AS written`;
}

async function buildCreatorRows(accounts: Accounts, anchor: Date): Promise<CreatorRows> {
  const rows: CreatorRows = {
    campaigns: [],
    proposals: [],
    proposalEvents: [],
    partnerships: [],
    contracts: [],
    contractSignatures: [],
    deliverables: [],
    deliverableVersions: [],
    partnershipPayments: [],
    partnershipPaymentDeliverables: [],
    disputes: [],
    activityLogs: [],
  };
  const user = (k: AccountKey) => accounts.users[k];
  // Creator-economy times are spread over working hours (EAT) relative to the anchor.
  const at = (days: number, hour = 10) => {
    const t = new Date(anchor.getTime() + Math.floor(days) * DAY + (hour - 3) * HOUR + Math.round((days - Math.floor(days)) * 8) * HOUR);
    return t.getTime() < anchor.getTime() ? t : new Date(anchor.getTime() - 30 * MINUTE);
  };
  const day = (days: number) => new Date(anchor.getTime() + Math.round(days) * DAY + 9 * HOUR);

  const campaignIds = new Map<string, string>();
  for (const c of CAMPAIGNS) {
    const id = seedId(`campaign:${c.key}`);
    campaignIds.set(c.key, id);
    rows.campaigns.push({
      id,
      brandId: user(c.brand).id,
      name: c.name,
      description: c.description,
      status: c.status,
      budgetMinor: BigInt(c.budgetUsd * 100),
      currency: "USD",
      startDate: addDays(anchor, c.startDays),
      endDate: addDays(anchor, c.endDays),
      createdAt: at(Math.min(c.startDays - 20, -1)),
    });
  }

  const proposalIds = new Map(SCENARIOS.map((s) => [s.key, seedId(`proposal:${s.key}`)]));
  for (const s of SCENARIOS) {
    const id = proposalIds.get(s.key)!;
    const brandKey = (isBrand(s.from) ? s.from : s.to) as BrandKey;
    const creatorKey = (isBrand(s.from) ? s.to : s.from) as CreatorKey;
    const deliverables = s.deliverables.map(([i, due]) => ({ ...DELIVERABLES[brandKey][i]!, dueDate: day(due).toISOString() }));
    const createdAt = at(s.createdDays);
    const sentAt = s.sentAfter !== undefined ? new Date(createdAt.getTime() + s.sentAfter * DAY) : null;
    const viewedAt = sentAt && s.viewedAfter !== undefined ? new Date(sentAt.getTime() + s.viewedAfter * DAY) : null;
    const respondedAt = s.respondedDays !== undefined ? at(s.respondedDays, 15) : null;
    const amountMinor = BigInt(s.amountUsd * 100);
    const terms = TERMS[brandKey];
    const paymentSchedule = "50% upfront, 50% on completion";
    // Stored as the API stores it: the schedule read into its plan.
    const paymentPlan = planJson(
      parsePaymentPlan(paymentSchedule, { totalMinor: amountMinor, currency: "USD", deliverableCount: deliverables.length }),
    ) as unknown as Prisma.InputJsonArray;
    const updatedAt = respondedAt ?? viewedAt ?? sentAt ?? (s.status === "draft" ? new Date(createdAt.getTime() + 20 * HOUR) : createdAt);

    rows.proposals.push({
      id,
      senderId: user(s.from).id,
      recipientId: user(s.to).id,
      campaignId: s.campaign ? campaignIds.get(s.campaign)! : null,
      counterOfId: s.counterOf ? proposalIds.get(s.counterOf)! : null,
      status: s.status,
      deliverables,
      amountMinor,
      currency: "USD",
      paymentSchedule,
      paymentPlan,
      startDate: day(s.startDays),
      endDate: day(s.endDays),
      terms,
      rejectionReason: s.rejectionReason ?? null,
      sentAt,
      respondedAt,
      createdAt,
      updatedAt: updatedAt.getTime() < anchor.getTime() ? updatedAt : createdAt,
    });

    // Proposal history: who did what, in order.
    const events: Array<{ action: Prisma.ProposalEventCreateManyInput["action"]; by: PartyKey; at: Date; note?: string }> = [
      { action: "created", by: s.from, at: createdAt, note: s.counterOf ? "Counter-proposal" : undefined },
    ];
    if (sentAt) events.push({ action: "sent", by: s.from, at: sentAt });
    if (viewedAt && viewedAt < anchor) events.push({ action: "viewed", by: s.to, at: viewedAt });
    if (respondedAt && s.status === "accepted") events.push({ action: "accepted", by: s.to, at: respondedAt });
    if (respondedAt && s.status === "rejected") events.push({ action: "rejected", by: s.to, at: respondedAt, note: s.rejectionReason });
    if (respondedAt && s.status === "countered") {
      const counter = SCENARIOS.find((x) => x.counterOf === s.key);
      events.push({ action: "countered", by: s.to, at: respondedAt, note: counter?.counterNote });
    }
    events.forEach((e, i) => {
      rows.proposalEvents.push({
        id: seedId(`proposal:${s.key}:event:${i}`),
        proposalId: id,
        userId: user(e.by).id,
        action: e.action,
        note: e.note ?? null,
        occurredAt: e.at,
      });
    });

    if (s.status === "accepted" && s.stage && respondedAt) {
      await addPartnership(rows, accounts, anchor, s, {
        proposalId: id,
        brandKey,
        creatorKey,
        campaign: s.campaign ? CAMPAIGNS.find((c) => c.key === s.campaign)! : null,
        campaignId: s.campaign ? campaignIds.get(s.campaign)! : null,
        acceptedAt: respondedAt,
        deliverables,
        amountMinor,
        paymentSchedule,
        paymentPlan,
        terms,
      });
    }
  }
  return rows;
}

interface AcceptedProposal {
  proposalId: string;
  brandKey: BrandKey;
  creatorKey: CreatorKey;
  campaign: CampaignSpec | null;
  campaignId: string | null;
  acceptedAt: Date;
  deliverables: Array<DeliverableTemplate & { dueDate: string }>;
  amountMinor: bigint;
  paymentSchedule: string;
  paymentPlan: Prisma.InputJsonArray;
  terms: Prisma.InputJsonObject;
}

async function addPartnership(
  rows: CreatorRows,
  accounts: Accounts,
  anchor: Date,
  s: ProposalScenario,
  p: AcceptedProposal,
): Promise<void> {
  const stage = s.stage!;
  const key = `partnership:${s.key}`;
  const id = seedId(key);
  const rng = rngFor(key);
  const brand = accounts.users[p.brandKey];
  const creator = accounts.users[p.creatorKey];
  const handle = accounts.creatorHandle[p.creatorKey];
  const company = accounts.brandCompany[p.brandKey];
  const money = (minor: bigint) => `USD ${toMajor(minor).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  const order = ["accepted", "contract_sent", "signed_one", "contract_active", "in_escrow", "completed"] as const;
  const reached = (x: (typeof order)[number]) =>
    stage === "terminated" || stage === "disputed" || stage === "split"
      ? x !== "in_escrow" && x !== "completed"
      : order.indexOf(stage) >= order.indexOf(x);
  const before = (t: Date) => t.getTime() < anchor.getTime() - 10 * MINUTE;

  const logs: Array<{ type: string; by: string; at: Date; description: string; metadata?: Prisma.InputJsonObject }> = [];
  const log = (type: string, by: string, at: Date, description: string, metadata?: Prisma.InputJsonObject) => {
    if (!before(at)) throw new Error(`Activity ${type} for ${s.key} is not before the anchor`);
    logs.push({ type, by, at, description, metadata });
  };
  log(
    "proposal_accepted",
    p.creatorKey === s.to ? creator.id : brand.id,
    p.acceptedAt,
    `${p.creatorKey === s.to ? creator.name : company} accepted the proposal`,
    { proposalId: p.proposalId },
  );

  // Payment schedule: half up front, half on completion, the final one tied to every deliverable.
  const initialAmount = p.amountMinor / 2n;
  const finalAmount = p.amountMinor - initialAmount;
  const proposalStart = rows.proposals.find((x) => x.id === p.proposalId)!;
  const partnershipStart = new Date(proposalStart.startDate as Date);
  const partnershipEnd = new Date(proposalStart.endDate as Date);
  const initial = {
    type: "initial" as const,
    amount: initialAmount,
    description: "Upfront payment (50%) on contract activation",
    dueDate: partnershipStart,
  };
  const final = {
    type: "final" as const,
    amount: finalAmount,
    description: "Final payment (50%) on approval of all deliverables",
    dueDate: partnershipEnd,
  };
  const payments = [initial, final];

  // Deliverables copied from the proposal.
  const deliverableIds = p.deliverables.map((_, i) => seedId(`${key}:deliverable:${i}`));
  const deliverableRows: Prisma.DeliverableCreateManyInput[] = p.deliverables.map((d, i) => ({
    id: deliverableIds[i]!,
    partnershipId: id,
    position: i,
    type: d.type,
    description: d.description,
    requirements: d.requirements,
    dueDate: new Date(d.dueDate),
    status: "pending",
    createdAt: p.acceptedAt,
    updatedAt: p.acceptedAt,
  }));
  const versionRows: Prisma.DeliverableVersionCreateManyInput[] = [];

  // Contract.
  const contractId = seedId(`${key}:contract`);
  const generatedAt = new Date(p.acceptedAt.getTime() + 20 * HOUR);
  let contractStatus: Prisma.ContractCreateManyInput["status"] = "sent";
  let contractUpdated = generatedAt;
  const signatures: Array<{ role: "creator" | "brand"; at: Date }> = [];
  if (reached("contract_sent")) {
    const input: ContractDocumentInput = {
      partnershipId: id,
      contractId,
      generatedAt,
      brand: { name: brand.name, organization: company, email: brand.email },
      creator: { name: creator.name, handle, email: creator.email },
      campaign: p.campaign ? { name: p.campaign.name, description: p.campaign.description } : null,
      deliverables: p.deliverables.map((d) => ({
        type: d.type,
        description: d.description,
        dueDate: d.dueDate,
        requirements: d.requirements,
      })),
      compensation: { amountMinor: p.amountMinor, currency: "USD", paymentSchedule: p.paymentSchedule },
      payments: payments.map((x) => ({
        type: x.type,
        amountMinor: x.amount,
        currency: "USD",
        dueDate: x.dueDate,
        description: x.description,
      })),
      timeline: { startDate: partnershipStart, endDate: partnershipEnd },
      terms: p.terms as ContractDocumentInput["terms"],
      reviewWindowDays: REVIEW_WINDOW_DAYS.default,
    };
    const document = await renderContractDocument(input);
    const documentSha256 = createHash("sha256").update(document).digest("hex");
    const brandClient = SIGNING_CLIENTS.brand;
    log("contract_generated", brand.id, generatedAt, "Contract generated as a draft", {
      contractId,
      documentSha256,
      reviewWindowDays: REVIEW_WINDOW_DAYS.default,
      role: "brand",
      ...brandClient,
      // Kept as the API keeps it, so the signed document repeats what was sent.
      documentInput: documentInputSnapshot(input) as Prisma.InputJsonObject,
    });
    const sentAt = new Date(generatedAt.getTime() + 5 * MINUTE);
    log("contract_sent", brand.id, sentAt, "Contract sent to both parties for signature", {
      contractId,
      documentSha256,
      role: "brand",
      ...brandClient,
    });
    contractUpdated = sentAt;

    if (reached("signed_one")) {
      const first = s.firstSigner ?? "creator";
      const second = first === "creator" ? "brand" : "creator";
      signatures.push({ role: first, at: new Date(generatedAt.getTime() + (1 + rng.int(0, 20)) * HOUR) });
      contractStatus = first === "creator" ? "signed_creator" : "signed_brand";
      if (reached("contract_active")) {
        signatures.push({ role: second, at: new Date(signatures[0]!.at.getTime() + (3 + rng.int(0, 20)) * HOUR) });
        contractStatus = "active";
      }
    }
    for (const sig of signatures) {
      const signer = sig.role === "creator" ? creator : brand;
      rows.contractSignatures.push({
        id: seedId(`${key}:signature:${sig.role}`),
        contractId,
        userId: signer.id,
        role: sig.role,
        decision: "signed",
        fullName: signer.name,
        consentText: CONSENT_TEXT,
        signedAt: sig.at,
        ...SIGNING_CLIENTS[sig.role],
      });
      log(
        "contract_signed",
        signer.id,
        sig.at,
        `${sig.role === "creator" ? creator.name : `${brand.name} (${company})`} signed the contract`,
        { contractId, role: sig.role },
      );
      contractUpdated = sig.at;
    }
    let activation: { activatedAt: Date; signedDocument: Uint8Array<ArrayBuffer>; signedDocumentSha256: string } | null = null;
    if (contractStatus === "active") {
      const activeAt = new Date(contractUpdated.getTime() + MINUTE);
      const signer = (role: "creator" | "brand") => (role === "creator" ? creator : brand);
      // The signed document as the API issues it: both signature blocks and the audit certificate.
      const signedDocument = await renderContractDocument({
        ...input,
        signatures: signatures.map((sig) => ({
          role: sig.role,
          name: signer(sig.role).name,
          signedAt: sig.at,
          ...SIGNING_CLIENTS[sig.role],
        })),
        audit: {
          contractId,
          sentDocumentSha256: documentSha256,
          consentText: CONSENT_TEXT,
          verifyPath: VERIFY_PATH,
          events: [
            { event: "Generated", at: generatedAt, by: `${brand.name} (brand)`, ...brandClient },
            { event: "Sent for signature", at: sentAt, by: `${brand.name} (brand)`, ...brandClient },
            ...signatures.map((sig) => ({
              event: `Signed by the ${sig.role}`,
              at: sig.at,
              by: `${signer(sig.role).name} (typed name; account ${signer(sig.role).name})`,
              ...SIGNING_CLIENTS[sig.role],
            })),
            { event: "Activated: signed by both parties", at: activeAt, by: null },
          ],
        },
      });
      activation = {
        activatedAt: activeAt,
        signedDocument: new Uint8Array(signedDocument),
        signedDocumentSha256: createHash("sha256").update(signedDocument).digest("hex"),
      };
      log(
        "contract_activated",
        signatures[1]!.role === "creator" ? creator.id : brand.id,
        activeAt,
        "Contract fully signed; the partnership is active",
        { contractId },
      );
    }
    rows.contracts.push({
      id: contractId,
      partnershipId: id,
      status: contractStatus,
      reviewWindowDays: REVIEW_WINDOW_DAYS.default,
      document: new Uint8Array(document),
      documentSha256,
      sentAt,
      ...(activation ?? {}),
      createdAt: generatedAt,
      updatedAt: contractUpdated,
    });
  }

  // Escrow payments and deliverable work, by stage.
  const paymentIds = { initial: seedId(`${key}:payment:initial`), final: seedId(`${key}:payment:final`) };
  const paymentRows: Record<"initial" | "final", Prisma.PartnershipPaymentCreateManyInput> = {
    initial: {
      id: paymentIds.initial,
      partnershipId: id,
      type: "initial",
      trigger: "on_signing",
      percent: 50,
      position: 1,
      amountMinor: initialAmount,
      currency: "USD",
      status: "pending",
      description: initial.description,
      dueDate: initial.dueDate,
      createdAt: p.acceptedAt,
      updatedAt: p.acceptedAt,
    },
    final: {
      id: paymentIds.final,
      partnershipId: id,
      type: "final",
      trigger: "on_completion",
      percent: 50,
      position: 2,
      amountMinor: finalAmount,
      currency: "USD",
      status: "pending",
      description: final.description,
      dueDate: final.dueDate,
      createdAt: p.acceptedAt,
      updatedAt: p.acceptedAt,
    },
  };
  const hex = (k: string) => seedId(k).replaceAll("-", "").slice(0, 24);
  const fund = (kind: "initial" | "final", initiatedAt: Date) => {
    const row = paymentRows[kind];
    const fundedAt = new Date(initiatedAt.getTime() + (2 + rng.int(0, 8)) * MINUTE);
    Object.assign(row, {
      status: "in_progress",
      providerPaymentIntent: `pi_demo_${hex(`${key}:pi:${kind}`)}`,
      initiatedAt,
      fundedAt,
      updatedAt: fundedAt,
    });
    log("payment_initiated", brand.id, initiatedAt, `${company} initiated the ${kind} payment of ${money(row.amountMinor as bigint)}`, {
      paymentId: row.id,
      amountMinor: Number(row.amountMinor),
      currency: "USD",
    });
    log(
      "payment_funded",
      brand.id,
      fundedAt,
      `${kind === "initial" ? "Initial" : "Final"} payment of ${money(row.amountMinor as bigint)} is held in escrow`,
      { paymentId: row.id },
    );
    return fundedAt;
  };
  const release = (kind: "initial" | "final", paidAt: Date) => {
    const row = paymentRows[kind];
    Object.assign(row, { status: "completed", providerTransfer: `tr_demo_${hex(`${key}:tr:${kind}`)}`, paidAt, updatedAt: paidAt });
    log("payment_released", brand.id, paidAt, `${money(row.amountMinor as bigint)} released to ${creator.name}`, {
      paymentId: row.id,
      transfer: row.providerTransfer as string,
    });
  };
  const versionsOf = (i: number) => versionRows.filter((v) => v.deliverableId === deliverableRows[i]!.id);
  const answer = (i: number, outcome: "approved" | "changes_requested", feedback: string, reviewedAt: Date) =>
    Object.assign(versionsOf(i).at(-1)!, { outcome, feedback, reviewedById: brand.id, reviewedAt });
  const submit = (i: number, submittedAt: Date) => {
    const d = deliverableRows[i]!;
    Object.assign(d, {
      status: "submitted",
      submittedAt,
      submissionUrl: submissionUrl(rng, d.type, handle),
      notes: "Posted and live; analytics screenshot attached.",
      updatedAt: submittedAt,
    });
    const number = versionsOf(i).length + 1;
    versionRows.push({
      id: seedId(`${key}:deliverable:${i}:version:${number}`),
      deliverableId: d.id as string,
      number,
      submittedById: creator.id,
      link: d.submissionUrl as string,
      notes: d.notes as string,
      submittedAt,
    });
    log("deliverable_submitted", creator.id, submittedAt, `${creator.name} submitted "${d.description}"`, {
      deliverableId: d.id as string,
      position: i,
    });
  };
  const approve = (i: number, approvedAt: Date) => {
    const d = deliverableRows[i]!;
    Object.assign(d, { status: "approved", approvedAt, feedback: d.feedback ?? "Approved - thank you!", updatedAt: approvedAt });
    answer(i, "approved", d.feedback as string, approvedAt);
    log("deliverable_approved", brand.id, approvedAt, `${company} approved "${d.description}"`, {
      deliverableId: d.id as string,
      position: i,
    });
  };
  const due = (i: number) => new Date(Date.parse(p.deliverables[i]!.dueDate));
  const activeAt = signatures.length === 2 ? new Date(signatures[1]!.at.getTime() + 2 * MINUTE) : null;

  let partnershipStatus: Prisma.PartnershipCreateManyInput["status"] = "active";
  let completedAt: Date | null = null;
  let termination: Pick<Prisma.PartnershipCreateManyInput, "terminatedAt" | "terminationReason" | "terminatedById"> = {};
  let updatedAt = logs[logs.length - 1]!.at;

  if (stage === "in_escrow") {
    fund("initial", new Date(activeAt!.getTime() + 3 * HOUR));
    submit(0, new Date(due(0).getTime() - 1 * DAY + 4 * HOUR));
    submit(1, new Date(due(1).getTime() - 6 * HOUR));
    deliverableRows[2]!.status = "in_progress";
  }
  if (stage === "completed") {
    const funded = fund("initial", new Date(activeAt!.getTime() + 2 * HOUR));
    release("initial", new Date(funded.getTime() + 1 * DAY));
    p.deliverables.forEach((_, i) => {
      const submittedAt = new Date(due(i).getTime() - 2 * DAY + 3 * HOUR);
      submit(i, submittedAt);
      if (i === 1) {
        // One round of revisions, as the terms allow.
        const d = deliverableRows[i]!;
        const requested = new Date(submittedAt.getTime() + 20 * HOUR);
        Object.assign(d, {
          status: "in_progress",
          feedback: "Please show the product in the first frame and add the #ad disclosure to the caption.",
          revisionCount: 1,
        });
        answer(i, "changes_requested", d.feedback as string, requested);
        log("deliverable_revision_requested", brand.id, requested, `${company} requested changes to "${d.description}"`, {
          deliverableId: d.id as string,
        });
        submit(i, new Date(requested.getTime() + 1 * DAY));
        d.feedback = "Thanks for the quick fix - approved.";
        approve(i, new Date(requested.getTime() + 2 * DAY));
      } else {
        approve(i, new Date(submittedAt.getTime() + 26 * HOUR));
      }
    });
    const lastApproved = new Date(Math.max(...deliverableRows.map((d) => (d.approvedAt as Date).getTime())));
    const finalFunded = fund("final", new Date(lastApproved.getTime() + 3 * HOUR));
    release("final", new Date(finalFunded.getTime() + 4 * HOUR));
    completedAt = new Date(finalFunded.getTime() + 5 * HOUR);
    log("partnership_completed", brand.id, completedAt, "All deliverables approved and all payments released; partnership completed");
    partnershipStatus = "completed";
  }
  if (stage === "terminated") {
    const funded = fund("initial", new Date(activeAt!.getTime() + 2 * HOUR));
    release("initial", new Date(funded.getTime() + 1 * DAY));
    const submittedAt = new Date(due(0).getTime() - 1 * DAY);
    submit(0, submittedAt);
    const d = deliverableRows[0]!;
    const rejectedAt = new Date(submittedAt.getTime() + 1 * DAY);
    Object.assign(d, {
      status: "rejected",
      feedback: "The video does not feature the products listed in the brief; please reshoot.",
      updatedAt: rejectedAt,
    });
    log("deliverable_rejected", brand.id, rejectedAt, `${company} rejected "${d.description}"`, { deliverableId: d.id as string });
    const terminatedAt = new Date(rejectedAt.getTime() + 8 * DAY);
    const reason = "The creator could not deliver within the campaign window";
    // As termination does it (apply-termination.ts): the unfunded final payment cancelled, unfinished work rejected.
    Object.assign(paymentRows.final, { status: "cancelled", cancelledAt: terminatedAt, updatedAt: terminatedAt });
    const cancelled = `${money(paymentRows.final.amountMinor as bigint)} payment cancelled: the partnership was terminated`;
    log("payment_cancelled", brand.id, terminatedAt, cancelled, { paymentId: paymentRows.final.id as string });
    for (const row of deliverableRows.filter((x) => x.status !== "approved" && x.status !== "rejected")) {
      Object.assign(row, { status: "rejected", feedback: `Partnership terminated: ${reason}`, updatedAt: terminatedAt });
    }
    log("partnership_terminated", brand.id, terminatedAt, `Partnership terminated: ${reason}`, { reason });
    termination = { terminatedAt, terminationReason: reason, terminatedById: brand.id };
    partnershipStatus = "terminated";
    const contract = rows.contracts.find((c) => c.id === contractId)!;
    contract.status = "terminated";
    contract.terminatedAt = terminatedAt;
    contract.updatedAt = terminatedAt;
  }
  if (stage === "disputed") {
    // The creator disputes a third round of changes; the final payment stays in escrow and the review clock stops.
    const funded = fund("initial", new Date(activeAt!.getTime() + 2 * HOUR));
    release("initial", new Date(funded.getTime() + 1 * DAY));
    submit(0, new Date(due(0).getTime() - 1 * DAY));
    approve(0, new Date(due(0).getTime() + 2 * HOUR));
    fund("final", new Date(due(0).getTime() + 6 * HOUR));
    const d = deliverableRows[1]!;
    const firstSubmission = new Date(due(1).getTime() - 3 * DAY);
    submit(1, firstSubmission);
    const requested = new Date(firstSubmission.getTime() + 12 * HOUR);
    answer(1, "changes_requested", "Please open on the product and keep the reel under 30 seconds.", requested);
    log("deliverable_revision_requested", brand.id, requested, `${company} requested changes to "${d.description}"`, {
      deliverableId: d.id as string,
    });
    const resubmitted = new Date(requested.getTime() + 20 * HOUR);
    submit(1, resubmitted);
    Object.assign(d, { revisionCount: 1, reviewDeadlineAt: new Date(resubmitted.getTime() + REVIEW_WINDOW_DAYS.default * DAY) });
    const openedAt = new Date(resubmitted.getTime() + 18 * HOUR);
    const reason = "A third round of changes was asked for after the revision the terms allow; the resubmitted reel follows the brief.";
    d.reviewPausedAt = openedAt;
    rows.disputes.push({
      id: seedId(`${key}:dispute`),
      partnershipId: id,
      deliverableId: d.id as string,
      openedById: creator.id,
      reason,
      evidenceUrls: [d.submissionUrl as string, "https://docs.example/glow-serum-brief.pdf"],
      status: "open",
      createdAt: openedAt,
      updatedAt: openedAt,
    });
    log("dispute_opened", creator.id, openedAt, `${creator.name} opened a dispute on "${d.description}": ${reason}`, {
      disputeId: seedId(`${key}:dispute`),
      deliverableId: d.id as string,
      reason,
    });
  }
  if (stage === "split") {
    // The brand disputed the upfront payment after weeks without word; an admin split it, and the work went on.
    const admin = accounts.users.admin;
    const row = paymentRows.initial;
    const fundedAt = fund("initial", new Date(activeAt!.getTime() + 3 * HOUR));
    const openedAt = new Date(fundedAt.getTime() + 10 * DAY);
    const resolvedAt = new Date(openedAt.getTime() + 4 * DAY);
    const amountMinor = row.amountMinor as bigint;
    const refundMinor = (amountMinor * 40n) / 100n;
    const creatorMinor = amountMinor - refundMinor;
    const reason = "No draft or update for ten days after the upfront payment, despite three messages.";
    const note = "The creator was ill for a week and told the brand late; 60% of the upfront payment covers the preparation done.";
    Object.assign(row, {
      status: "completed",
      refundedMinor: refundMinor,
      providerRefund: `re_demo_${hex(`${key}:re:initial`)}`,
      refundedAt: resolvedAt,
      providerTransfer: `tr_demo_${hex(`${key}:tr:initial`)}`,
      paidAt: resolvedAt,
      updatedAt: resolvedAt,
    });
    rows.disputes.push({
      id: seedId(`${key}:dispute`),
      partnershipId: id,
      paymentId: row.id as string,
      openedById: brand.id,
      reason,
      evidenceUrls: ["https://mail.example/thread/glow-serum-tutorial"],
      status: "resolved",
      outcome: "split",
      creatorAmountMinor: creatorMinor,
      refundAmountMinor: refundMinor,
      resolutionNote: note,
      resolvedById: admin.id,
      resolvedAt,
      createdAt: openedAt,
      updatedAt: resolvedAt,
    });
    const disputeId = seedId(`${key}:dispute`);
    log("dispute_opened", brand.id, openedAt, `${brand.name} opened a dispute on the initial payment of ${money(amountMinor)}: ${reason}`, {
      disputeId,
      paymentId: row.id as string,
      reason,
    });
    log("payment_refunded", admin.id, resolvedAt, `${money(refundMinor)} refunded to the brand by the dispute's resolution`, {
      paymentId: row.id as string,
      disputeId,
    });
    log("payment_released", admin.id, resolvedAt, `${money(creatorMinor)} released to the creator by the dispute's resolution`, {
      paymentId: row.id as string,
      disputeId,
    });
    log(
      "dispute_resolved",
      admin.id,
      resolvedAt,
      `Dispute resolved (split): ${money(creatorMinor)} to the creator, ${money(refundMinor)} back to the brand. ${note}`,
      { disputeId, outcome: "split", creatorAmountMinor: creatorMinor.toString(), refundAmountMinor: refundMinor.toString(), note },
    );
    const submittedAt = new Date(due(0).getTime() - 1 * DAY);
    submit(0, submittedAt);
    approve(0, new Date(submittedAt.getTime() + 20 * HOUR));
    deliverableRows[1]!.status = "in_progress";
  }
  updatedAt = logs.reduce((t, l) => (l.at > t ? l.at : t), updatedAt);

  rows.partnerships.push({
    id,
    proposalId: p.proposalId,
    creatorId: creator.id,
    brandId: brand.id,
    campaignId: p.campaignId,
    status: partnershipStatus,
    amountMinor: p.amountMinor,
    currency: "USD",
    paymentSchedule: p.paymentSchedule,
    paymentPlan: p.paymentPlan,
    terms: p.terms,
    startDate: partnershipStart,
    endDate: partnershipEnd,
    completedAt,
    ...termination,
    createdAt: p.acceptedAt,
    updatedAt,
  });
  rows.deliverables.push(...deliverableRows);
  rows.deliverableVersions.push(...versionRows);
  rows.partnershipPayments.push(paymentRows.initial, paymentRows.final);
  for (const deliverableId of deliverableIds) rows.partnershipPaymentDeliverables.push({ paymentId: paymentIds.final, deliverableId });
  logs
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .forEach((l, i) =>
      rows.activityLogs.push({
        id: seedId(`${key}:activity:${i}`),
        partnershipId: id,
        userId: l.by,
        type: l.type,
        description: l.description,
        metadata: l.metadata,
        createdAt: l.at,
      }),
    );
}
