/** Kenyan reference data: the 47 counties with their official codes, names and places. */
import type { Rng } from "./random";

export const COUNTIES: ReadonlyArray<{ code: number; name: string }> = [
  { code: 1, name: "Mombasa" },
  { code: 2, name: "Kwale" },
  { code: 3, name: "Kilifi" },
  { code: 4, name: "Tana River" },
  { code: 5, name: "Lamu" },
  { code: 6, name: "Taita-Taveta" },
  { code: 7, name: "Garissa" },
  { code: 8, name: "Wajir" },
  { code: 9, name: "Mandera" },
  { code: 10, name: "Marsabit" },
  { code: 11, name: "Isiolo" },
  { code: 12, name: "Meru" },
  { code: 13, name: "Tharaka-Nithi" },
  { code: 14, name: "Embu" },
  { code: 15, name: "Kitui" },
  { code: 16, name: "Machakos" },
  { code: 17, name: "Makueni" },
  { code: 18, name: "Nyandarua" },
  { code: 19, name: "Nyeri" },
  { code: 20, name: "Kirinyaga" },
  { code: 21, name: "Murang'a" },
  { code: 22, name: "Kiambu" },
  { code: 23, name: "Turkana" },
  { code: 24, name: "West Pokot" },
  { code: 25, name: "Samburu" },
  { code: 26, name: "Trans Nzoia" },
  { code: 27, name: "Uasin Gishu" },
  { code: 28, name: "Elgeyo-Marakwet" },
  { code: 29, name: "Nandi" },
  { code: 30, name: "Baringo" },
  { code: 31, name: "Laikipia" },
  { code: 32, name: "Nakuru" },
  { code: 33, name: "Narok" },
  { code: 34, name: "Kajiado" },
  { code: 35, name: "Kericho" },
  { code: 36, name: "Bomet" },
  { code: 37, name: "Kakamega" },
  { code: 38, name: "Vihiga" },
  { code: 39, name: "Bungoma" },
  { code: 40, name: "Busia" },
  { code: 41, name: "Siaya" },
  { code: 42, name: "Kisumu" },
  { code: 43, name: "Homa Bay" },
  { code: 44, name: "Migori" },
  { code: 45, name: "Kisii" },
  { code: 46, name: "Nyamira" },
  { code: 47, name: "Nairobi" },
];

export type Community = "kikuyu" | "luo" | "luhya" | "kalenjin" | "kamba" | "coastal" | "somali" | "gusii" | "meru";

export interface FocusCounty {
  code: number;
  name: string;
  /** Schools per scale unit. */
  schools: number;
  /** Median monthly household income in KES. */
  medianIncomeKes: number;
  communities: ReadonlyArray<readonly [Community, number]>;
  /** Towns and neighbourhoods that schools are named after. */
  places: readonly string[];
}

