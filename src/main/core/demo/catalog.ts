/**
 * The demo's raw material: kinds of business, named stores, people, cashiers and campaign names.
 * Several names carry `&`, `<`, accents and apostrophes on purpose: clients must escape and
 * decode them correctly.
 */

/** The five campaign types the platform knows. */
export const CAMPAIGN_TYPES = ['points', 'giftcard', 'events', 'earned', 'buyx'] as const
export type CampaignType = (typeof CAMPAIGN_TYPES)[number]

/** How one kind of business trades: opening hours, weekly rhythm, basket size, what it sells. */
export interface StoreKind {
  name: string
  /** Opening and closing hour, store local time. */
  open: number
  close: number
  /** Busiest hour of the day. */
  peak: number
  /** Relative traffic Sunday..Saturday; 0 = closed that day. */
  weekly: readonly number[]
  /** Average transactions per (all-time) customer per day. */
  visitRate: number
  /** Purchase amount range in cents. */
  ticket: readonly [number, number]
  items: readonly string[]
}

export const KINDS: Record<string, StoreKind> = {
  cafe: {
    name: 'cafe',
    open: 7,
    close: 18,
    peak: 9,
    weekly: [1.3, 0.9, 0.9, 0.95, 1, 1.1, 1.4],
    visitRate: 0.08,
    ticket: [250, 1850],
    items: ['Flat white', 'Latte', 'Croissant', 'Crème brûlée', 'Tea & scone'],
  },
  bakery: {
    name: 'bakery',
    open: 6,
    close: 18,
    peak: 8,
    weekly: [0.6, 1, 1, 1, 1, 1.1, 1.5],
    visitRate: 0.07,
    ticket: [180, 2400],
    items: ['Brezel', 'Roggenbrot', 'Apfelstrudel', 'Käsekuchen', 'Brötchen'],
  },
  hardware: {
    name: 'hardware',
    open: 8,
    close: 19,
    peak: 11,
    weekly: [0, 1, 1, 1, 1, 1.1, 1.6],
    visitRate: 0.02,
    ticket: [399, 18900],
    items: ['Nuts & bolts', 'Tile spacers <3mm>', 'Paint roller', 'Drill bits'],
  },
  books: {
    name: 'books',
    open: 9,
    close: 20,
    peak: 14,
    weekly: [0.8, 0.8, 0.85, 0.9, 1, 1.2, 1.6],
    visitRate: 0.015,
    ticket: [899, 6500],
    items: ['Paperback', 'Hardback', 'Gift wrap', 'Calendar'],
  },
  gym: {
    name: 'gym',
    open: 6,
    close: 22,
    peak: 18,
    weekly: [0.7, 1.2, 1.15, 1.1, 1.05, 0.9, 0.8],
    visitRate: 0.05,
    ticket: [350, 4900],
    items: ['Protein shake', 'Day pass', 'Towel hire', 'PT session'],
  },
  restaurant: {
    name: 'restaurant',
    open: 11,
    close: 23,
    peak: 19,
    weekly: [1.2, 0.6, 0.8, 0.9, 1.1, 1.5, 1.6],
    visitRate: 0.03,
    ticket: [1250, 9800],
    items: ['Lunch menu', 'Dinner for two', 'Fish & chips', 'Dessert'],
  },
  grocery: {
    name: 'grocery',
    open: 7,
    close: 21,
    peak: 17,
    weekly: [0.7, 0.9, 0.9, 1, 1.1, 1.3, 1.5],
    visitRate: 0.04,
    ticket: [320, 12900],
    items: ['Fruit & veg', 'Cheese', 'Bread', 'Wine'],
  },
  retail: {
    name: 'retail',
    open: 10,
    close: 18,
    peak: 13,
    weekly: [0.6, 0.8, 0.8, 0.9, 1, 1.3, 1.8],
    visitRate: 0.015,
    ticket: [500, 15000],
    items: ['Bouquet', 'Gift voucher', 'Accessories', 'Seasonal special'],
  },
}

/** A store with a fixed identity; the first ones span a ~300-customer café to a ~40k chain. */
export interface NamedStore {
  label: string
  kind: keyof typeof KINDS
  size: number
  timeZone: string
}

