/** Demo accounts (all with the password `demo-password`), partner organisations and profiles. */
import { hashPassword } from "../../lib/auth/password";
import type { MemberRole, PrismaClient } from "../../lib/generated/prisma/client";
import { PARTY_SELECT, partyDetails } from "../../lib/billing/party-details";
import { addCount, type Counts } from "./bulk";
import { addDays } from "./dates";
import { seedId } from "./ids";
import type { PartnerKey, PartnerOrg } from "./partners";

export const DEMO_PASSWORD = "demo-password";

export type AccountKey =
  | "partner"
  | "partner2"
  | "partnerFinance"
  | "partnerPrograms"
  | "partnerViewer"
  | "brand"
  | "brand2"
  | "brandFinance"
  | "brandMember"
  | "creator"
  | "creator2"
  | "creatorManager"
  | "admin";

interface OrganizationSpec {
  name: string;
  type: "foundation" | "company" | "ngo";
  /** The details printed on invoices, receipts and statements. */
  legalName: string;
  address: string;
  kraPin: string;
  billingEmail: string;
  accountCode: string;
}

const ORGANIZATIONS: Record<PartnerKey, OrganizationSpec> = {
  p1: {
    name: "Elimu Bora Foundation",
    type: "foundation",
    legalName: "Elimu Bora Foundation Trust",
    address: "Elimu House, 4th Floor, Ngong Road, P.O. Box 45120-00100, Nairobi",
    kraPin: "P051423786K",
    billingEmail: "finance@elimubora.example",
    accountCode: "ELIMU",
  },
  p2: {
    name: "Jenga Tech Ltd",
    type: "company",
    legalName: "Jenga Tech Limited",
    address: "Jenga Plaza, Mombasa Road, P.O. Box 10293-00200, Nairobi",
    kraPin: "P052198765Q",
    billingEmail: "accounts@jengatech.example",
    accountCode: "JENGA",
  },
};

/** The issuer's details, set where the migration left them empty (an admin may have set others since). */
const ISSUER = {
  legalName: "Harambee Education Fund Trust",
  address: "Harambee Plaza, 7th Floor, Haile Selassie Avenue, P.O. Box 30197-00100, Nairobi",
  kraPin: "P051098347H",
  billingEmail: "accounts@harambee.example",
};

interface AccountSpec {
  key: AccountKey;
  email: string;
  name: string;
  role: "partner" | "creator" | "brand" | "admin";
  /** The partner organisation the user belongs to; brands and creators each have a one-person organisation of their own. */
  organization?: PartnerKey;
  /** A team member of that brand's or creator's organisation rather than one of their own. */
  teamOf?: "brand" | "creator";
  /** The user's role in their organisation (default owner). */
  memberRole?: MemberRole;
  /** Days before the anchor the account was created. */
  age: number;
}

const ACCOUNTS: readonly AccountSpec[] = [
  { key: "partner", email: "partner@demo.test", name: "Wanjiru Kamau", role: "partner", organization: "p1", age: 430 },
  { key: "partner2", email: "partner2@demo.test", name: "Brian Otieno", role: "partner", organization: "p2", age: 300 },
  // Elimu Bora's team: its accountant, its programme officer and a board member who only reads.
  {
    key: "partnerFinance",
    email: "finance@demo.test",
    name: "Peter Mutua",
    role: "partner",
    organization: "p1",
    memberRole: "finance",
    age: 400,
  },
  {
    key: "partnerPrograms",
    email: "programs@demo.test",
    name: "Kevin Omondi",
    role: "partner",
    organization: "p1",
    memberRole: "member",
    age: 380,
  },
  {
    key: "partnerViewer",
    email: "board@demo.test",
    name: "Mercy Chebet",
    role: "partner",
    organization: "p1",
    memberRole: "viewer",
    age: 350,
  },
  { key: "brand", email: "brand@demo.test", name: "Achieng Odhiambo", role: "brand", age: 240 },
  { key: "brand2", email: "brand2@demo.test", name: "Zawadi Mwakio", role: "brand", age: 200 },
  // Savanna Beverages' team: its marketing officer does the day-to-day work, its accountant funds and releases.
  {
    key: "brandMember",
    email: "marketing@demo.test",
    name: "Faith Wambui",
    role: "brand",
    teamOf: "brand",
    memberRole: "member",
    age: 230,
  },
  {
    key: "brandFinance",
    email: "accounts@demo.test",
    name: "Daniel Kiprop",
    role: "brand",
    teamOf: "brand",
    memberRole: "finance",
    age: 225,
  },
  { key: "creator", email: "creator@demo.test", name: "Amani Wekesa", role: "creator", age: 260 },
  { key: "creator2", email: "creator2@demo.test", name: "Njeri Mwangi", role: "creator", age: 220 },
  // Amani's talent manager, an admin of Amani's organisation: negotiates and signs for them.
  {
    key: "creatorManager",
    email: "manager@demo.test",
    name: "Joy Atieno",
    role: "creator",
    teamOf: "creator",
    memberRole: "admin",
    age: 250,
  },
  { key: "admin", email: "admin@demo.test", name: "Grace Njoroge", role: "admin", age: 500 },
];

