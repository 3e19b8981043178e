/**
 * Product families a Shenzhen / Yiwu cross-border seller actually lists, with the US HTS (10-digit)
 * statistical reporting number a broker would use for each variant. Codes were chosen by hand from the
 * HTSUS for these goods; `STALE_HTS` lists codes that were valid in earlier editions (e.g. LED lamps
 * under 9405.40 before the HS 2022 split) and are used for a few products on purpose, so that
 * classification and filing features have something to flag.
 */
export type Specialty =
  | 'apparel'
  | 'cotton'
  | 'footwear'
  | 'bags'
  | 'electronics'
  | 'lighting'
  | 'toys'
  | 'sports'
  | 'kitchen'
  | 'beauty'
  | 'jewellery'
  | 'tools'
  | 'furniture'
  | 'home';

export interface Variant {
  /** Title prefix for this variant, e.g. "Women's Cotton". */
  label: string;
  hts: string;
  attributes: Record<string, string>;
  /** Price range in USD when it differs from the family's. */
  price?: [number, number];
  /** Weight range in kg when it differs from the family's. */
  weightKg?: [number, number];
}

export interface ProductFamily {
  code: string;
  noun: string;
  category: string;
  specialty: Specialty;
  /** Relative share of order lines. */
  popularity: number;
  /** Retail price range in USD. */
  price: [number, number];
  weightKg: [number, number];
  variants: Variant[];
  styles: string[];
  features: string[];
  colours?: string[];
  /** Ships by sea or rail (too heavy or large for air parcels). */
  bulky?: boolean;
  /** The variant label is the product name (the family noun is only a category). */
  labelIsName?: boolean;
}

const CLOTHING_COLOURS = ['Black', 'White', 'Navy', 'Heather Grey', 'Olive', 'Burgundy', 'Beige', 'Sky Blue'];
const GADGET_COLOURS = ['Black', 'White', 'Space Grey', 'Midnight Blue', 'Pink'];
const HOME_COLOURS = ['White', 'Grey', 'Oak', 'Walnut', 'Black', 'Sage Green'];

const apparel = (gender: string, material: string, construction: 'knit' | 'woven', extra = {}) => ({
  gender,
  material,
  construction,
  ...extra,
});