/** The counties the demo schools are in. */
export const FOCUS_COUNTIES: readonly FocusCounty[] = [
  {
    code: 47, name: "Nairobi", schools: 8, medianIncomeKes: 26_000,
    communities: [["kikuyu", 30], ["luo", 16], ["luhya", 16], ["kamba", 14], ["kalenjin", 6], ["gusii", 6], ["somali", 6], ["coastal", 6]],
    places: ["Kibera", "Mathare", "Kayole", "Dandora", "Kawangware", "Embakasi", "Kariobangi", "Githurai", "Umoja", "Huruma", "Kangemi", "Mukuru", "Riruta", "Lang'ata", "Ngong Road", "Eastleigh"],
  },
  {
    code: 1, name: "Mombasa", schools: 4, medianIncomeKes: 20_000,
    communities: [["coastal", 60], ["luo", 10], ["kamba", 10], ["kikuyu", 10], ["luhya", 10]],
    places: ["Likoni", "Kisauni", "Changamwe", "Bamburi", "Mtwapa Road", "Tudor", "Majengo", "Magongo", "Shanzu", "Mikindani"],
  },
  {
    code: 3, name: "Kilifi", schools: 3, medianIncomeKes: 13_000,
    communities: [["coastal", 92], ["luo", 4], ["kamba", 4]],
    places: ["Malindi", "Watamu", "Mariakani", "Kaloleni", "Rabai", "Ganze", "Mtwapa", "Takaungu", "Gede", "Vipingo"],
  },
  {
    code: 2, name: "Kwale", schools: 3, medianIncomeKes: 12_000,
    communities: [["coastal", 92], ["kamba", 4], ["luo", 4]],
    places: ["Ukunda", "Msambweni", "Kinango", "Lunga Lunga", "Matuga", "Shimba Hills", "Diani", "Tiwi", "Kombani", "Waa"],
  },
  {
    code: 22, name: "Kiambu", schools: 4, medianIncomeKes: 24_000,
    communities: [["kikuyu", 86], ["luo", 4], ["luhya", 5], ["kamba", 5]],
    places: ["Thika", "Ruiru", "Juja", "Limuru", "Kikuyu", "Githunguri", "Gatundu", "Kiambaa", "Lari", "Karuri", "Ndumberi", "Kabete"],
  },
  {
    code: 19, name: "Nyeri", schools: 2, medianIncomeKes: 18_000,
    communities: [["kikuyu", 96], ["meru", 4]],
    places: ["Othaya", "Karatina", "Mweiga", "Mukurwe-ini", "Tetu", "Naro Moru", "Chaka", "Kiganjo"],
  },
  {
    code: 16, name: "Machakos", schools: 3, medianIncomeKes: 15_000,
    communities: [["kamba", 92], ["kikuyu", 4], ["luo", 4]],
    places: ["Athi River", "Kangundo", "Tala", "Matuu", "Masii", "Mwala", "Kathiani", "Yatta", "Mlolongo", "Kyumbi"],
  },
  {
    code: 15, name: "Kitui", schools: 2, medianIncomeKes: 11_000,
    communities: [["kamba", 97], ["meru", 3]],
    places: ["Mwingi", "Mutomo", "Kabati", "Kyuso", "Migwani", "Mutito", "Ikutha", "Zombe"],
  },
  {
    code: 12, name: "Meru", schools: 2, medianIncomeKes: 15_000,
    communities: [["meru", 90], ["kikuyu", 6], ["somali", 4]],
    places: ["Maua", "Nkubu", "Timau", "Kianjai", "Laare", "Githongo", "Kariene", "Mitunguu"],
  },
  {
    code: 32, name: "Nakuru", schools: 4, medianIncomeKes: 19_000,
    communities: [["kikuyu", 40], ["kalenjin", 36], ["luo", 8], ["luhya", 8], ["gusii", 8]],
    places: ["Naivasha", "Njoro", "Molo", "Gilgil", "Rongai", "Subukia", "Bahati", "Lanet", "Mai Mahiu", "Kuresoi", "Elburgon", "Salgaa"],
  },
  {
    code: 27, name: "Uasin Gishu", schools: 3, medianIncomeKes: 17_000,
    communities: [["kalenjin", 64], ["luhya", 14], ["kikuyu", 12], ["luo", 5], ["gusii", 5]],
    places: ["Eldoret", "Burnt Forest", "Turbo", "Moiben", "Ziwa", "Kesses", "Langas", "Kapseret", "Soy", "Huruma"],
  },
  {
    code: 35, name: "Kericho", schools: 2, medianIncomeKes: 14_000,
    communities: [["kalenjin", 88], ["gusii", 6], ["luo", 6]],
    places: ["Litein", "Londiani", "Kipkelion", "Sosiot", "Kapsoit", "Chepseon", "Fort Ternan", "Brooke"],
  },
  {
    code: 29, name: "Nandi", schools: 2, medianIncomeKes: 13_000,
    communities: [["kalenjin", 90], ["luhya", 10]],
    places: ["Kapsabet", "Nandi Hills", "Mosoriot", "Kabiyet", "Kobujoi", "Chepterit", "Lessos", "Kaiboi"],
  },
  {
    code: 42, name: "Kisumu", schools: 3, medianIncomeKes: 16_000,
    communities: [["luo", 86], ["luhya", 8], ["kikuyu", 3], ["gusii", 3]],
    places: ["Kondele", "Nyalenda", "Manyatta", "Ahero", "Maseno", "Muhoroni", "Kombewa", "Nyakach", "Obunga", "Kisian", "Awasi", "Chiga"],
  },
  {
    code: 41, name: "Siaya", schools: 2, medianIncomeKes: 11_000,
    communities: [["luo", 95], ["luhya", 5]],
    places: ["Bondo", "Ugunja", "Yala", "Usenge", "Ukwala", "Rarieda", "Sega", "Aram", "Madiany", "Akala"],
  },
  {
    code: 37, name: "Kakamega", schools: 3, medianIncomeKes: 12_000,
    communities: [["luhya", 93], ["luo", 4], ["kalenjin", 3]],
    places: ["Mumias", "Butere", "Malava", "Lurambi", "Shinyalu", "Khayega", "Navakholo", "Matungu", "Lugari", "Ikolomani"],
  },
  {
    code: 39, name: "Bungoma", schools: 2, medianIncomeKes: 11_500,
    communities: [["luhya", 92], ["kalenjin", 8]],
    places: ["Webuye", "Kimilili", "Chwele", "Sirisia", "Tongaren", "Kanduyi", "Malakisi", "Naitiri", "Bumula"],
  },
  {
    code: 45, name: "Kisii", schools: 2, medianIncomeKes: 13_000,
    communities: [["gusii", 95], ["luo", 5]],
    places: ["Ogembo", "Keroka", "Suneka", "Nyamache", "Marani", "Masimba", "Nyacheki", "Mosocho"],
  },
  {
    code: 7, name: "Garissa", schools: 2, medianIncomeKes: 10_000,
    communities: [["somali", 94], ["meru", 3], ["kamba", 3]],
    places: ["Dadaab", "Masalani", "Modogashe", "Bura", "Hulugho", "Balambala", "Iftin", "Bulla Iftin"],
  },
];