export const NAMED_STORES: readonly NamedStore[] = [
  { label: 'Harbour Café', kind: 'cafe', size: 300, timeZone: 'Europe/London' },
  { label: 'Greenwich & Sons Hardware', kind: 'hardware', size: 6000, timeZone: 'America/New_York' },
  { label: 'Bäckerei Müller', kind: 'bakery', size: 1800, timeZone: 'Europe/Berlin' },
  { label: 'Northside Books', kind: 'books', size: 40000, timeZone: 'Australia/Sydney' },
  { label: 'Sunrise Fitness Club', kind: 'gym', size: 12000, timeZone: 'America/Los_Angeles' },
  { label: 'Masala & Co Kitchen', kind: 'restaurant', size: 2500, timeZone: 'Asia/Kolkata' },
  { label: 'Le Petit Épicier', kind: 'grocery', size: 4200, timeZone: 'Europe/Paris' },
  { label: "O'Malley's Pub", kind: 'restaurant', size: 1500, timeZone: 'Europe/Dublin' },
  { label: 'Kiwi Coast Surf & Skate', kind: 'retail', size: 800, timeZone: 'Pacific/Auckland' },
  { label: 'Ramen Ya Shinjuku', kind: 'restaurant', size: 5000, timeZone: 'Asia/Tokyo' },
  { label: 'Maple Leaf Pharmacy', kind: 'grocery', size: 9000, timeZone: 'America/Toronto' },
  { label: 'Açaí da Praia', kind: 'cafe', size: 2200, timeZone: 'America/Sao_Paulo' },
  { label: 'Peña Flamenca Tapas', kind: 'restaurant', size: 3500, timeZone: 'Europe/Madrid' },
  { label: 'Lakeside Garden Centre', kind: 'retail', size: 2600, timeZone: 'Europe/London' },
  { label: 'Desert Bloom Florist', kind: 'retail', size: 450, timeZone: 'America/Phoenix' },
  { label: 'Himalaya Trek & Gear', kind: 'retail', size: 700, timeZone: 'Asia/Kathmandu' },
  { label: 'Zürich Velo Werkstatt', kind: 'hardware', size: 1100, timeZone: 'Europe/Zurich' },
  { label: 'Windy City Bagels', kind: 'bakery', size: 3900, timeZone: 'America/Chicago' },
  { label: 'Copper Kettle Tearoom', kind: 'cafe', size: 650, timeZone: 'Europe/London' },
  { label: 'Fjord Fish & Deli', kind: 'grocery', size: 1900, timeZone: 'Europe/Oslo' },
]

/** Parts for labels beyond the named stores ("Riverside Bakery", "Old Town Books 2", ...). */
export const PLACES = ['Riverside', 'Hilltop', 'Old Town', 'Eastgate', 'Seaview', 'Market Street', 'Kingsway', 'Parkside']
export const BUSINESSES: readonly [string, keyof typeof KINDS][] = [
  ['Coffee House', 'cafe'],
  ['Bakery', 'bakery'],
  ['Hardware', 'hardware'],
  ['Books', 'books'],
  ['Fitness', 'gym'],
  ['Bistro', 'restaurant'],
  ['Deli & Grocer', 'grocery'],
  ['Gifts', 'retail'],
]
export const TIME_ZONES = [
  'Europe/London',
  'America/New_York',
  'Europe/Berlin',
  'Australia/Sydney',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Europe/Madrid',
  'America/Chicago',
  'Pacific/Auckland',
  'Asia/Singapore',
]

export const FIRST_NAMES = [
  'John',
  'Mary',
  'José',
  'Zoë',
  'Renée',
  'Begoña',
  'Jürgen',
  'Chloé',
  'Íñigo',
  'Søren',
  'Siobhán',
  'François',
  'Björn',
  'Anne & Paul',
  'Priya',
  'Wei',
  'Aisha',
  'Liam',
  'Olivia',
  'Noah',
  'Emma',
  'Mateo',
  'Sofía',
  'Lukas',
  'Hannah',
  'Kwame',
  'Yuki',
  'Fatima',
  'Tom',
  'Grace',
  'Raúl',
  'Ingrid',
]
export const LAST_NAMES = [
  'Smith',
  "O'Brien",
  "D'Angelo",
  'Müller',
  'Núñez',
  'García',
  'Nguyen',
  'Okafor',
  'Dupré',
  'Peña',
  'Schäfer',
  'Patel',
  'Kowalski',
  'Brown',
  'Johnson & Johnson',
  'Martín',
  'Ó Súilleabháin',
  'Tanaka',
  'Rossi',
  'Andersson',
  'Williams',
  'Mensah',
  'Fernández',
  'Kim',
  'Lefèvre',
  "O'Neill",
  'Jones',
]
export const CASHIERS = [
  'cashier1',
  'cashier2',
  'cashier123',
  'maria.g',
  'tom_b',
  'front-desk',
  'bar&kitchen',
  'zoë.k',
  'manager',
  'till-3',
  'saturday.staff',
]

/** Campaign names per type; the platform lets owners name campaigns freely. */
export const CAMPAIGN_NAMES: Record<CampaignType, readonly string[]> = {
  points: ['Loyalty Points', 'Points Club', 'VIP <Gold> Points'],
  giftcard: ['Gift Cards', 'eGift & Gift Cards'],
  events: ['Events & Tastings', "Members' Evenings", 'Workshops'],
  earned: ['Earned Rewards', 'Birthday Rewards'],
  buyx: ['Buy 9, Get 1 Free', 'Stamp Card', '10th Visit Free'],
}

/** Relative share of a store's transactions each campaign type tends to get. */
export const TYPE_WEIGHT: Record<CampaignType, number> = { points: 5, buyx: 4, earned: 2, giftcard: 1, events: 0.6 }