export const FAMILIES: ProductFamily[] = [
  {
    code: 'TEE',
    noun: 'T-Shirt',
    category: 'Apparel > Tops > T-Shirts',
    specialty: 'apparel',
    popularity: 9,
    price: [9, 24],
    weightKg: [0.15, 0.25],
    variants: [
      { label: "Men's Cotton", hts: '6109100012', attributes: apparel('men', '100% cotton', 'knit') },
      { label: "Women's Cotton", hts: '6109100040', attributes: apparel('women', '100% cotton', 'knit') },
      {
        label: "Men's Quick-Dry",
        hts: '6109901007',
        attributes: apparel('men', '100% polyester', 'knit'),
      },
      {
        label: "Women's Modal Blend",
        hts: '6109901050',
        attributes: apparel('women', '95% polyester, 5% spandex', 'knit'),
      },
    ],
    styles: ['Oversized', 'Slim Fit', 'Graphic Print', 'Basic Crew Neck', 'V-Neck', 'Vintage Washed'],
    features: ['Short Sleeve Summer Top', 'Casual Loose Tee', 'Breathable Everyday Shirt'],
    colours: CLOTHING_COLOURS,
  },
  {
    code: 'HOOD',
    noun: 'Hoodie',
    category: 'Apparel > Tops > Hoodies & Sweatshirts',
    specialty: 'apparel',
    popularity: 6,
    price: [19, 45],
    weightKg: [0.45, 0.7],
    variants: [
      {
        label: "Men's Cotton Fleece",
        hts: '6110202041',
        attributes: apparel('men', '80% cotton, 20% polyester', 'knit'),
      },
      { label: "Women's Cotton", hts: '6110202046', attributes: apparel('women', '100% cotton', 'knit') },
      { label: "Men's Polyester", hts: '6110303041', attributes: apparel('men', '100% polyester', 'knit') },
      {
        label: 'Unisex Sherpa-Lined',
        hts: '6110303020',
        attributes: apparel('unisex', '100% polyester', 'knit'),
      },
    ],
    styles: ['Pullover', 'Zip-Up', 'Cropped', 'Heavyweight', 'Drop Shoulder'],
    features: ['Kangaroo Pocket Sweatshirt', 'Warm Winter Hooded Top', 'Streetwear Jumper'],
    colours: CLOTHING_COLOURS,
  },
  {
    code: 'LEG',
    noun: 'Leggings',
    category: 'Apparel > Bottoms > Leggings',
    specialty: 'apparel',
    popularity: 6,
    price: [12, 29],
    weightKg: [0.18, 0.3],
    variants: [
      {
        label: "Women's High Waist",
        hts: '6104632011',
        attributes: apparel('women', '75% nylon, 25% spandex', 'knit', { use: 'yoga, gym' }),
      },
      {
        label: "Women's Fleece-Lined",
        hts: '6104632011',
        attributes: apparel('women', '92% polyester, 8% spandex', 'knit', { use: 'winter' }),
      },
    ],
    styles: ['Scrunch Butt', 'Tummy Control', 'Seamless', 'Pocketed'],
    features: ['Yoga Pants for Workout', 'Gym Running Tights', 'Stretchy Athletic Pants'],
    colours: ['Black', 'Navy', 'Dusty Pink', 'Olive', 'Charcoal'],
  },
  {
    code: 'DRS',
    noun: 'Dress',
    category: 'Apparel > Dresses',
    specialty: 'apparel',
    popularity: 5,
    price: [18, 49],
    weightKg: [0.2, 0.45],
    variants: [
      {
        label: "Women's Knit",
        hts: '6104432010',
        attributes: apparel('women', '95% polyester, 5% spandex', 'knit'),
      },
      {
        label: "Women's Chiffon",
        hts: '6204434030',
        attributes: apparel('women', '100% polyester', 'woven'),
      },
      {
        label: "Women's Cotton Linen",
        hts: '6204423050',
        attributes: apparel('women', '100% cotton', 'woven'),
      },
    ],
    styles: ['Floral Maxi', 'Bodycon', 'Wrap', 'Boho Midi', 'Smocked'],
    features: ['Summer Beach Sundress', 'Casual Party Dress', 'Flowy A-Line Dress'],
    colours: ['Black', 'Floral Blue', 'Red', 'Sage Green', 'Leopard'],
  },
  {
    code: 'SHR',
    noun: 'Shirt',
    category: 'Apparel > Tops > Shirts',
    specialty: 'apparel',
    popularity: 3,
    price: [16, 38],
    weightKg: [0.22, 0.35],
    variants: [
      { label: "Men's Cotton Oxford", hts: '6205202067', attributes: apparel('men', '100% cotton', 'woven') },
      { label: "Men's Polyester", hts: '6205302050', attributes: apparel('men', '100% polyester', 'woven') },
    ],
    styles: ['Button Down', 'Long Sleeve', 'Hawaiian', 'Casual Linen-Look'],
    features: ['Regular Fit Dress Shirt', 'Summer Vacation Shirt'],
    colours: ['White', 'Light Blue', 'Navy', 'Khaki', 'Tropical Print'],
  },
  {
    code: 'JNS',
    noun: 'Jeans',
    category: 'Apparel > Bottoms > Jeans',
    specialty: 'cotton',
    popularity: 4,
    price: [22, 49],
    weightKg: [0.55, 0.8],
    variants: [
      {
        label: "Men's Denim",
        hts: '6203424511',
        attributes: apparel('men', '98% cotton, 2% elastane', 'woven'),
      },
      {
        label: "Women's Denim",
        hts: '6204628011',
        attributes: apparel('women', '99% cotton, 1% elastane', 'woven'),
      },
    ],
    styles: ['Straight Leg', 'Skinny', 'Wide Leg', 'Ripped', 'Relaxed Fit'],
    features: ['Stretch Denim Pants', 'High Rise Jeans'],
    colours: ['Light Wash', 'Medium Wash', 'Dark Indigo', 'Black'],
  },
  {
    code: 'JKT',
    noun: 'Jacket',
    category: 'Apparel > Outerwear > Jackets',
    specialty: 'apparel',
    popularity: 3,
    price: [35, 89],
    weightKg: [0.6, 1.2],
    variants: [
      {
        label: "Men's Padded",
        hts: '6201407511',
        attributes: apparel('men', 'polyester shell, polyester padding', 'woven'),
      },
      {
        label: "Women's Puffer",
        hts: '6202407511',
        attributes: apparel('women', 'nylon shell, polyester padding', 'woven'),
      },
    ],
    styles: ['Lightweight', 'Hooded', 'Windproof', 'Cropped', 'Packable'],
    features: ['Winter Warm Coat', 'Water-Resistant Outerwear'],
    colours: ['Black', 'Olive', 'Navy', 'Cream', 'Khaki'],
  },
  {
    code: 'SCK',
    noun: 'Socks (6 Pairs)',
    category: 'Apparel > Underwear & Socks',
    specialty: 'cotton',
    popularity: 4,
    price: [7, 16],
    weightKg: [0.15, 0.3],
    variants: [
      {
        label: 'Unisex Cotton Crew',
        hts: '6115959000',
        attributes: apparel('unisex', '80% cotton, 17% polyester, 3% spandex', 'knit'),
      },
      {
        label: "Men's Athletic",
        hts: '6115969020',
        attributes: apparel('men', '70% polyester, 25% nylon, 5% spandex', 'knit'),
      },
    ],
    styles: ['Cushioned', 'No-Show', 'Ankle', 'Compression'],
    features: ['Breathable Sports Socks', 'Everyday Socks Pack'],
    colours: ['Black', 'White', 'Assorted'],
  },
  {
    code: 'BBY',
    noun: 'Baby Romper',
    category: 'Apparel > Baby',
    specialty: 'cotton',
    popularity: 2,
    price: [9, 22],
    weightKg: [0.08, 0.16],
    variants: [
      { label: 'Newborn Cotton', hts: '6111206070', attributes: apparel('baby', '100% cotton', 'knit') },
    ],
    styles: ['Short Sleeve', 'Ribbed', 'Ruffle', 'Footed'],
    features: ['Infant Bodysuit Outfit', 'Baby Jumpsuit 0-18 Months'],
    colours: ['Cream', 'Dusty Pink', 'Sage', 'Oatmeal'],
  },
  {
    code: 'SNK',
    noun: 'Sneakers',
    category: 'Shoes > Sneakers',
    specialty: 'footwear',
    popularity: 5,
    price: [24, 59],
    weightKg: [0.6, 1.0],
    variants: [
      {
        label: "Men's Knit Running",
        hts: '6404119020',
        attributes: { gender: 'men', material: 'textile upper, rubber sole', use: 'running' },
      },
      {
        label: "Women's Mesh Walking",
        hts: '6404119050',
        attributes: { gender: 'women', material: 'textile upper, EVA sole', use: 'walking' },
      },
      {
        label: "Women's PU Platform",
        hts: '6402993165',
        attributes: { gender: 'women', material: 'PU upper, rubber sole', use: 'casual' },
      },
    ],
    styles: ['Lightweight', 'Breathable', 'Non-Slip', 'Chunky', 'Slip-On'],
    features: ['Athletic Tennis Shoes', 'Fashion Casual Sneakers', 'Gym Trainers'],
    colours: ['White', 'Black', 'Grey', 'Beige', 'Pink'],
  },
  {
    code: 'SLP',
    noun: 'Slippers',
    category: 'Shoes > Slippers',
    specialty: 'footwear',
    popularity: 3,
    price: [9, 25],
    weightKg: [0.3, 0.6],
    variants: [
      {
        label: 'Unisex Memory Foam',
        hts: '6405209015',
        attributes: { gender: 'unisex', material: 'textile upper, TPR sole' },
      },
      {
        label: "Women's EVA Cloud",
        hts: '6402993110',
        attributes: { gender: 'women', material: 'EVA', use: 'indoor, shower' },
      },
    ],
    styles: ['Fuzzy', 'Pillow', 'Open Toe', 'Cozy'],
    features: ['House Shoes Indoor Outdoor', 'Non-Slip Bathroom Slides'],
    colours: ['Grey', 'Pink', 'Black', 'Cream'],
  },
  {
    code: 'BOOT',
    noun: 'Boots',
    category: 'Shoes > Boots',
    specialty: 'footwear',
    popularity: 2,
    price: [39, 89],
    weightKg: [1.0, 1.6],
    variants: [
      {
        label: "Men's Leather Chelsea",
        hts: '6403916075',
        attributes: { gender: 'men', material: 'cow leather upper, rubber sole' },
      },
      {
        label: "Women's Ankle",
        hts: '6402993165',
        attributes: { gender: 'women', material: 'PU upper, rubber sole' },
      },
    ],
    styles: ['Waterproof', 'Lace-Up', 'Lug Sole', 'Side Zip'],
    features: ['Winter Boots', 'Combat Style Booties'],
    colours: ['Black', 'Brown', 'Tan'],
  },
  {
    code: 'BAG',
    noun: 'Handbag',
    category: 'Bags > Handbags',
    specialty: 'bags',
    popularity: 4,
    price: [19, 69],
    weightKg: [0.4, 0.9],
    variants: [
      {
        label: 'Genuine Leather',
        hts: '4202219000',
        attributes: { material: 'cow leather', gender: 'women' },
      },
      {
        label: 'Vegan PU Leather',
        hts: '4202221500',
        attributes: { material: 'PU (plastic sheeting)', gender: 'women' },
      },
    ],
    styles: ['Crossbody', 'Tote', 'Shoulder', 'Hobo', 'Mini'],
    features: ['Purse with Adjustable Strap', 'Top Handle Satchel'],
    colours: ['Black', 'Brown', 'Beige', 'Burgundy', 'Cream'],
  },
  {
    code: 'BPK',
    noun: 'Backpack',
    category: 'Bags > Backpacks',
    specialty: 'bags',
    popularity: 4,
    price: [19, 55],
    weightKg: [0.5, 1.1],
    variants: [
      {
        label: 'Water-Resistant Nylon',
        hts: '4202923131',
        attributes: { material: 'nylon', use: 'travel, school' },
      },
      {
        label: 'Anti-Theft Laptop',
        hts: '4202923131',
        attributes: { material: 'polyester', use: 'laptop up to 15.6 in' },
      },
    ],
    styles: ['Lightweight', 'USB Charging Port', 'Roll-Top', 'Slim'],
    features: ['Travel Daypack', 'College School Bag'],
    colours: ['Black', 'Grey', 'Navy', 'Olive'],
  },
  {
    code: 'WAL',
    noun: 'Wallet',
    category: 'Bags > Wallets',
    specialty: 'bags',
    popularity: 2,
    price: [9, 29],
    weightKg: [0.08, 0.15],
    variants: [
      {
        label: "Men's Leather RFID",
        hts: '4202316000',
        attributes: { material: 'cow leather', gender: 'men' },
      },
      {
        label: 'Slim PU Card Holder',
        hts: '4202322000',
        attributes: { material: 'PU (plastic sheeting)', gender: 'unisex' },
      },
    ],
    styles: ['Bifold', 'Minimalist', 'Pop-Up', 'Trifold'],
    features: ['Card Holder with Coin Pocket', 'RFID Blocking Wallet'],
    colours: ['Black', 'Brown', 'Blue'],
  },
  {
    code: 'CASE',
    noun: 'Phone Case',
    category: 'Electronics > Phone Accessories > Cases',
    specialty: 'electronics',
    popularity: 8,
    price: [6, 19],
    weightKg: [0.03, 0.07],
    variants: [
      {
        label: 'Clear TPU',
        hts: '4202999000',
        attributes: { material: 'TPU', compatibleWith: 'iPhone 16/17 series' },
      },
      {
        label: 'Silicone MagSafe',
        hts: '4202999000',
        attributes: { material: 'silicone', compatibleWith: 'iPhone 15/16/17' },
      },
      {
        label: 'Leather Wallet',
        hts: '4202316000',
        attributes: { material: 'PU leather', compatibleWith: 'Samsung Galaxy S25' },
      },
    ],
    styles: ['Shockproof', 'Slim', 'Glitter', 'Matte', 'Kickstand'],
    features: ['Protective Cover with Camera Guard', 'Drop-Tested Bumper Case'],
    colours: ['Clear', 'Black', 'Lavender', 'Midnight Green'],
  },
  {
    code: 'SCP',
    noun: 'Screen Protector (3 Pack)',
    category: 'Electronics > Phone Accessories > Screen Protectors',
    specialty: 'electronics',
    popularity: 4,
    price: [5, 12],
    weightKg: [0.05, 0.1],
    variants: [
      {
        label: 'Tempered Glass',
        hts: '7007190000',
        attributes: { material: 'tempered glass', hardness: '9H' },
      },
    ],
    styles: ['Full Coverage', 'Privacy', 'Anti-Glare'],
    features: ['Bubble-Free Easy Install'],
  },
  {
    code: 'CHG',
    noun: 'Charger',
    category: 'Electronics > Chargers & Power',
    specialty: 'electronics',
    popularity: 7,
    price: [9, 35],
    weightKg: [0.06, 0.2],
    variants: [
      {
        label: '20W USB-C PD',
        hts: '8504409580',
        attributes: { powerSource: 'mains 100-240V', output: '20 W', connector: 'USB-C' },
      },
      {
        label: '65W GaN 3-Port',
        hts: '8504409580',
        attributes: { powerSource: 'mains 100-240V', output: '65 W', connector: 'USB-C x2, USB-A' },
      },
      {
        label: '15W Magnetic Wireless',
        hts: '8504409580',
        attributes: { powerSource: 'USB-C input', output: '15 W', use: 'wireless charging' },
      },
    ],
    styles: ['Fast', 'Foldable', 'Compact', 'Travel'],
    features: ['Wall Charger Block', 'Charging Adapter for iPhone Samsung'],
    colours: ['White', 'Black'],
  },
  {
    code: 'PWB',
    noun: 'Power Bank',
    category: 'Electronics > Chargers & Power',
    specialty: 'electronics',
    popularity: 4,
    price: [15, 45],
    weightKg: [0.18, 0.45],
    variants: [
      {
        label: '10000mAh',
        hts: '8507600090',
        attributes: { powerSource: 'lithium-ion battery', capacity: '10000 mAh', battery: 'UN3480' },
      },
      {
        label: '20000mAh PD',
        hts: '8507600090',
        attributes: { powerSource: 'lithium-ion battery', capacity: '20000 mAh', battery: 'UN3480' },
      },
    ],
    styles: ['Slim', 'Magnetic', 'LED Display', 'Fast Charging'],
    features: ['Portable Charger Battery Pack'],
    colours: GADGET_COLOURS,
  },
  {
    code: 'CBL',
    noun: 'Charging Cable (2 Pack)',
    category: 'Electronics > Cables',
    specialty: 'electronics',
    popularity: 6,
    price: [6, 16],
    weightKg: [0.05, 0.12],
    variants: [
      {
        label: 'USB-C to USB-C 60W',
        hts: '8544429090',
        attributes: { connector: 'USB-C', length: '2 m', voltage: '≤ 20 V' },
      },
      {
        label: 'USB-A to Lightning',
        hts: '8544429090',
        attributes: { connector: 'USB-A / Lightning', length: '1 m' },
      },
    ],
    styles: ['Braided', 'Fast Charge', 'Right Angle', 'Extra Long'],
    features: ['Nylon Braided Data Cord'],
    colours: ['Black', 'White', 'Grey'],
  },
  {
    code: 'EAR',
    noun: 'Wireless Earbuds',
    category: 'Electronics > Audio > Headphones',
    specialty: 'electronics',
    popularity: 6,
    price: [15, 49],
    weightKg: [0.06, 0.12],
    variants: [
      {
        label: 'Bluetooth 5.3 ANC',
        hts: '8518302000',
        attributes: { powerSource: 'lithium-ion battery', connectivity: 'Bluetooth 5.3' },
      },
      {
        label: 'Open-Ear Sports',
        hts: '8518302000',
        attributes: { powerSource: 'lithium-ion battery', use: 'sports' },
      },
    ],
    styles: ['Noise Cancelling', 'Waterproof IPX7', 'Long Battery', 'Mini'],
    features: ['In-Ear Headphones with Charging Case', 'Stereo Earphones with Mic'],
    colours: GADGET_COLOURS,
  },
  {
    code: 'SPK',
    noun: 'Bluetooth Speaker',
    category: 'Electronics > Audio > Speakers',
    specialty: 'electronics',
    popularity: 3,
    price: [19, 59],
    weightKg: [0.3, 0.9],
    variants: [
      {
        label: 'Portable',
        hts: '8518220000',
        attributes: { powerSource: 'lithium-ion battery', drivers: '2' },
      },
      {
        label: 'Mini Shower',
        hts: '8518210000',
        attributes: { powerSource: 'lithium-ion battery', drivers: '1' },
      },
    ],
    styles: ['Waterproof', 'Loud Stereo', 'RGB Light', 'Outdoor'],
    features: ['Wireless Speaker with Bass'],
    colours: GADGET_COLOURS,
  },
  {
    code: 'WCH',
    noun: 'Smart Watch',
    category: 'Electronics > Wearables',
    specialty: 'electronics',
    popularity: 3,
    price: [25, 69],
    weightKg: [0.08, 0.16],
    variants: [
      {
        label: '1.9" AMOLED',
        hts: '8517620090',
        attributes: { powerSource: 'lithium-ion battery', connectivity: 'Bluetooth' },
      },
      {
        label: 'Fitness Tracker',
        hts: '8517620090',
        attributes: { powerSource: 'lithium-ion battery', use: 'heart rate, sleep' },
      },
    ],
    styles: ['Waterproof', 'Bluetooth Call', 'Slim', 'Rugged'],
    features: ['Activity Tracker for Android iOS'],
    colours: ['Black', 'Silver', 'Rose Gold'],
  },
  {
    code: 'GAD',
    labelIsName: true,
    noun: 'Gadget',
    category: 'Electronics > Small Appliances',
    specialty: 'electronics',
    popularity: 4,
    price: [12, 45],
    weightKg: [0.2, 0.8],
    variants: [
      {
        label: 'Ionic Hair Dryer',
        hts: '8516310000',
        price: [24, 45],
        weightKg: [0.5, 0.8],
        attributes: { powerSource: 'mains 220-240V', power: '1600 W' },
      },
      {
        label: 'Ceramic Hair Straightener',
        hts: '8516320040',
        price: [15, 35],
        weightKg: [0.3, 0.5],
        attributes: { powerSource: 'mains 100-240V' },
      },
      {
        label: 'Sonic Electric Toothbrush',
        hts: '8509805045',
        price: [15, 39],
        weightKg: [0.15, 0.3],
        attributes: { powerSource: 'rechargeable battery' },
      },
      {
        label: 'Portable Neck Fan',
        hts: '8414519090',
        price: [12, 25],
        weightKg: [0.2, 0.35],
        attributes: { powerSource: 'lithium-ion battery' },
      },
      {
        label: 'Wireless Gaming Controller',
        hts: '9504500000',
        price: [22, 45],
        weightKg: [0.2, 0.35],
        attributes: { powerSource: 'rechargeable battery', compatibleWith: 'Switch, PC' },
      },
    ],
    styles: ['Portable', 'Rechargeable', 'Travel Size', 'Professional'],
    features: ['USB-C Rechargeable', 'Gift for Her', 'Gift for Him'],
    colours: GADGET_COLOURS,
  },
  {
    code: 'LMP',
    noun: 'LED Lamp',
    category: 'Home > Lighting',
    specialty: 'lighting',
    popularity: 5,
    price: [12, 49],
    weightKg: [0.4, 1.5],
    variants: [
      {
        label: 'Dimmable Desk',
        hts: '9405216010',
        attributes: { powerSource: 'USB 5V', lightSource: 'LED', use: 'desk, reading' },
      },
      {
        label: 'Flush Mount Ceiling',
        hts: '9405116010',
        attributes: { powerSource: 'mains', lightSource: 'LED', use: 'ceiling' },
      },
      {
        label: 'RGB Floor Corner',
        hts: '9405216010',
        attributes: { powerSource: 'mains adapter', lightSource: 'LED' },
      },
    ],
    styles: ['Modern', 'Minimalist', 'Touch Control', 'Eye-Caring'],
    features: ['with USB Charging Port', 'Smart App Control', '3 Colour Modes'],
    colours: ['White', 'Black', 'Wood Grain'],
  },
  {
    code: 'STR',
    noun: 'LED String Lights',
    category: 'Home > Lighting > Decorative',
    specialty: 'lighting',
    popularity: 4,
    price: [8, 29],
    weightKg: [0.2, 0.6],
    variants: [
      {
        label: '10m Fairy',
        hts: '9405310040',
        attributes: { powerSource: 'USB / batteries', lightSource: 'LED' },
      },
      {
        label: 'Solar Garden',
        hts: '9405428440',
        attributes: { powerSource: 'solar panel, Ni-MH battery', lightSource: 'LED', use: 'outdoor' },
      },
      {
        label: 'LED Strip 5m',
        hts: '9405428410',
        attributes: { powerSource: 'mains adapter', lightSource: 'LED' },
      },
    ],
    styles: ['Warm White', 'Multicolour', 'Remote Controlled', 'Waterproof'],
    features: ['Bedroom Party Christmas Decoration'],
  },
  {
    code: 'TOY',
    labelIsName: true,
    noun: 'Toy',
    category: 'Toys & Games',
    specialty: 'toys',
    popularity: 6,
    price: [8, 39],
    weightKg: [0.15, 0.9],
    variants: [
      {
        label: 'Plush Stuffed Animal',
        hts: '9503000073',
        price: [9, 25],
        weightKg: [0.15, 0.5],
        attributes: { material: 'polyester plush', age: '3+' },
      },
      {
        label: 'Building Blocks Set',
        hts: '9503000073',
        price: [15, 39],
        weightKg: [0.4, 0.9],
        attributes: { material: 'ABS plastic', age: '6+' },
      },
      {
        label: 'RC Stunt Car',
        hts: '9503000073',
        price: [19, 39],
        weightKg: [0.5, 0.9],
        attributes: { material: 'ABS plastic', powerSource: 'rechargeable battery', age: '8+' },
      },
      { label: 'Baby Sensory', hts: '9503000071', attributes: { material: 'silicone, ABS', age: '0-3' } },
      {
        label: 'Fidget Sensory',
        hts: '9503000073',
        price: [5, 12],
        weightKg: [0.05, 0.15],
        attributes: { material: 'silicone', age: '3+' },
      },
      {
        label: '1000-Piece Jigsaw Puzzle',
        hts: '9503000090',
        price: [12, 22],
        weightKg: [0.5, 0.8],
        attributes: { material: 'paperboard', age: '14+' },
      },
    ],
    styles: ['Cute', 'Educational', 'Montessori', 'Glow-in-the-Dark'],
    features: ['Gift for Kids', 'Birthday Present', 'STEM Learning Toy'],
  },
  {
    code: 'FIT',
    labelIsName: true,
    noun: 'Fitness Gear',
    category: 'Sports & Outdoors > Fitness',
    specialty: 'sports',
    popularity: 4,
    price: [9, 39],
    weightKg: [0.3, 1.8],
    variants: [
      { label: 'TPE Yoga Mat 6mm', hts: '9506910030', attributes: { material: 'TPE', use: 'yoga, pilates' } },
      {
        label: 'Resistance Bands Set',
        hts: '9506910030',
        attributes: { material: 'natural latex', use: 'strength training' },
      },
      {
        label: 'Speed Jump Rope',
        hts: '9506910030',
        attributes: { material: 'steel cable, PVC', use: 'cardio' },
      },
    ],
    styles: ['Non-Slip', 'Heavy Duty', 'Adjustable', 'Portable'],
    features: ['Home Gym Workout Equipment'],
    colours: ['Purple', 'Black', 'Teal', 'Pink'],
  },
  {
    code: 'OUT',
    labelIsName: true,
    noun: 'Outdoor Gear',
    category: 'Sports & Outdoors > Camping & Fishing',
    specialty: 'sports',
    popularity: 2,
    price: [12, 79],
    weightKg: [0.2, 2.5],
    variants: [
      {
        label: '2-Person Dome Tent',
        hts: '6306229030',
        price: [39, 79],
        weightKg: [1.8, 2.5],
        attributes: { material: '190T polyester', use: 'camping' },
      },
      {
        label: 'Telescopic Fishing Rod',
        hts: '9507100040',
        price: [15, 39],
        weightKg: [0.3, 0.6],
        attributes: { material: 'carbon fibre', use: 'fishing' },
      },
      {
        label: 'Size 5 Soccer Ball',
        hts: '9506624080',
        price: [12, 22],
        weightKg: [0.4, 0.45],
        attributes: { material: 'PU', use: 'football' },
      },
    ],
    styles: ['Lightweight', 'Waterproof', 'Professional', 'Beginner'],
    features: ['Outdoor Adventure Gear'],
  },
  {
    code: 'BTL',
    noun: 'Insulated Water Bottle',
    category: 'Home & Kitchen > Drinkware',
    specialty: 'kitchen',
    popularity: 4,
    price: [12, 29],
    weightKg: [0.3, 0.5],
    variants: [
      {
        label: '750ml Stainless Steel',
        hts: '9617001000',
        attributes: { material: '18/8 stainless steel', capacity: '750 ml' },
      },
      {
        label: '1.2L Tumbler with Handle',
        hts: '9617004000',
        attributes: { material: '18/8 stainless steel', capacity: '1.2 l' },
      },
    ],
    styles: ['Vacuum', 'Leak-Proof', 'Sports', 'Wide Mouth'],
    features: ['Keeps Cold 24h Hot 12h', 'BPA Free Lid'],
    colours: ['Black', 'White', 'Sage', 'Lilac', 'Sunset Orange'],
  },
  {
    code: 'KIT',
    labelIsName: true,
    noun: 'Kitchenware',
    category: 'Home & Kitchen > Cookware & Tools',
    specialty: 'kitchen',
    popularity: 5,
    price: [7, 39],
    weightKg: [0.15, 1.8],
    variants: [
      {
        label: 'Stainless Steel Cookware Pot',
        hts: '7323930080',
        price: [25, 39],
        weightKg: [1.2, 1.8],
        attributes: { material: 'stainless steel', use: 'cooking' },
      },
      {
        label: 'Silicone Baking Mat Set',
        hts: '3924104000',
        attributes: { material: 'food-grade silicone', use: 'baking' },
      },
      {
        label: 'Glass-Lid Food Storage Containers',
        hts: '3924104000',
        attributes: { material: 'PP plastic', use: 'food storage' },
      },
      {
        label: 'Stainless Steel Garlic Press',
        hts: '8205513030',
        price: [7, 14],
        weightKg: [0.2, 0.35],
        attributes: { material: 'stainless steel', use: 'kitchen' },
      },
      {
        label: 'Bamboo Cutting Board',
        hts: '4419110000',
        attributes: { material: 'bamboo', use: 'kitchen' },
      },
      {
        label: "Chef's Knife 8 Inch",
        hts: '8211918060',
        price: [15, 35],
        weightKg: [0.2, 0.35],
        attributes: { material: 'German steel', use: 'kitchen' },
      },
      {
        label: 'Silicone Utensil Set',
        hts: '8215995000',
        attributes: { material: 'silicone, stainless steel', use: 'kitchen' },
      },
    ],
    styles: ['Non-Stick', 'Dishwasher Safe', 'Heat Resistant', 'Premium'],
    features: ['Kitchen Gadget', 'Home Cooking Essentials'],
  },
  {
    code: 'CER',
    labelIsName: true,
    noun: 'Ceramic Tableware',
    category: 'Home & Kitchen > Tableware',
    specialty: 'kitchen',
    popularity: 2,
    price: [9, 45],
    weightKg: [0.4, 3.5],
    variants: [
      {
        label: 'Stoneware Coffee Mug',
        hts: '6912004810',
        price: [9, 18],
        weightKg: [0.35, 0.5],
        attributes: { material: 'stoneware', capacity: '350 ml' },
      },
      {
        label: 'Porcelain Dinner Plate Set',
        hts: '6911103810',
        price: [25, 45],
        weightKg: [2.5, 3.5],
        attributes: { material: 'porcelain', pieces: '4' },
      },
    ],
    styles: ['Handmade Look', 'Glazed', 'Nordic', 'Speckled'],
    features: ['Microwave and Dishwasher Safe'],
    colours: ['Cream', 'Matte Black', 'Blue Glaze', 'Terracotta'],
  },
  {
    code: 'COS',
    labelIsName: true,
    noun: 'Cosmetics',
    category: 'Beauty > Makeup',
    specialty: 'beauty',
    popularity: 5,
    price: [5, 25],
    weightKg: [0.03, 0.2],
    variants: [
      { label: 'Matte Liquid Lipstick', hts: '3304100000', attributes: { use: 'lips', volume: '5 ml' } },
      { label: '18-Shade Eyeshadow Palette', hts: '3304200000', attributes: { use: 'eyes' } },
      { label: 'Gel Nail Polish Set', hts: '3304300000', attributes: { use: 'nails', pieces: '6' } },
      {
        label: 'Hyaluronic Face Moisturiser',
        hts: '3304995000',
        attributes: { use: 'skin care', volume: '50 ml' },
      },
      {
        label: 'Eau de Parfum 50ml',
        hts: '3303003000',
        price: [15, 25],
        weightKg: [0.15, 0.25],
        attributes: { use: 'fragrance', alcohol: 'yes', dangerousGoods: 'UN1266' },
      },
    ],
    styles: ['Long-Lasting', 'Waterproof', 'Vegan', 'Cruelty-Free'],
    features: ['Beauty Gift Set', 'Makeup for Women'],
  },
  {
    code: 'BTY',
    labelIsName: true,
    noun: 'Beauty Accessory',
    category: 'Beauty > Tools & Hair',
    specialty: 'beauty',
    popularity: 3,
    price: [5, 35],
    weightKg: [0.03, 0.4],
    variants: [
      {
        label: 'Makeup Brush Set 14pcs',
        hts: '9603306000',
        attributes: { material: 'synthetic fibre, wood' },
      },
      {
        label: '3D Mink-Effect False Eyelashes',
        hts: '6704190000',
        attributes: { material: 'synthetic fibre', pieces: '10 pairs' },
      },
      {
        label: 'Synthetic Lace Front Wig',
        hts: '6704110000',
        price: [19, 35],
        weightKg: [0.2, 0.4],
        attributes: { material: 'heat-resistant synthetic fibre' },
      },
      {
        label: 'Claw Hair Clips',
        hts: '9615196000',
        price: [5, 9],
        weightKg: [0.03, 0.08],
        attributes: { material: 'acetate' },
      },
    ],
    styles: ['Natural', 'Fluffy', 'Professional', 'Reusable'],
    features: ['Beauty Tools'],
  },
  {
    code: 'JWL',
    labelIsName: true,
    noun: 'Jewellery',
    category: 'Jewellery',
    specialty: 'jewellery',
    popularity: 5,
    price: [6, 39],
    weightKg: [0.02, 0.08],
    variants: [
      {
        label: '18K Gold Plated Necklace',
        hts: '7117199000',
        attributes: { material: 'brass, 18K gold plating', gender: 'women' },
      },
      {
        label: '925 Sterling Silver Earrings',
        hts: '7113115000',
        attributes: { material: '925 sterling silver', gender: 'women' },
      },
      {
        label: 'Stainless Steel Cuban Chain',
        hts: '7117199000',
        attributes: { material: '316L stainless steel', gender: 'men' },
      },
      {
        label: 'Beaded Charm Bracelet',
        hts: '7117199000',
        attributes: { material: 'glass beads, alloy', gender: 'women' },
      },
    ],
    styles: ['Dainty', 'Hypoallergenic', 'Layered', 'Minimalist', 'Vintage'],
    features: ['Gift for Women', 'Fashion Jewelry'],
    colours: ['Gold', 'Silver', 'Rose Gold'],
  },
  {
    code: 'ACC',
    labelIsName: true,
    noun: 'Accessory',
    category: 'Apparel > Accessories',
    specialty: 'apparel',
    popularity: 3,
    price: [7, 29],
    weightKg: [0.05, 0.4],
    variants: [
      {
        label: 'Polarised Sunglasses',
        hts: '9004100000',
        price: [9, 22],
        weightKg: [0.05, 0.1],
        attributes: { material: 'TR90 frame, TAC lens', gender: 'unisex' },
      },
      {
        label: 'Compact Travel Umbrella',
        hts: '6601910000',
        price: [12, 25],
        weightKg: [0.25, 0.4],
        attributes: { material: 'pongee, fibreglass ribs' },
      },
      {
        label: 'Digital LED Sports Watch',
        hts: '9102128000',
        attributes: { material: 'resin case and strap', powerSource: 'battery' },
      },
      { label: 'Knit Beanie', hts: '6505001525', attributes: { material: 'acrylic', construction: 'knit' } },
    ],
    styles: ['Classic', 'Retro', 'Windproof', 'Oversized'],
    features: ['Fashion Accessory'],
  },
  {
    code: 'TL',
    labelIsName: true,
    noun: 'Tool',
    category: 'Tools & Home Improvement',
    specialty: 'tools',
    popularity: 3,
    price: [9, 69],
    weightKg: [0.2, 2.2],
    variants: [
      {
        label: 'Precision Screwdriver Set 120-in-1',
        hts: '8205400000',
        attributes: { material: 'S2 steel', use: 'electronics repair' },
      },
      {
        label: 'Combination Wrench Set',
        hts: '8204110060',
        attributes: { material: 'chrome vanadium steel' },
      },
      {
        label: 'Cordless Drill 20V',
        hts: '8467210030',
        price: [39, 69],
        weightKg: [1.5, 2.2],
        attributes: { powerSource: 'lithium-ion battery', chuck: '10 mm' },
      },
      {
        label: 'Digital Tape Measure',
        hts: '9017800000',
        price: [12, 25],
        weightKg: [0.2, 0.35],
        attributes: { powerSource: 'battery', length: '5 m' },
      },
      {
        label: '60W Soldering Iron Kit',
        hts: '8515110000',
        attributes: { powerSource: 'mains 220V', power: '60 W' },
      },
      {
        label: 'Bypass Pruning Shears',
        hts: '8201500000',
        price: [9, 19],
        weightKg: [0.2, 0.3],
        attributes: { material: 'SK5 steel', use: 'garden' },
      },
    ],
    styles: ['Professional', 'Heavy Duty', 'Portable', 'Ergonomic'],
    features: ['DIY Home Repair', 'with Storage Case'],
  },
  {
    code: 'PET',
    labelIsName: true,
    noun: 'Pet Supplies',
    category: 'Pet Supplies',
    specialty: 'home',
    popularity: 3,
    price: [6, 35],
    weightKg: [0.1, 1.5],
    variants: [
      {
        label: 'No-Pull Dog Harness',
        hts: '4201006000',
        price: [9, 22],
        weightKg: [0.1, 0.3],
        attributes: { material: 'nylon, reflective strip', use: 'dogs' },
      },
      {
        label: 'Stainless Steel Pet Bowl',
        hts: '7323930080',
        price: [6, 14],
        weightKg: [0.2, 0.5],
        attributes: { material: 'stainless steel', use: 'dogs, cats' },
      },
      {
        label: 'Calming Donut Pet Bed',
        hts: '6307909891',
        price: [19, 35],
        weightKg: [0.8, 1.5],
        attributes: { material: 'faux fur, polyester filling', use: 'cats, small dogs' },
      },
    ],
    styles: ['Adjustable', 'Washable', 'Non-Slip', 'Fluffy'],
    features: ['for Small Medium Large Dogs'],
    colours: ['Grey', 'Pink', 'Black', 'Brown'],
  },
  {
    code: 'TXT',
    labelIsName: true,
    noun: 'Home Textile',
    category: 'Home > Bedding & Bath',
    specialty: 'cotton',
    popularity: 3,
    price: [14, 59],
    weightKg: [0.5, 2.0],
    variants: [
      {
        label: 'Cotton Percale Bed Sheet Set',
        hts: '6302319020',
        attributes: { material: '100% cotton', construction: 'woven' },
      },
      {
        label: 'Flannel Fleece Throw Blanket',
        hts: '6301400020',
        attributes: { material: '100% polyester', construction: 'knit' },
      },
      {
        label: 'Velvet Cushion Covers (2 Pack)',
        hts: '6304930000',
        attributes: { material: 'polyester velvet', construction: 'woven' },
      },
      {
        label: 'Cotton Bath Towel Set',
        hts: '6302600020',
        attributes: { material: '100% cotton terry', construction: 'woven' },
      },
    ],
    styles: ['Soft', 'Luxury', 'Breathable', 'Hotel Quality'],
    features: ['for Bedroom Living Room'],
    colours: HOME_COLOURS,
  },
  {
    code: 'FRN',
    labelIsName: true,
    noun: 'Furniture',
    category: 'Home > Furniture',
    specialty: 'furniture',
    popularity: 2,
    price: [59, 189],
    weightKg: [8, 22],
    bulky: true,
    variants: [
      {
        label: 'Ergonomic Mesh Office Chair',
        hts: '9401390010',
        attributes: { material: 'mesh, steel frame', use: 'office' },
      },
      {
        label: 'Gaming Chair with Footrest',
        hts: '9401390010',
        attributes: { material: 'PU leather, steel frame', use: 'gaming' },
      },
      {
        label: 'Metal Frame Computer Desk',
        hts: '9403200050',
        attributes: { material: 'steel frame, MDF top', use: 'home office' },
      },
      {
        label: '5-Tier Metal Shoe Rack',
        hts: '9403200050',
        attributes: { material: 'carbon steel', use: 'storage' },
      },
      {
        label: 'Solid Wood Swivel Stool',
        hts: '9401310000',
        price: [59, 99],
        weightKg: [6, 9],
        attributes: { material: 'rubberwood', use: 'kitchen' },
      },
    ],
    styles: ['Modern', 'Industrial', 'Space-Saving', 'Easy Assembly'],
    features: ['for Home Office', 'for Living Room Bedroom'],
    colours: HOME_COLOURS,
  },
  {
    code: 'STA',
    labelIsName: true,
    noun: 'Stationery',
    category: 'Office & Stationery',
    specialty: 'home',
    popularity: 2,
    price: [4, 19],
    weightKg: [0.05, 0.5],
    variants: [
      { label: 'A5 Dotted Notebook', hts: '4820102020', attributes: { material: 'paper, PU cover' } },
      { label: 'Gel Ink Ballpoint Pens (12 Pack)', hts: '9608100000', attributes: { material: 'plastic' } },
    ],
    styles: ['Aesthetic', 'Kawaii', 'Minimalist', 'Vintage'],
    features: ['School Office Supplies'],
  },
];

/** Codes valid in earlier HTSUS editions but no longer (used on purpose for a few products). */
export const STALE_HTS: Record<string, { replacedBy: string; note: string }> = {
  '9405408440': { replacedBy: '9405428440', note: 'LED lamps moved from 9405.40 to 9405.42 in HS 2022' },
  '9405104000': { replacedBy: '9405116010', note: 'ceiling lamps moved from 9405.10 to 9405.11 in HS 2022' },
  '8516320000': { replacedBy: '8516320040', note: 'hairdressing apparatus split by statistical suffix' },
  '6405209090': { replacedBy: '6405209015', note: 'textile-upper slippers re-numbered' },
  '8507600020': { replacedBy: '8507600090', note: 'lithium-ion battery suffixes re-numbered' },
};

export const SIZES_APPAREL = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
export const SIZES_SHOES_EU = ['36', '37', '38', '39', '40', '41', '42', '43', '44', '45'];