interface CommunityNames {
  /** Share of given names taken from the community's own names (the rest are Christian/English). */
  ownGivenShare: number;
  female: readonly string[];
  male: readonly string[];
  surnames: readonly string[];
  /** Surnames that follow the child's gender (e.g. Luo and Kalenjin birth names). */
  femaleSurnames?: readonly string[];
}

const CHRISTIAN_FEMALE = [
  "Faith", "Mercy", "Sharon", "Joy", "Grace", "Esther", "Ruth", "Mary", "Ann", "Jane", "Lucy", "Diana", "Purity",
  "Caroline", "Brenda", "Cynthia", "Stacy", "Beatrice", "Naomi", "Sylvia", "Winnie", "Gloria", "Irene", "Valentine",
  "Immaculate", "Cecilia", "Lilian", "Eunice", "Maureen", "Joyce", "Rose", "Vivian", "Precious", "Blessing", "Abigail",
  "Michelle", "Tabitha", "Rebecca", "Priscilla", "Janet", "Margaret", "Elizabeth", "Damaris", "Edith", "Peris",
];
const CHRISTIAN_MALE = [
  "Brian", "Kevin", "Dennis", "Collins", "Victor", "Ian", "Elvis", "Felix", "Emmanuel", "Joseph", "Peter", "John",
  "James", "David", "Samuel", "Daniel", "Stephen", "Moses", "Allan", "Mark", "Alex", "Eric", "Ryan", "Newton",
  "Gideon", "Amos", "Caleb", "Joshua", "Hillary", "Cyrus", "Duncan", "Kelvin", "Lewis", "Bernard", "Francis",
  "Isaac", "Jacob", "Nicholas", "Patrick", "Timothy", "Vincent", "Wycliffe", "Edwin", "Morris", "Fredrick",
];
const SWAHILI_FEMALE = ["Neema", "Imani", "Zawadi", "Amani", "Furaha", "Tumaini", "Pendo", "Upendo", "Rehema", "Baraka"];
const SWAHILI_MALE = ["Baraka", "Imani", "Amani", "Jabari", "Tumaini", "Shujaa", "Bahati", "Faraji"];