export interface AccountUser {
  id: string;
  email: string;
  name: string;
}

export interface Accounts {
  users: Record<AccountKey, AccountUser>;
  partners: PartnerOrg[];
  brandCompany: Record<"brand" | "brand2", string>;
  creatorHandle: Record<"creator" | "creator2", string>;
}

const BRANDS = {
  brand: {
    companyName: "Savanna Beverages",
    industry: "Food & Beverage",
    website: "https://savanna-beverages.example",
    stripeCustomerId: "cus_demo_brand1",
  },
  brand2: {
    companyName: "Nuru Cosmetics",
    industry: "Beauty & Personal Care",
    website: "https://nuru-cosmetics.example",
    stripeCustomerId: "cus_demo_brand2",
  },
} as const;

const CREATORS = {
  creator: {
    handle: "amaniwekesa",
    bio: "Nairobi lifestyle and tech creator. Honest reviews, city food spots and weekend adventures around Kenya.",
    categories: ["lifestyle", "tech", "food"],
    followers: 184_300,
    engagementRate: 4.7,
    stripeAccountId: "acct_1DemoCreator1",
    // Paid through Stripe Connect, to a US connected account.
    payoutMethod: "stripe",
    payoutCountry: "US",
  },
  creator2: {
    handle: "njeri.glows",
    bio: "Skincare for melanin-rich skin, natural hair and everyday fashion, from Nairobi.",
    categories: ["beauty", "fashion", "wellness"],
    followers: 96_450,
    engagementRate: 6.2,
    stripeAccountId: "acct_1DemoCreator2",
    // Paid by M-Pesa (Stripe Connect cannot pay out to Kenya); Daraja's sandbox test number.
    payoutMethod: "mpesa",
    payoutCountry: "KE",
    mpesaPhone: "+254708374149",
  },
} as const;

/** The organisation an account acts for: its partner organisation, or for a brand or creator their own. */
function organizationOf(a: AccountSpec): string | null {
  if (a.organization) return seedId(`organization:${a.organization}`);
  if (a.teamOf) return seedId(`organization:${a.teamOf}`);
  return a.role === "brand" || a.role === "creator" ? seedId(`organization:${a.key}`) : null;
}