const NAMES: Record<Community, CommunityNames> = {
  kikuyu: {
    ownGivenShare: 0.25,
    female: ["Wanjiru", "Wanjiku", "Nyambura", "Wairimu", "Njeri", "Wambui", "Wangari", "Muthoni", "Nyokabi", "Waithera", "Wangui", "Wanjugu"],
    male: ["Kamau", "Mwangi", "Njoroge", "Kariuki", "Macharia", "Gitau", "Kimani", "Mugo", "Waweru", "Ndungu", "Githinji", "Karanja"],
    surnames: ["Kamau", "Njoroge", "Mwangi", "Kariuki", "Njuguna", "Waweru", "Maina", "Gitau", "Kimani", "Ndung'u", "Githinji", "Karanja", "Mugo", "Wambugu", "Macharia", "Kinyua", "Mureithi", "Gachanja", "Njenga", "Wainaina", "Kiarie", "Muriuki"],
  },
  luo: {
    ownGivenShare: 0.2,
    female: ["Akinyi", "Atieno", "Achieng", "Adhiambo", "Awuor", "Anyango", "Auma", "Apiyo", "Aoko", "Akoth"],
    male: ["Otieno", "Ochieng", "Odhiambo", "Owino", "Omondi", "Onyango", "Ouma", "Okoth", "Oduor", "Opiyo"],
    surnames: ["Otieno", "Ochieng", "Odhiambo", "Owino", "Omondi", "Onyango", "Ouma", "Okoth", "Oduor", "Opiyo", "Okello", "Obuya", "Oloo", "Ogola", "Wasonga", "Ouko", "Otiende", "Oyugi", "Odera", "Ongeri"],
    femaleSurnames: ["Akinyi", "Atieno", "Achieng", "Adhiambo", "Awuor", "Anyango", "Auma", "Apiyo", "Aoko", "Akoth"],
  },
  luhya: {
    ownGivenShare: 0.2,
    female: ["Nafula", "Nekesa", "Naliaka", "Nasimiyu", "Nanjala", "Nabwire", "Khisa", "Nangila", "Naserian", "Namalwa"],
    male: ["Wafula", "Wekesa", "Barasa", "Simiyu", "Wanyama", "Masinde", "Wamalwa", "Khaemba", "Makokha", "Shikuku"],
    surnames: ["Wafula", "Wekesa", "Barasa", "Simiyu", "Wanyama", "Masinde", "Makokha", "Shikuku", "Khaemba", "Wamalwa", "Mukhwana", "Were", "Mulongo", "Amukoya", "Shitanda", "Lumumba", "Mmbone", "Juma", "Khamala", "Wangila"],
  },
  kalenjin: {
    ownGivenShare: 0.2,
    female: ["Chebet", "Chepkoech", "Jepkosgei", "Chelangat", "Jeptoo", "Chepngetich", "Cherono", "Jerotich", "Chepkemoi", "Jelagat"],
    male: ["Kiprop", "Kipchoge", "Kibet", "Kiplagat", "Kipkemboi", "Kiptoo", "Kipruto", "Kipkorir", "Kiprono", "Kipngeno"],
    surnames: ["Kiprop", "Rotich", "Kiptoo", "Kosgei", "Ruto", "Langat", "Koech", "Cheruiyot", "Bett", "Tanui", "Kirui", "Mutai", "Sang", "Kemboi", "Kiprotich", "Chirchir", "Keter", "Yego", "Kipkurui", "Ngetich"],
    femaleSurnames: ["Chebet", "Chepkoech", "Jepkosgei", "Chelangat", "Jeptoo", "Chepngetich", "Cherono", "Jerotich", "Chepkemoi", "Jelagat", "Rotich", "Koech", "Langat", "Bett"],
  },
  kamba: {
    ownGivenShare: 0.25,
    female: ["Mwende", "Ndinda", "Mwikali", "Kanini", "Syokau", "Mbithe", "Mumbua", "Nduku", "Ndunge", "Kavata"],
    male: ["Mutua", "Mwendwa", "Kioko", "Musyoka", "Mutiso", "Kyalo", "Mulwa", "Nzioka", "Musau", "Wambua"],
    surnames: ["Mutua", "Musyoka", "Kioko", "Mutiso", "Muthama", "Kilonzo", "Mwendwa", "Nzioka", "Wambua", "Mulwa", "Musau", "Kyalo", "Ndambuki", "Mbithi", "Muema", "Nthenge", "Kitheka", "Munyao", "Kimeu", "Mwanzia"],
  },
  coastal: {
    ownGivenShare: 0.7,
    female: ["Fatuma", "Amina", "Mwanaisha", "Zawadi", "Rehema", "Halima", "Saumu", "Mwanajuma", "Riziki", "Neema", "Kadzo", "Dama", "Sidi", "Mwanaidi", "Zuhura"],
    male: ["Hamisi", "Bakari", "Rashid", "Salim", "Juma", "Omar", "Kahindi", "Katana", "Baraka", "Swaleh", "Athumani", "Mwinyi", "Charo", "Kazungu", "Ali"],
    surnames: ["Mwinyi", "Baya", "Kahindi", "Kazungu", "Chai", "Katana", "Charo", "Ngala", "Mwamburi", "Shauri", "Omar", "Said", "Bakari", "Salim", "Hamisi", "Mohamed", "Juma", "Mwadime", "Karisa", "Tsuma", "Masha", "Kenga"],
  },
  somali: {
    ownGivenShare: 1,
    female: ["Hodan", "Fadumo", "Sahra", "Asha", "Ifrah", "Hibo", "Sagal", "Ubah", "Nasra", "Deqa", "Halima", "Amina"],
    male: ["Abdirahman", "Abdullahi", "Mohamed", "Hassan", "Ahmed", "Ibrahim", "Yusuf", "Bashir", "Farah", "Guled", "Abdi", "Osman"],
    surnames: ["Abdi", "Mohamed", "Hassan", "Ali", "Farah", "Osman", "Ibrahim", "Aden", "Hussein", "Yusuf", "Noor", "Mahamud", "Omar", "Dahir", "Gedi", "Sheikh"],
  },
  gusii: {
    ownGivenShare: 0.2,
    female: ["Moraa", "Kerubo", "Kemunto", "Bonareri", "Nyaboke", "Kwamboka", "Nyanchama", "Bochere"],
    male: ["Nyamweya", "Bosire", "Ombati", "Onsongo", "Nyakundi", "Ogeto", "Mokaya", "Momanyi"],
    surnames: ["Nyamweya", "Ondieki", "Omwenga", "Bosire", "Mokaya", "Nyakundi", "Onyancha", "Ogeto", "Ombati", "Momanyi", "Nyaberi", "Osoro", "Makori", "Ongaki", "Nyabuto", "Mogaka"],
  },
  meru: {
    ownGivenShare: 0.2,
    female: ["Kathure", "Nkatha", "Kagendo", "Karimi", "Makena", "Kawira", "Gatwiri", "Kananu"],
    male: ["Murithi", "Kirimi", "Mutuma", "Gitonga", "Kinoti", "Mwenda", "Mugambi", "Kaberia"],
    surnames: ["Murithi", "Kirimi", "Mutuma", "Gitonga", "Kinoti", "Mwenda", "Kaimenyi", "Mugambi", "Kaberia", "Muthuri", "Mbaabu", "Koome", "Ntongai", "Mutwiri"],
  },
};