export async function ensureAccounts(db: PrismaClient, anchor: Date, counts: Counts, log: (msg: string) => void): Promise<Accounts> {
  const orgRows = (Object.keys(ORGANIZATIONS) as PartnerKey[]).map((key) => ({
    id: seedId(`organization:${key}`),
    name: ORGANIZATIONS[key].name,
    type: ORGANIZATIONS[key].type,
    legalName: ORGANIZATIONS[key].legalName,
    address: ORGANIZATIONS[key].address,
    kraPin: ORGANIZATIONS[key].kraPin,
    billingEmail: ORGANIZATIONS[key].billingEmail,
    accountCode: ORGANIZATIONS[key].accountCode,
    country: "KE",
    createdAt: addDays(anchor, -(ACCOUNTS.find((a) => a.organization === key)!.age + 5)),
  }));
  // Brands and creators: a one-person organisation each, named after the brand's company or the person.
  const ownOrgRows = ACCOUNTS.filter((a) => (a.role === "brand" || a.role === "creator") && !a.teamOf).map((a) => ({
    id: seedId(`organization:${a.key}`),
    name: a.role === "brand" ? BRANDS[a.key as "brand" | "brand2"].companyName : a.name,
    type: a.role === "brand" ? ("company" as const) : null,
    kind: a.role as "brand" | "creator",
    country: "KE",
    createdAt: addDays(anchor, -a.age),
  }));
  addCount(counts, "organizations", (await db.organization.createMany({ data: [...orgRows, ...ownOrgRows], skipDuplicates: true })).count);

  // Users are only ever created, never updated: an existing email keeps its password and profile.
  const emails = ACCOUNTS.map((a) => a.email);
  const existing = new Set((await db.user.findMany({ where: { email: { in: emails } }, select: { email: true } })).map((u) => u.email));
  const missing = ACCOUNTS.filter((a) => !existing.has(a.email));
  const hashes = await Promise.all(missing.map(() => hashPassword(DEMO_PASSWORD)));
  const created = await db.user.createMany({
    data: missing.map((a, i) => {
      const createdAt = addDays(anchor, -a.age);
      return {
        id: seedId(`user:${a.key}`),
        email: a.email,
        name: a.name,
        passwordHash: hashes[i]!,
        role: a.role,
        organizationId: organizationOf(a),
        createdAt,
        updatedAt: createdAt,
      };
    }),
    skipDuplicates: true,
  });
  addCount(counts, "users", created.count);
  const memberships = await db.membership.createMany({
    data: missing
      .filter((a) => organizationOf(a))
      .map((a) => ({
        id: seedId(`membership:${a.key}`),
        organizationId: organizationOf(a)!,
        userId: seedId(`user:${a.key}`),
        role: a.memberRole ?? "owner",
        createdAt: addDays(anchor, -a.age),
        updatedAt: addDays(anchor, -a.age),
      })),
    skipDuplicates: true,
  });
  addCount(counts, "memberships", memberships.count);

  const found = await db.user.findMany({
    where: { email: { in: emails } },
    select: { id: true, email: true, name: true, organizationId: true },
  });
  const byEmail = new Map(found.map((u) => [u.email, u]));
  const users = {} as Record<AccountKey, AccountUser>;
  for (const a of ACCOUNTS) {
    const u = byEmail.get(a.email);
    if (!u) throw new Error(`Account ${a.email} could not be created`);
    users[a.key] = { id: u.id, email: u.email, name: u.name };
  }

  await db.organization.updateMany({ where: { issuesDocuments: true, address: null, kraPin: null }, data: ISSUER });
  const issuer = await db.organization.findFirstOrThrow({ where: { issuesDocuments: true }, select: PARTY_SELECT });
  const partners: PartnerOrg[] = [];
  for (const a of ACCOUNTS) {
    // One entry per partner organisation: its owner's.
    if (!a.organization || (a.memberRole ?? "owner") !== "owner") continue;
    const organizationId = byEmail.get(a.email)!.organizationId;
    if (!organizationId) log(`warning: ${a.email} exists without an organization; seeding ${ORGANIZATIONS[a.organization].name} unlinked`);
    const id = organizationId ?? seedId(`organization:${a.organization}`);
    const payer = await db.organization.findUniqueOrThrow({ where: { id }, select: PARTY_SELECT });
    partners.push({
      key: a.organization,
      organizationId: id,
      documents: { issuerId: issuer.id, issuer: partyDetails(issuer), payer: partyDetails(payer) },
      ownerId: byEmail.get(a.email)!.id,
    });
  }

  addCount(
    counts,
    "brand_profiles",
    (
      await db.brandProfile.createMany({
        data: (["brand", "brand2"] as const).map((key) => ({ userId: users[key].id, ...BRANDS[key] })),
        skipDuplicates: true,
      })
    ).count,
  );
  addCount(
    counts,
    "creator_profiles",
    (
      await db.creatorProfile.createMany({
        data: (["creator", "creator2"] as const).map((key) => ({
          userId: users[key].id,
          ...CREATORS[key],
          categories: [...CREATORS[key].categories],
        })),
        skipDuplicates: true,
      })
    ).count,
  );

  return {
    users,
    partners,
    brandCompany: { brand: BRANDS.brand.companyName, brand2: BRANDS.brand2.companyName },
    creatorHandle: { creator: CREATORS.creator.handle, creator2: CREATORS.creator2.handle },
  };
}