export function kenyanName(rng: Rng, community: Community, gender: "female" | "male"): { firstName: string; lastName: string } {
  const names = NAMES[community];
  const own = gender === "female" ? names.female : names.male;
  let firstName: string;
  if (rng.chance(names.ownGivenShare)) firstName = rng.pick(own);
  else if (rng.chance(0.12)) firstName = rng.pick(gender === "female" ? SWAHILI_FEMALE : SWAHILI_MALE);
  else firstName = rng.pick(gender === "female" ? CHRISTIAN_FEMALE : CHRISTIAN_MALE);
  const surnames = gender === "female" && names.femaleSurnames && rng.chance(0.5) ? names.femaleSurnames : names.surnames;
  let lastName = rng.pick(surnames);
  if (lastName === firstName) lastName = rng.pick(names.surnames.filter((n) => n !== firstName));
  return { firstName, lastName };
}

const SCHOOL_KINDS: ReadonlyArray<readonly [string, number]> = [
  ["{place} Primary School", 30],
  ["{place} Comprehensive School", 8],
  ["{place} Junior School", 10],
  ["{place} Township Primary School", 5],
  ["St. {saint} {place} Primary School", 8],
  ["{place} Girls' Primary School", 3],
  ["{place} DEB Primary School", 6],
  ["{place} Muslim Primary School", 3],
  ["{place} Academy", 6],
  ["{place} Hill Primary School", 3],
];
const SAINTS = ["Mary's", "Joseph's", "Peter's", "Paul's", "Teresa's", "Francis", "Anne's", "Augustine's", "Patrick's", "Kizito"];

/** School names for one county, distinct within a scale unit. */
export function schoolNames(rng: Rng, county: FocusCounty, count: number): string[] {
  const names = new Set<string>();
  const places = rng.shuffle(county.places);
  let attempt = 0;
  while (names.size < count) {
    const place = places[attempt % places.length]!;
    let kind = rng.weighted(SCHOOL_KINDS);
    if (kind.includes("Muslim") && !["Mombasa", "Kilifi", "Kwale", "Garissa", "Nairobi"].includes(county.name)) kind = "{place} Primary School";
    const name = kind.replace("{place}", place).replace("{saint}", rng.pick(SAINTS));
    // Beyond the name space, fall back to numbered schools (as in "Kibera No. 2 Primary").
    names.add(attempt < places.length * 4 ? name : `${place} No. ${Math.floor(attempt / places.length)} Primary School`);
    attempt++;
  }
  return [...names];
}
