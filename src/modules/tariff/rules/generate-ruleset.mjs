// Authoring form of classification-rules.json (the published data). After editing: node generate-ruleset.mjs > classification-rules.json
const R = [];
const t = (...words) => ({ kind: 'text', words });
const cat = (...words) => ({ kind: 'category', words });
const attr = (key, ...values) => ({ kind: 'attribute', key, values });
const any = (...of) => ({ kind: 'any', of });
const all = (...of) => ({ kind: 'all', of });
const not = (of) => ({ kind: 'not', of });
const ex = (title, fires, extra = {}) => ({ title, fires, ...extra });
function rule(id, description, basis, when, effects, examples) {
  R.push({ id, description, basis, when, effects, examples });
}

const STONES = any(
  t(
    'crystal',
    'rhinestone',
    'rhinestones',
    'cubic zirconia',
    'zircon',
    'zirconia',
    'cz',
    'moissanite',
    'gemstone',
    'natural stone',
    'crystal stone',
    'opal',
    'turquoise stone',
  ),
  attr('inlay material', 'zirconia', 'gemstone', 'artificial gemstone', 'synthetic'),
  attr('main stone', 'zirconia', 'gemstone', 'moissanite', 'opal'),
);
const PRECIOUS = any(
  t('925', 's925', 'sterling silver', 'solid gold', '14k', '18k', '10k', 'platinum'),
  attr('metals type', 'silver', 'gold', 'platinum'),
);
rule(
  'wigs-hair-pieces',
  'Wigs, hair extensions and hair pieces of human or synthetic hair',
  'Heading 6704',
  any(
    t(
      'wig',
      'wigs',
      'hair extension',
      'lace front',
      'ponytail extension',
      'clip in hair',
      'hairpiece',
      'toupee',
      'hair bun',
    ),
    cat('Hair Extensions & Wigs'),
  ),
  [{ prefixes: ['6704'], boost: 1.5 }],
  [ex('Body Wave Lace Front Wig Human Hair 13x4', true), ex('Hair Clip Claw for Women', false)],
);
rule(
  'imitation-jewellery',
  'Costume jewellery not of precious metal is imitation jewellery',
  'Chapter 71 note 11; heading 7117',
  all(
    any(
      cat('Fashion Jewelry'),
      attr('fine or fashion', 'fashion'),
      t('zinc alloy', 'alloy', 'stainless steel', 'rhinestone', 'brass'),
    ),
    any(
      t(
        'ring',
        'earring',
        'necklace',
        'bracelet',
        'pendant',
        'brooch',
        'anklet',
        'jewelry',
        'charm',
        'choker',
      ),
      cat('Jewelry'),
    ),
    not(PRECIOUS),
    not(STONES),
  ),
  [
    { prefixes: ['7117'], boost: 1.0 },
    { prefixes: ['7113'], boost: -0.6 },
  ],
  [
    ex('Gold Color Zinc Alloy Necklace for Women', true),
    ex('925 Sterling Silver Ring for Women', false),
    ex('Stainless Steel Kitchen Sink', false),
  ],
);
rule(
  'precious-metal-jewellery',
  'Jewellery of (or clad with) precious metal',
  'Heading 7113; chapter 71 note 9',
  all(
    any(
      t('925', 's925', 'sterling silver', 'solid gold', '14k', '18k', '10k', 'platinum'),
      attr('metals type', 'silver', 'gold', 'platinum'),
    ),
    any(
      t(
        'ring',
        'earring',
        'necklace',
        'bracelet',
        'pendant',
        'brooch',
        'anklet',
        'jewelry',
        'charm',
        'choker',
      ),
      cat('Jewelry'),
    ),
  ),
  [
    { prefixes: ['7113'], boost: 1.2 },
    { prefixes: ['7117'], boost: -0.4 },
  ],
  [ex('925 Sterling Silver Hoop Earrings', true), ex('Zinc Alloy Fashion Earrings', false)],
);
rule(
  'silver-jewellery',
  'Jewellery of silver goes to 7113.11',
  'Subheading 7113.11',
  all(
    any(t('925', 's925', 'sterling silver', 'silver 925'), attr('metals type', 'silver')),
    any(t('ring', 'earring', 'necklace', 'bracelet', 'pendant', 'jewelry', 'charm'), cat('Jewelry')),
  ),
  [{ prefixes: ['711311'], boost: 0.6 }],
  [ex('S925 Sterling Silver Necklace', true), ex('18K Gold Ring', false)],
);
rule(
  'stones-jewellery',
  'Jewellery of (synthetic) precious or semi-precious stones set in base metal, e.g. cubic zirconia rings',
  'Heading 7116; chapter 71 note 3 (stones prevail over base metal; precious metal prevails: 7113)',
  all(
    STONES,
    any(t('ring', 'earring', 'necklace', 'bracelet', 'pendant', 'jewelry'), cat('Jewelry')),
    not(PRECIOUS),
  ),
  [
    { prefixes: ['7116'], boost: 1.2 },
    { prefixes: ['7117'], boost: -0.4 },
  ],
  [
    ex('Cubic Zirconia Wedding Band Rings for Women', true),
    ex('Plastic Bead Bracelet', false),
    ex('14K Gold Moissanite Stud Earrings', false),
  ],
);
rule(
  'knitted-apparel',
  'Garments knitted or crocheted (and garments that are knitted by nature: T-shirts, sweaters, hoodies, leggings, socks)',
  'Section XI note; chapters 61 vs 62',
  all(
    any(
      t(
        'knit',
        'knitted',
        'crochet',
        'jersey',
        'tshirt',
        't-shirt',
        'tee',
        'sweater',
        'hoodie',
        'sweatshirt',
        'leggings',
        'pullover',
        'cardigan',
        'bodysuit',
        'romper',
        'tank top',
        'camisole',
        'yoga',
        'seamless',
        'spandex',
      ),
      attr('fabric type', 'knit', 'jersey'),
    ),
    any(
      cat('Clothing', 'Underwear', 'Sportswear', 'Apparel', 'Dresses', 'Sleep'),
      t('dress', 'shirt', 'pants', 'shorts', 'top', 'skirt'),
    ),
  ),
  [
    { prefixes: ['61'], boost: 0.6 },
    { prefixes: ['62'], boost: -0.3 },
  ],
  [
    ex('Women Knit Sweater Dress', true, { category: ["Women's Clothing", 'Dresses'] }),
    ex('Denim Jeans for Men', false, { category: ["Men's Clothing", 'Jeans'] }),
  ],
);
rule(
  'woven-apparel',
  'Woven garments (denim, chiffon, shirts of woven fabric, suits)',
  'Section XI note; chapter 62',
  all(
    any(
      t('woven', 'denim', 'jeans', 'chiffon', 'linen', 'suit', 'blazer', 'trench', 'poplin', 'satin'),
      attr('fabric type', 'woven', 'broadcloth'),
    ),
    not(t('knit', 'knitted', 'crochet')),
  ),
  [
    { prefixes: ['62'], boost: 0.5 },
    { prefixes: ['61'], boost: -0.3 },
  ],
  [ex('High Waist Denim Jeans Women', true), ex('Knitted Cardigan Sweater', false)],
);
const WOMEN = any(
  attr('gender', 'women', 'female', 'girl', 'ladies'),
  t('women', 'woman', 'ladies', 'lady', 'female', 'girl', 'girls'),
);
const MEN = any(attr('gender', 'men', 'male', 'boy'), t('men', 'man', 'male', 'boy', 'boys', 'gentleman'));
rule(
  'gender-women',
  "Goods for women or girls: prefer the women's/girls' lines",
  "Chapter 61/62/64 notes; lines for women's or girls'",
  all(WOMEN, not(MEN)),
  [
    { lineWords: ['women', 'girls', 'female'], boost: 0.35 },
    { lineWords: ["men's", 'boys', 'male'], boost: -0.35 },
  ],
  [ex('Elegant Dress for Women', true), ex('Mens Leather Belt', false, { attributes: { Gender: 'Men' } })],
);
rule(
  'gender-men',
  "Goods for men or boys: prefer the men's/boys' lines",
  "Chapter 61/62/64 notes; lines for men's or boys'",
  all(MEN, not(WOMEN)),
  [
    { lineWords: ["men's", 'boys', 'male'], boost: 0.35 },
    { lineWords: ['women', 'girls', 'female'], boost: -0.35 },
  ],
  [ex("Men's Casual Shirt", true), ex('Women Casual Shirt', false)],
);
const SHOE = any(
  t(
    'shoe',
    'shoes',
    'sneaker',
    'sneakers',
    'slipper',
    'slippers',
    'boot',
    'boots',
    'sandal',
    'sandals',
    'heels',
    'pumps',
    'loafers',
    'flip flops',
    'footwear',
  ),
  cat('Shoes'),
);
rule(
  'footwear',
  'Footwear',
  'Chapter 64',
  all(SHOE, not(t('shoelace', 'shoe cover', 'shoe rack', 'shoe box', 'shoe brush', 'boot cover', 'insole'))),
  [{ prefixes: ['64'], boost: 0.8 }],
  [ex('Running Sneakers Men Breathable', true), ex('Shoelace Aglets DIY Repair', false)],
);
rule(
  'footwear-textile-upper',
  'Footwear with uppers of textile materials',
  'Heading 6404; chapter 64 note 4(a)',
  all(
    SHOE,
    attr('upper material', 'mesh', 'cloth', 'canvas', 'fabric', 'knit', 'cotton', 'flock', 'textile'),
  ),
  [{ prefixes: ['6404'], boost: 0.6 }],
  [
    ex('Canvas Sneakers', true, { category: ['Shoes'], attributes: { 'Upper Material': 'Canvas' } }),
    ex('PU Slippers', false, { category: ['Shoes'], attributes: { 'Upper Material': 'PU' } }),
  ],
);
rule(
  'footwear-rubber-plastic-upper',
  'Footwear with outer soles and uppers of rubber or plastics (PU, PVC, EVA)',
  'Heading 6402; chapter 64 note 3',
  all(
    SHOE,
    attr(
      'upper material',
      'pu',
      'pvc',
      'rubber',
      'eva',
      'plastic',
      'synthetic',
      'microfiber',
      'patent',
      'silicone',
    ),
  ),
  [{ prefixes: ['6402'], boost: 0.6 }],
  [
    ex('Women Heels', true, { category: ['Shoes'], attributes: { 'Upper Material': 'PU' } }),
    ex('Leather Boots', false, { category: ['Shoes'], attributes: { 'Upper Material': 'Genuine Leather' } }),
  ],
);
rule(
  'footwear-leather-upper',
  'Footwear with uppers of leather',
  'Heading 6403',
  all(
    SHOE,
    attr(
      'upper material',
      'genuine leather',
      'cow leather',
      'cowhide',
      'sheepskin',
      'pigskin',
      'split leather',
      'full grain',
    ),
  ),
  [{ prefixes: ['6403'], boost: 0.6 }],
  [
    ex('Leather Boots', true, { category: ['Shoes'], attributes: { 'Upper Material': 'Genuine Leather' } }),
    ex('Canvas Sneakers', false, { category: ['Shoes'], attributes: { 'Upper Material': 'Canvas' } }),
  ],
);
rule(
  'toys',
  'Toys, dolls, models, puzzles',
  'Heading 9503',
  any(
    cat('Toys & Hobbies', 'Action & Toy Figures', 'Dolls', 'Building Blocks', 'Stuffed Animals'),
    t('toy', 'toys', 'plush', 'action figure', 'doll', 'building blocks', 'puzzle'),
  ),
  [
    { prefixes: ['95'], boost: 0.5 },
    { prefixes: ['9503'], boost: 0.3 },
  ],
  [ex('Plush Toy Bear', true), ex('Kitchen Knife Set', false)],
);
rule(
  'plastic-articles',
  'Articles of plastics not more specifically described',
  'Heading 3926 (residual); GRI 3(a)',
  any(
    attr(
      'material',
      'plastic',
      'acrylic',
      'silicone',
      'pvc',
      'resin',
      'abs',
      'tpu',
      'pp',
      'pet',
      'eva',
      'nylon',
    ),
    t('acrylic', 'silicone', 'pvc', 'tpu', 'plastic', 'resin'),
  ),
  [
    { prefixes: ['3926'], boost: 0.3 },
    { prefixes: ['39'], boost: 0.15 },
  ],
  [ex('Silicone Phone Case', true), ex('Cotton T-shirt', false)],
);
rule(
  'phone-device-cases',
  'Protective cases and covers for phones, earphones, watches of plastics',
  'Subheading 3926.90; CBP rulings on moulded cases',
  all(
    t('case', 'cover', 'protector', 'shell', 'sleeve', 'bumper'),
    any(
      t('phone', 'iphone', 'samsung', 'airpods', 'earphone', 'watch', 'kindle', 'ipad', 'xiaomi', 'huawei'),
      cat('Phone Cases', 'Earphone Accessories'),
    ),
  ),
  [{ prefixes: ['392690'], boost: 0.8 }],
  [ex('Silicone Case for iPhone 15', true), ex('Pillow Case Cotton', false)],
);
rule(
  'books',
  'Printed books and brochures',
  'Heading 4901',
  any(cat('Books'), t('book', 'books', 'encyclopedia', 'novel', 'textbook')),
  [{ prefixes: ['4901'], boost: 1.0 }],
  [ex('Drawing Tutorial Book for Beginners', true), ex('Bookshelf Wooden', false)],
);
rule(
  'printed-cards-stickers',
  'Printed matter: stickers, decals, trading and photo cards, posters',
  'Heading 4911',
  any(
    t(
      'sticker',
      'stickers',
      'decal',
      'decals',
      'photocard',
      'trading card',
      'collection card',
      'poster',
      'tarot',
      'postcard',
    ),
    cat('Collection Cards', 'Stickers & Posters'),
  ),
  [{ prefixes: ['4911'], boost: 0.8 }],
  [ex('Anime Stickers 50pcs', true), ex('Sticker Removal Tool Scraper', true), ex('Wooden Frame', false)],
);
rule(
  'artificial-flowers',
  'Artificial flowers, foliage and fruit',
  'Heading 6702',
  all(
    t('artificial', 'fake', 'simulation', 'silk flower', 'faux'),
    t(
      'flower',
      'flowers',
      'rose',
      'roses',
      'plant',
      'plants',
      'leaves',
      'bouquet',
      'peony',
      'orchid',
      'eucalyptus',
    ),
  ),
  [{ prefixes: ['6702'], boost: 1.2 }],
  [ex('Artificial Rose Bouquet Silk Flowers', true), ex('Rose Gold Necklace', false)],
);
rule(
  'watch-parts',
  'Watch cases, dials, crowns, movements and parts',
  'Headings 9111, 9114',
  all(t('watch'), t('case', 'dial', 'crown', 'hands', 'movement', 'bezel', 'chapter ring', 'parts', 'stem')),
  [{ prefixes: ['9111', '9114', '9113'], boost: 0.8 }],
  [ex('NH35 Watch Dial Luminous', true), ex('Smart Watch for Men', false)],
);
rule(
  'plastic-keychains',
  'Key chains and bag charms of plastics are ornamental articles of plastics',
  'Subheading 3926.40; CBP rulings',
  all(
    t('keychain', 'key chain', 'keyring', 'key ring', 'bag charm', 'bag pendant'),
    any(
      t('acrylic', 'pvc', 'resin', 'plastic', 'silicone'),
      attr('material', 'acrylic', 'plastic', 'pvc', 'resin'),
    ),
  ),
  [{ prefixes: ['392640'], boost: 1.0 }],
  [ex('Acrylic Keychain Anime', true), ex('Metal Keychain Car Logo', false)],
);
rule(
  'vehicle-parts',
  'Parts and accessories of motor vehicles',
  'Heading 8708; section XVII note 3',
  all(
    any(cat('Automobiles, Parts & Accessories'), t('car', 'auto', 'vehicle', 'tesla', 'truck')),
    t(
      'part',
      'parts',
      'pedal',
      'brake',
      'bumper',
      'grille',
      'trim',
      'mirror',
      'cover',
      'mat',
      'handle',
      'steering',
      'exhaust',
    ),
  ),
  [{ prefixes: ['8708'], boost: 0.4 }],
  [ex('Brake Pedal Cover for Tesla Model 3', true), ex('Car Shaped Toy', false)],
);
rule(
  'cycle-parts',
  'Parts and accessories of motorcycles and bicycles',
  'Heading 8714',
  any(
    cat('Motorcycle Equipments & Parts', 'Bicycle Accessories', 'Bicycle Parts'),
    all(
      t('motorcycle', 'bicycle', 'bike', 'mtb', 'scooter'),
      t(
        'part',
        'parts',
        'lever',
        'brake',
        'saddle',
        'pedal',
        'handlebar',
        'cover',
        'mirror',
        'reservoir',
        'grip',
      ),
    ),
  ),
  [{ prefixes: ['8714'], boost: 0.5 }],
  [
    ex('Bicycle Saddle Cover', true),
    ex('Motorcycle Brake Lever', true),
    ex('Motorcycle Helmet Sticker', false),
    ex('Running Shoes', false),
  ],
);
rule(
  'lamps',
  'Lamps and lighting fittings',
  'Heading 9405',
  any(
    cat('Lights & Lighting'),
    t(
      'lamp',
      'lamps',
      'light fixture',
      'string lights',
      'fairy lights',
      'night light',
      'sconce',
      'chandelier',
      'led strip',
    ),
  ),
  [{ prefixes: ['9405'], boost: 0.6 }],
  [ex('LED Night Light for Bedroom', true), ex('Light Blue Dress', false)],
);
rule(
  'integrated-circuits',
  'Electronic integrated circuits',
  'Heading 8542; chapter 85 note 12(b)',
  any(
    cat('Integrated Circuits'),
    t('ic chip', 'integrated circuit', 'microcontroller', 'mcu', 'sop8', 'dip8', 'dip14', 'sot23'),
  ),
  [{ prefixes: ['8542'], boost: 0.8 }],
  [ex('NE555 DIP8 Timer IC', true), ex('USB Cable', false)],
);
rule(
  'festive-articles',
  'Festive, carnival or entertainment articles (Christmas, party decorations)',
  'Heading 9505',
  any(
    cat('Festive & Party Supplies'),
    t('christmas', 'halloween', 'party decoration', 'birthday decoration', 'easter'),
  ),
  [{ prefixes: ['9505'], boost: 0.5 }],
  [ex('Christmas Tree Ornaments', true), ex('Office Chair', false)],
);
rule(
  'bags-cases',
  'Trunks, handbags, backpacks, wallets and similar containers',
  'Heading 4202',
  any(
    cat('Luggage & Bags'),
    t(
      'handbag',
      'backpack',
      'wallet',
      'purse',
      'suitcase',
      'tote bag',
      'shoulder bag',
      'crossbody',
      'carrying case',
      'storage case',
      'cosmetic bag',
    ),
  ),
  [{ prefixes: ['4202'], boost: 0.8 }],
  [ex('Leather Crossbody Bag Women', true), ex('Tea Bag', false)],
);
rule(
  'hair-accessories',
  'Combs, hair-slides, hair clips and pins',
  'Heading 9615',
  t(
    'hair clip',
    'hair claw',
    'claw clip',
    'hairpin',
    'hair pin',
    'barrette',
    'hair comb',
    'bobby pin',
    'hair slide',
  ),
  [{ prefixes: ['9615'], boost: 1.0 }],
  [ex('Flower Claw Hair Clip', true), ex('Hair Extension Clip In', false)],
);
rule(
  'sunglasses',
  'Sunglasses',
  'Subheading 9004.10',
  t('sunglasses', 'sun glasses'),
  [{ prefixes: ['900410'], boost: 1.2 }],
  [ex('Polarized Sunglasses Kids', true), ex('Reading Glasses', false)],
);
rule(
  'fishing-tackle',
  'Fishing rods, reels, lures and tackle',
  'Heading 9507',
  any(cat('Fishing'), t('fishing')),
  [{ prefixes: ['9507'], boost: 0.8 }],
  [ex('Fishing Rod Telescopic', true), ex('Fish Oil Capsules', false)],
);
rule(
  'video-games',
  'Video game consoles, controllers and their accessories',
  'Subheading 9504.50',
  any(
    t('game console', 'gamepad', 'controller', 'joystick', 'game cartridge', 'handheld game', 'emulator'),
    cat('Games & Accessories', 'Handheld Game Players'),
  ),
  [{ prefixes: ['950450'], boost: 0.8 }],
  [ex('Wireless Gamepad for PS4', true), ex('Playing Cards Poker', false)],
);
rule(
  'socks-hosiery',
  'Socks and hosiery',
  'Heading 6115',
  t('socks', 'sock', 'stockings', 'tights', 'pantyhose'),
  [{ prefixes: ['6115'], boost: 1.0 }],
  [ex('Cotton Socks Men', true), ex('Sock Knitting Needles', true), ex('Shoe Rack', false)],
);
rule(
  'brassieres',
  'Brassieres, girdles, corsets',
  'Heading 6212',
  t('bra', 'bras', 'brassiere', 'bralette', 'corset', 'shapewear', 'girdle'),
  [{ prefixes: ['6212'], boost: 1.0 }],
  [ex('Push Up Bra Seamless', true), ex('Panties Cotton', false)],
);
rule(
  'blankets',
  'Blankets and travelling rugs',
  'Heading 6301',
  t('blanket', 'blankets', 'throw'),
  [{ prefixes: ['6301'], boost: 0.8 }],
  [ex('Flannel Throw Blanket', true), ex('Bed Sheet Set', false)],
);
rule(
  'table-linen',
  'Table linen',
  'Heading 6302 (table linen)',
  t('tablecloth', 'table cloth', 'table runner', 'placemat', 'napkin', 'table cover'),
  [{ prefixes: ['63025', '63024'], boost: 1.0 }],
  [ex('Embroidered Tablecloth Round', true), ex('Table Lamp', false)],
);
rule(
  'furniture',
  'Furniture: seats, sofas, tables, cabinets, shelves',
  'Chapter 94 note 2',
  any(
    cat('Furniture'),
    t('sofa', 'chair', 'stool', 'bed frame', 'cabinet', 'wardrobe', 'bookshelf', 'nightstand'),
  ),
  [{ prefixes: ['9401', '9403'], boost: 0.5 }],
  [ex('Nordic Sofa Living Room', true), ex('Sofa Cover Stretch', true), ex('Phone Stand', false)],
);
rule(
  'knives',
  'Knives with cutting blades and kitchen knives',
  'Heading 8211',
  t('knife', 'knives', 'cleaver', 'chopping knife', 'chef knife'),
  [{ prefixes: ['8211'], boost: 0.6 }],
  [ex('Kitchen Chef Knife Stainless', true), ex('Knife Sharpener', true), ex('Cutting Board', false)],
);
rule(
  'cables',
  'Insulated cables fitted with connectors',
  'Subheading 8544.42',
  all(
    t('cable', 'cord', 'wire', 'lead'),
    t(
      'usb',
      'hdmi',
      'displayport',
      'connector',
      'plug',
      'extension',
      'charging',
      'type c',
      'lightning',
      'aux',
    ),
  ),
  [{ prefixes: ['854442'], boost: 0.8 }],
  [ex('USB Type C Charging Cable', true), ex('Wire Basket', false)],
);
rule(
  'hats-headwear',
  'Hats and other headgear',
  'Headings 6504–6506',
  t('hat', 'cap', 'beanie', 'beret', 'bucket hat', 'baseball cap', 'headband'),
  [{ prefixes: ['6505', '6504', '6506'], boost: 0.6 }],
  [ex('Knitted Beanie Hat Winter', true), ex('Bottle Cap Opener', true), ex('Scarf Silk', false)],
);
rule(
  'electric-powered',
  'Powered by electricity (battery, USB, mains): electrical machines of chapter 85 or 84 rather than hand tools',
  'Section XVI; chapters 82 vs 84/85',
  any(
    attr('power source', 'battery', 'usb', 'electric', 'rechargeable', 'ac', 'dc', 'lithium'),
    t('rechargeable', 'electric', 'battery powered', 'usb powered', 'cordless'),
  ),
  [
    { prefixes: ['85'], boost: 0.3 },
    { prefixes: ['84'], boost: 0.2 },
    { prefixes: ['82'], boost: -0.3 },
  ],
  [ex('Electric Toothbrush Rechargeable', true), ex('Manual Can Opener', false)],
);
rule(
  'brushes',
  'Brooms, brushes, paint brushes, toilet brushes',
  'Heading 9603',
  t('brush', 'brushes', 'broom'),
  [{ prefixes: ['9603'], boost: 0.6 }],
  [ex('Toilet Brush with Holder', true), ex('Brushed Stainless Steel Sink', false)],
);

const MAT = (...v) => any(attr('material', ...v), attr('fabric', ...v), attr('composition', ...v));
rule(
  'fibre-cotton',
  'Textiles classified by the predominating fibre: cotton',
  'Section XI note 2; subheading note 2',
  all(MAT('cotton'), not(MAT('polyester', 'nylon', 'spandex', 'wool', 'silk', 'acrylic'))),
  [
    { lineWords: ['cotton'], boost: 0.35 },
    { lineWords: ['wool', 'synthetic', 'man-made', 'artificial fibers'], boost: -0.15 },
  ],
  [
    ex('Bodycon Dress', true, { attributes: { Material: 'Cotton' } }),
    ex('Bodycon Dress', false, { attributes: { Material: 'Polyester' } }),
  ],
);
rule(
  'fibre-synthetic',
  'Textiles classified by the predominating fibre: synthetic (polyester, nylon, spandex, acrylic)',
  'Section XI note 2; chapter 54/55',
  all(
    MAT(
      'polyester',
      'nylon',
      'spandex',
      'elastane',
      'acrylic',
      'polyamide',
      'microfiber',
      'chiffon',
      'satin',
    ),
    not(MAT('cotton')),
  ),
  [
    { lineWords: ['synthetic', 'man-made'], boost: 0.35 },
    { lineWords: ['cotton', 'wool'], boost: -0.15 },
  ],
  [
    ex('Yoga Leggings', true, { attributes: { Material: 'Polyester,Spandex' } }),
    ex('Cotton Tee', false, { attributes: { Material: 'Cotton' } }),
  ],
);
rule(
  'fibre-wool',
  'Textiles classified by the predominating fibre: wool or fine animal hair',
  'Section XI note 2',
  MAT('wool', 'cashmere', 'mohair', 'alpaca'),
  [{ lineWords: ['wool'], boost: 0.35 }],
  [
    ex('Scarf', true, { attributes: { Material: 'Wool' } }),
    ex('Scarf', false, { attributes: { Material: 'Polyester' } }),
  ],
);
rule(
  'fibre-silk',
  'Textiles classified by the predominating fibre: silk',
  'Section XI note 2',
  MAT('silk', 'mulberry silk'),
  [{ lineWords: ['silk'], boost: 0.35 }],
  [
    ex('Pillowcase', true, { attributes: { Material: 'Mulberry Silk' } }),
    ex('Pillowcase', false, { attributes: { Material: 'Cotton' } }),
  ],
);
rule(
  'material-leather',
  'Goods of leather (genuine leather, cowhide, sheepskin)',
  'Chapter 42; headings by material',
  any(
    MAT('genuine leather', 'cowhide', 'cow leather', 'sheepskin', 'leather'),
    t('genuine leather', 'cowhide', 'sheepskin'),
  ),
  [{ lineWords: ['leather'], boost: 0.3 }],
  [
    ex('Belt', true, { attributes: { Material: 'Genuine Leather' } }),
    ex('Belt', false, { attributes: { Material: 'PU' } }),
  ],
);
rule(
  'material-plastics-line',
  'Goods of plastics: prefer lines that say plastics',
  'GRI 1; lines "of plastics"',
  MAT('plastic', 'pvc', 'abs', 'pp', 'acrylic', 'resin', 'silicone', 'tpu', 'eva', 'pet'),
  [{ lineWords: ['plastics'], boost: 0.2 }],
  [
    ex('Storage Box', true, { attributes: { Material: 'PP' } }),
    ex('Storage Box', false, { attributes: { Material: 'Wood' } }),
  ],
);
rule(
  'material-base-metal',
  'Goods of base metal (steel, iron, zinc alloy, brass, aluminium)',
  'Section XV; lines "of base metal"',
  MAT(
    'stainless steel',
    'steel',
    'iron',
    'zinc alloy',
    'alloy',
    'brass',
    'copper',
    'aluminum',
    'aluminium',
    'metal',
  ),
  [{ lineWords: ['base metal', 'steel', 'iron', 'aluminum', 'copper'], boost: 0.2 }],
  [
    ex('Keychain', true, { attributes: { Material: 'Zinc Alloy' } }),
    ex('Keychain', false, { attributes: { Material: 'Acrylic' } }),
  ],
);

rule(
  'footwear-covering-ankle',
  'Boots and high-tops cover the ankle; shoes, sandals and slippers do not',
  'Chapter 64 subheadings "covering the ankle" (e.g. 6402.91, 6404.19 statistical lines)',
  all(
    SHOE,
    t(
      'boot',
      'boots',
      'ankle boots',
      'high top',
      'high-top',
      'booties',
      'galoshes',
      'rain boots',
      'snow boots',
    ),
  ),
  [{ lineWords: ['covering the ankle'], boost: 0.4 }],
  [ex('Women Ankle Boots Winter', true), ex('Beach Sandals', false)],
);
rule(
  'footwear-not-covering-ankle',
  'Shoes, sandals, slippers and pumps do not cover the ankle',
  'Chapter 64 subheadings "covering the ankle"',
  all(
    SHOE,
    not(t('boot', 'boots', 'high top', 'high-top', 'booties', 'galoshes')),
    t(
      'sandal',
      'sandals',
      'slipper',
      'slippers',
      'pumps',
      'heels',
      'loafers',
      'flip flops',
      'sneakers',
      'flats',
      'mules',
    ),
  ),
  [{ lineWords: ['covering the ankle'], boost: -0.3 }],
  [ex('Beach Sandals', true), ex('Snow Boots', false)],
);
const WORK_FOOTWEAR = t(
  'work shoes',
  'work boots',
  'work shoe',
  'work boot',
  'safety shoes',
  'safety boots',
  'safety shoe',
  'steel toe',
  'composite toe',
  'anti smash',
  'anti-smash',
  'anti puncture',
  'puncture proof',
  'labor insurance',
);
rule(
  'footwear-work',
  'Work and safety shoes and boots are "work footwear"',
  'Chapter 64 statistical lines "Work footwear" (footwear designed for use in occupations; statistical note to chapter 64)',
  all(SHOE, WORK_FOOTWEAR),
  [{ lineWords: ['work footwear'], boost: 0.3 }],
  [ex('Steel Toe Safety Shoes Men Work Boots', true), ex('Women Ankle Boots Winter', false)],
);
rule(
  'footwear-not-work',
  'Footwear not described as work or safety footwear is not on the "work footwear" lines',
  'Chapter 64 statistical lines "Work footwear" (footwear designed for use in occupations; statistical note to chapter 64)',
  all(SHOE, not(WORK_FOOTWEAR)),
  [{ lineWords: ['work footwear'], boost: -0.3 }],
  [ex('Women Ankle Boots Winter', true), ex('Steel Toe Safety Shoes Men Work Boots', false)],
);
const ATHLETIC_FOOTWEAR = t(
  'sneaker',
  'sneakers',
  'trainers',
  'running shoes',
  'running',
  'tennis',
  'basketball',
  'gym',
  'training',
  'jogging',
  'sports shoes',
  'sport shoes',
  'athletic',
  'walking shoes',
  'skate shoes',
);
rule(
  'footwear-athletic',
  'Sneakers, trainers, running, tennis, basketball and gym shoes are "tennis shoes, basketball shoes, gym shoes, training shoes and the like"',
  'Chapter 64 lines "Tennis shoes, basketball shoes, gym shoes, training shoes and the like"',
  all(SHOE, ATHLETIC_FOOTWEAR),
  [{ lineWords: ['tennis shoes', 'training shoes'], boost: 0.3 }],
  [ex('Men Running Shoes Breathable Sneakers', true), ex('Women Leather Loafers', false)],
);
rule(
  'footwear-not-athletic',
  'Flats, loafers, oxfords, heels, sandals, slippers and boots not described as sports shoes are not tennis, gym or training shoes',
  'Chapter 64 lines "Tennis shoes, basketball shoes, gym shoes, training shoes and the like"',
  all(
    SHOE,
    not(ATHLETIC_FOOTWEAR),
    t(
      'flats',
      'loafers',
      'oxfords',
      'oxford',
      'brogues',
      'boat shoes',
      'moccasins',
      'dress shoes',
      'heels',
      'pumps',
      'mules',
      'sandals',
      'sandal',
      'slippers',
      'slipper',
      'boots',
      'boot',
      'flip flops',
      'clogs',
    ),
  ),
  [{ lineWords: ['tennis shoes', 'training shoes'], boost: -0.3 }],
  [ex('Women Leather Loafers', true), ex('Men Running Shoes Breathable Sneakers', false)],
);
const JEWEL = any(
  t(
    'ring',
    'earring',
    'necklace',
    'bracelet',
    'pendant',
    'brooch',
    'anklet',
    'jewelry',
    'charm',
    'choker',
    'rosary',
  ),
  cat('Jewelry'),
);
rule(
  'religious-jewellery',
  'Jewellery of a purely devotional character (crosses, crucifixes, rosaries, saints, Buddha, mantras) is a religious article',
  'Subheading 7117.19.30: religious articles of a purely devotional character designed to be worn on apparel or carried on or about the person',
  all(
    JEWEL,
    t(
      'jesus',
      'christ',
      'crucifix',
      'rosary',
      'virgin mary',
      'our lady',
      'saint',
      'st benedict',
      'guardian angel',
      'holy',
      'christian',
      'catholic',
      'orthodox',
      'cross pendant',
      'cross necklace',
      'buddha',
      'buddhism',
      'buddhist',
      'om mani padme hum',
      'mantra',
      'prayer',
      'allah',
      'quran',
      'islamic',
      'ayatul kursi',
      'star of david',
      'hindu',
      'ganesha',
    ),
  ),
  [{ prefixes: ['7117'], lineWords: ['religious articles'], boost: 0.6 }],
  [
    ex('Virgin Mary Pendant Necklace Stainless Steel', true),
    ex('Heart Pendant Necklace Stainless Steel', false),
  ],
);
rule(
  'jewellery-chain-by-length',
  'Jewellery chain sold by length (feet, meters, rolls, spools) is chain "produced in continuous lengths"',
  'Subheadings 7113.11.10, 7113.19.10, 7113.20.10 and 7117.19.05-7117.19.20: rope, curb, cable, chain and similar articles produced in continuous lengths',
  all(
    t('chain', 'chains'),
    t('feet', 'foot', 'ft', 'meter', 'meters', 'metre', 'metres', 'yard', 'yards', 'roll', 'spool', 'reel'),
  ),
  [{ prefixes: ['7113', '7117'], lineWords: ['continuous lengths'], boost: 0.6 }],
  [
    ex('10 Feet Figaro Link Chain Bulk Stainless Steel', true),
    ex('Stainless Steel Cuban Chain Necklace 50cm', false),
  ],
);
rule(
  'imitation-jewellery-not-base-metal',
  'Imitation jewellery of plastics, glass, wood, shell or textile is "other" imitation jewellery',
  'Subheading 7117.90 (7117.11/7117.19 are of base metal)',
  all(
    any(
      cat('Fashion Jewelry', 'Jewelry'),
      t('necklace', 'bracelet', 'earring', 'earrings', 'brooch', 'anklet', 'pendant', 'charm', 'charms'),
    ),
    any(
      MAT(
        'acrylic',
        'resin',
        'plastic',
        'glass',
        'wood',
        'shell',
        'leather',
        'rope',
        'fabric',
        'beads',
        'seed beads',
        'clay',
        'polymer clay',
        'crystal glass',
      ),
      t('acrylic', 'resin', 'wooden', 'shell', 'seed bead', 'beaded', 'polymer clay', 'leather cord'),
    ),
    not(MAT('zinc alloy', 'alloy', 'stainless steel', 'brass', 'copper', 'metal', 'iron', 'titanium')),
  ),
  [{ prefixes: ['711790'], boost: 0.4 }],
  [
    ex('Shell Bead Bracelet', true, { attributes: { Material: 'Shell' } }),
    ex('Zinc Alloy Necklace', false, { attributes: { Material: 'Zinc Alloy' } }),
  ],
);

// ── Goods of chapters 01–67 named by their everyday names (batch of 2026-11-22) ──

// Goods named by a heading's own text (GRI 1: classification by the terms of the headings). Written from
// the heading texts of the HTS and the everyday names of the goods, for common cross-border consumer goods
// that no rule above covers; each rule keeps away from the uses of the same word for other goods.
rule(
  'perfumes',
  'Perfumes and toilet waters',
  'Heading 3303',
  all(
    any(
      t('perfume', 'perfumes', 'eau de parfum', 'eau de toilette', 'cologne', 'body mist', 'body splash'),
      cat('Perfume', 'Fragrances'),
    ),
    // Empty bottles, atomizers and diffusers are containers or apparatus, not the perfume.
    not(t('empty', 'refillable', 'atomizer', 'diffuser')),
  ),
  [{ prefixes: ['3303'], boost: 0.8 }],
  [
    ex('Floral Eau de Parfum Spray 100ml', true),
    ex('Empty Perfume Bottle Glass Atomizer', false),
    ex('Scented Candle', false),
  ],
);
rule(
  'make-up-skin-care',
  'Beauty, make-up and skin-care preparations; manicure and pedicure preparations',
  'Heading 3304',
  any(
    t(
      'lipstick',
      'lip gloss',
      'eyeshadow',
      'eye shadow',
      'mascara',
      'eyeliner',
      'concealer',
      'nail polish',
      'gel polish',
      'face cream',
      'eye cream',
      'sunscreen',
      'serum',
      'moisturizer',
      'blush palette',
    ),
    cat('Skin Care', 'Nail Polish', 'Lipstick', 'Eye Shadow'),
  ),
  [{ prefixes: ['3304'], boost: 0.6 }],
  [
    ex('Matte Lipstick Long Lasting', true),
    ex('Hyaluronic Acid Face Serum', true),
    ex('Lipstick Case Holder', true),
    ex('Makeup Brush Set', false),
    ex('Cotton T-shirt', false),
  ],
);
rule(
  'hair-preparations',
  'Preparations for use on the hair: shampoos, hair dyes, conditioners, sprays',
  'Heading 3305',
  any(
    t(
      'shampoo',
      'hair dye',
      'hair color',
      'hair colour',
      'hair conditioner',
      'hair spray',
      'hair wax',
      'hair oil',
      'hair mask',
      'hair gel',
    ),
    cat('Hair Care & Styling', 'Hair Coloring Products'),
  ),
  [{ prefixes: ['3305'], boost: 0.7 }],
  [ex('Black Hair Dye Shampoo 500ml', true), ex('Human Hair Wig Lace Front', false)],
);
rule(
  'oral-hygiene',
  'Preparations for oral or dental hygiene: toothpaste, dental floss, denture preparations',
  'Heading 3306',
  t(
    'toothpaste',
    'dental floss',
    'floss picks',
    'mouthwash',
    'teeth whitening',
    'orthodontic wax',
    'denture',
  ),
  [{ prefixes: ['3306'], boost: 0.7 }],
  [ex('Whitening Toothpaste Mint', true), ex('Electric Toothbrush Heads', false)],
);
rule(
  'candles',
  'Candles, tapers and the like',
  'Heading 3406',
  all(
    t('candle', 'candles', 'tealight', 'tea light'),
    not(t('holder', 'candlestick', 'lantern', 'led', 'electric', 'mold', 'mould')),
  ),
  [{ prefixes: ['3406'], boost: 0.7 }],
  [
    ex('Scented Soy Wax Candle Jar', true),
    ex('LED Flameless Candles', false),
    ex('Glass Candle Holder', false),
  ],
);
rule(
  'rechargeable-batteries',
  'Electric accumulators (rechargeable batteries, battery packs, power banks)',
  'Heading 8507',
  all(
    any(
      t(
        'rechargeable battery',
        'battery pack',
        'lithium battery',
        'li-ion battery',
        'li ion battery',
        'lipo battery',
        'nimh battery',
        'ni-mh battery',
        'replacement battery',
        '18650',
        'power bank',
        'powerbank',
      ),
      cat('Batteries', 'Battery Packs', 'Power Bank'),
    ),
    // Goods that come with or run on a battery are classified as those goods.
    not(
      t('connector', 'extension cable', 'charger', 'light', 'lamp', 'level', 'drill', 'toy', 'fan', 'camera'),
    ),
  ),
  [
    { prefixes: ['8507'], boost: 0.8 },
    { prefixes: ['8506'], boost: 0.3 },
  ],
  [ex('7.4V 2000mAh Lipo Battery for RC Car', true), ex('Battery Powered LED Fairy Lights', false)],
);
rule(
  'primary-batteries',
  'Primary cells and batteries (not rechargeable): alkaline, button and coin cells',
  'Heading 8506',
  all(
    t(
      'alkaline battery',
      'alkaline batteries',
      'button cell',
      'coin cell',
      'cr2032',
      'lr44',
      'aa batteries',
      'aaa batteries',
    ),
    not(t('rechargeable')),
  ),
  [{ prefixes: ['8506'], boost: 0.8 }],
  [ex('CR2032 Coin Cell 3V 5pcs', true), ex('Rechargeable AA Batteries NiMH', false)],
);
rule(
  'screws-bolts-nuts',
  'Screws, bolts, nuts, rivets and washers',
  'Heading 7318 (of iron or steel); 7415 (copper), 7616 (aluminium) by material',
  all(
    t(
      'screw',
      'screws',
      'bolt',
      'bolts',
      'rivet',
      'rivets',
      'hex nut',
      'lock nut',
      'wing nut',
      'nuts and bolts',
      'self tapping',
    ),
    not(t('screwdriver', 'pump', 'jack', 'cap', 'lens', 'terminal', 'bag', 'bags')),
  ),
  [
    { prefixes: ['7318'], boost: 0.6 },
    { prefixes: ['7415', '7616', '3926'], boost: 0.2 },
  ],
  [ex('M3 Stainless Steel Hex Socket Screws 100pcs', true), ex('Precision Screwdriver Set', false)],
);
rule(
  'locks-padlocks',
  'Padlocks and locks (key, combination or electrically operated)',
  'Heading 8301',
  t(
    'padlock',
    'door lock',
    'bicycle lock',
    'bike lock',
    'combination lock',
    'smart lock',
    'cable lock',
    'cabinet lock',
    'drawer lock',
    'fingerprint lock',
    'anti theft lock',
  ),
  [{ prefixes: ['8301'], boost: 0.8 }],
  [ex('Heavy Duty Bicycle Lock with Keys', true), ex('Lock Nut M8', false)],
);
rule(
  'clasps-buckles',
  'Clasps, buckles, hooks, eyes and eyelets of base metal',
  'Heading 8308',
  all(
    t(
      'buckle',
      'buckles',
      'clasp',
      'clasps',
      'eyelet',
      'eyelets',
      'grommet',
      'grommets',
      'carabiner',
      'snap hook',
      'aglet',
      'aglets',
    ),
    not(MAT('plastic', 'acrylic', 'resin', 'pp', 'pom', 'nylon')),
    not(t('necklace', 'bracelet', 'earring', 'belt')),
  ),
  [{ prefixes: ['8308'], boost: 0.6 }],
  [ex('Brass Carabiner Snap Hook for Bag Strap', true), ex('Gold Necklace with Lobster Clasp', false)],
);
rule(
  'glass-drinkware',
  'Drinking glasses and glassware for table or kitchen (not spectacles)',
  'Heading 7013',
  any(
    t(
      'wine glass',
      'wine glasses',
      'whiskey glass',
      'whiskey glasses',
      'whisky glasses',
      'drinking glass',
      'beer glass',
      'champagne glass',
      'shot glass',
      'glass cup',
      'glass mug',
      'glass teapot',
      'glass bowl',
    ),
    all(cat('Drinkware', 'Glass'), MAT('glass')),
  ),
  [
    { prefixes: ['7013'], boost: 0.9 },
    { prefixes: ['9004'], boost: -0.6 },
  ],
  [ex('Crystal Whiskey Glasses Set of 4', true), ex('Reading Glasses Blue Light', false)],
);
rule(
  'ceramic-tableware',
  'Tableware and kitchenware of porcelain, china or other ceramics',
  'Headings 6911, 6912',
  any(
    t(
      'porcelain',
      'ceramic mug',
      'ceramic cup',
      'ceramic plate',
      'ceramic bowl',
      'ceramic teapot',
      'bone china',
      'stoneware',
    ),
    all(
      t('mug', 'cup', 'plate', 'bowl', 'teapot', 'dinnerware', 'tableware'),
      any(MAT('ceramic', 'porcelain'), t('ceramic')),
    ),
  ),
  [{ prefixes: ['6911', '6912'], boost: 0.7 }],
  [ex('Ceramic Coffee Mug 350ml', true), ex('Ceramic Blade Knife', false)],
);
rule(
  'lighters',
  'Cigarette lighters and other lighters',
  'Heading 9613',
  all(
    t('lighter', 'lighters'),
    not(t('charger', 'socket', 'adapter', 'splitter', 'plug', 'usb port', 'cigarette lighter port')),
  ),
  [{ prefixes: ['9613'], boost: 0.8 }],
  [ex('Windproof Jet Torch Lighter', true), ex('Car Charger Cigarette Lighter Socket', false)],
);
rule(
  'pens-pencils',
  'Pens, markers and pencils',
  'Headings 9608, 9609',
  all(
    t(
      'ballpoint',
      'ball pen',
      'gel pen',
      'gel pens',
      'fountain pen',
      'marker pen',
      'markers',
      'highlighter',
      'pencil',
      'pencils',
      'crayon',
      'crayons',
    ),
    not(
      t(
        'book',
        'case',
        'bag',
        'organizer',
        'holder',
        'sharpener',
        'cosmetic',
        'eyebrow',
        'eyeliner',
        'lip liner',
      ),
    ),
  ),
  [{ prefixes: ['9608', '9609'], boost: 0.7 }],
  [
    ex('Gel Pens 0.5mm Black 12pcs', true),
    ex('Pencil Case Canvas', false),
    ex('Pen Holder Desk Organizer', false),
  ],
);
rule(
  'umbrellas',
  'Umbrellas and sun umbrellas',
  'Heading 6601',
  all(t('umbrella', 'umbrellas', 'parasol'), not(t('stroller', 'lamp', 'light', 'reflector', 'photography'))),
  [{ prefixes: ['6601'], boost: 0.9 }],
  [ex('Windproof Folding Umbrella Automatic', true), ex('Photography Umbrella Reflector', false)],
);
rule(
  'neckties',
  'Ties, bow ties and cravats',
  'Heading 6215 (6117.80 if knitted)',
  t('necktie', 'neckties', 'bow tie', 'bow ties', 'bowtie', 'neck tie', 'cravat', 'tie clip'),
  [{ prefixes: ['6215', '611780'], boost: 0.8 }],
  [ex('Silk Bow Tie for Men', true), ex('Tie Dye T-shirt', false)],
);
rule(
  'scarves-shawls',
  'Shawls, scarves, mufflers, veils and the like',
  'Heading 6214 (6117.10 if knitted)',
  all(
    t('scarf', 'scarves', 'shawl', 'shawls', 'muffler', 'hijab', 'bandana', 'pashmina'),
    not(t('dress', 'abaya', 'kaftan', 'ring', 'clip', 'pin')),
  ),
  [{ prefixes: ['6214', '611710'], boost: 0.6 }],
  [ex('Cashmere Winter Scarf Women', true), ex('Scarf Ring Brooch', false), ex('Winter Beanie Hat', false)],
);
rule(
  'scissors',
  'Scissors, tailors’ shears and similar',
  'Heading 8213',
  all(t('scissors', 'shears'), not(t('hedge', 'pruning', 'garden', 'lawn', 'electric'))),
  [{ prefixes: ['8213'], boost: 0.8 }],
  [ex('Tailor Scissors Stainless Steel', true), ex('Garden Pruning Shears', false)],
);
rule(
  'manicure-pedicure',
  'Manicure and pedicure sets and instruments (nail clippers, nail files)',
  'Heading 8214',
  all(
    t(
      'nail clipper',
      'nail clippers',
      'manicure set',
      'pedicure set',
      'nail file',
      'cuticle pusher',
      'cuticle nipper',
    ),
    not(t('electric', 'rechargeable', 'drill')),
  ),
  [{ prefixes: ['821420'], boost: 0.8 }],
  [ex('Stainless Nail Clipper Set 7pcs', true), ex('Electric Nail Drill Machine', false)],
);
rule(
  'mirrors',
  'Glass mirrors, framed or not (make-up, wall, pocket, vanity)',
  'Heading 7009',
  t(
    'makeup mirror',
    'cosmetic mirror',
    'wall mirror',
    'vanity mirror',
    'pocket mirror',
    'compact mirror',
    'bathroom mirror',
    'full length mirror',
  ),
  [{ prefixes: ['7009'], boost: 0.6 }],
  [ex('LED Makeup Mirror with Lights', true), ex('Mirror Finish Stainless Steel Sheet', false)],
);
rule(
  'filters',
  'Filters for air, oil, fuel or water, and filtering machinery (parts: 8421.99)',
  'Heading 8421',
  all(
    t('filter', 'filters'),
    t('air', 'oil', 'fuel', 'water', 'cabin', 'vacuum', 'hepa', 'purifier', 'cartridge'),
    not(t('camera', 'lens', 'nd', 'cpl', 'uv', 'coffee', 'photo', 'instagram')),
  ),
  [{ prefixes: ['8421'], boost: 0.6 }],
  [ex('HEPA Filter for Vacuum Cleaner', true), ex('ND Filter for Camera Lens', false)],
);
rule(
  'measuring-instruments',
  'Thermometers and hygrometers; calipers and tape measures; levels and rangefinders; multimeters',
  'Headings 9025, 9017, 9015, 9030',
  t(
    'thermometer',
    'hygrometer',
    'caliper',
    'vernier',
    'tape measure',
    'measuring tape',
    'laser level',
    'spirit level',
    'rangefinder',
    'distance meter',
    'multimeter',
    'oscilloscope',
    'voltmeter',
    'ammeter',
  ),
  [{ prefixes: ['9025', '9017', '9015', '9030'], boost: 0.6 }],
  [
    ex('Digital Multimeter Auto Range', true),
    ex('Laser Level 12 Lines Green', true),
    ex('Measuring Cup Set', false),
  ],
);
rule(
  'bed-linen',
  'Bed linen: sheets, pillowcases, duvet covers',
  'Heading 6302 (bed linen)',
  t(
    'pillowcase',
    'pillow case',
    'pillowcases',
    'duvet cover',
    'bed sheet',
    'bed sheets',
    'fitted sheet',
    'bedding set',
    'quilt cover',
  ),
  [{ prefixes: ['6302'], boost: 0.7 }],
  [ex('Silk Pillowcase Set of 2', true), ex('Memory Foam Pillow', false)],
);
rule(
  'bedding-cushions',
  'Pillows, cushions, mattresses, quilts and sleeping bags (stuffed articles of bedding)',
  'Heading 9404',
  all(
    t('pillow', 'cushion', 'mattress', 'quilt', 'comforter', 'sleeping bag', 'duvet'),
    not(
      t(
        'pillowcase',
        'pillow case',
        'cover',
        'duvet cover',
        'cushion cover',
        'quilt cover',
        'bed sheet',
        'air cushion',
        'nose pad',
        'insole',
        'shoe',
      ),
    ),
  ),
  [{ prefixes: ['9404'], boost: 0.6 }],
  [ex('Memory Foam Neck Pillow', true), ex('Cushion Cover 45x45 Linen', false)],
);
rule(
  'curtains',
  'Curtains, drapes and interior blinds',
  'Heading 6303',
  all(
    t('curtain', 'curtains', 'drapes', 'blackout blind', 'roller blind'),
    not(t('rod', 'hook', 'hooks', 'ring', 'rings', 'shower curtain', 'track')),
  ),
  [{ prefixes: ['6303'], boost: 0.7 }],
  [ex('Blackout Curtains for Bedroom 2 Panels', true), ex('Curtain Rod Brackets', false)],
);
rule(
  'wrist-watches',
  'Wrist-watches with case not of precious metal (smart watches are data apparatus, watch parts are 9111/9114)',
  'Heading 9102',
  all(
    t(
      'wristwatch',
      'wrist watch',
      'quartz watch',
      'mechanical watch',
      'automatic watch',
      'digital watch',
      'watch men',
      'watch woman',
      'luxury watch',
    ),
    not(
      t(
        'smart watch',
        'smartwatch',
        'strap',
        'band',
        'case',
        'dial',
        'crown',
        'movement',
        'parts',
        'box',
        'winder',
        'repair',
      ),
    ),
  ),
  [{ prefixes: ['9102'], boost: 0.8 }],
  [ex('Luxury Quartz Watch Men Stainless Steel', true), ex('Watch Strap 20mm Leather', false)],
);
rule(
  'clocks',
  'Clocks: wall, alarm and desk clocks',
  'Headings 9105 (9103 with watch movements)',
  t('wall clock', 'alarm clock', 'desk clock', 'table clock', 'digital clock'),
  [{ prefixes: ['9105', '9103'], boost: 0.8 }],
  [
    ex('Silent Wall Clock Modern', true),
    ex('Clock Movement Mechanism DIY', false),
    ex('Clockwork Toy', false),
  ],
);
rule(
  'power-adapters',
  'Chargers, power adapters and power supplies are static converters',
  'Subheading 8504.40',
  all(
    t('charger', 'chargers', 'power adapter', 'power supply', 'ac adapter', 'switching power'),
    not(t('cable', 'case', 'stand', 'holder', 'solar panel', 'battery pack', 'power bank', 'ic', 'chip')),
  ),
  [
    { prefixes: ['8504'], boost: 0.3 },
    { prefixes: ['850440'], boost: 0.3 },
  ],
  [ex('65W USB C Fast Charger GaN', true), ex('USB C Charger Cable 2m', false)],
);
rule(
  'storage-media',
  'USB flash drives and memory cards (solid-state non-volatile storage)',
  'Subheading 8523.51',
  t(
    'usb flash drive',
    'flash drive',
    'pen drive',
    'memory card',
    'sd card',
    'micro sd',
    'tf card',
    'memory stick',
  ),
  [{ prefixes: ['852351'], boost: 0.8 }],
  [
    ex('128GB USB Flash Drive Metal', true),
    ex('SD Card Reader USB 3.0', true),
    ex('Hard Drive Enclosure', false),
  ],
);
// ── Goods of chapters 68–97 named by their everyday names (batch of 2026-11-22) ──

const synonyms = {
  tshirt: ['t-shirts', 'singlets'],
  tee: ['t-shirts'],
  hoodie: ['sweatshirts', 'pullovers'],
  sweater: ['sweaters', 'pullovers'],
  cardigan: ['sweaters', 'waistcoats'],
  jeans: ['trousers', 'denim'],
  pants: ['trousers'],
  leggings: ['trousers'],
  shorts: ['shorts'],
  romper: ['garments'],
  bodysuit: ['garments'],
  pajamas: ['pajamas', 'sleepwear'],
  pyjamas: ['pajamas'],
  robe: ['bathrobes', 'dressing gowns'],
  panties: ['panties', 'briefs'],
  bra: ['brassieres'],
  bras: ['brassieres'],
  corset: ['corsets', 'brassieres'],
  socks: ['socks', 'hosiery'],
  sneaker: ['footwear', 'athletic'],
  sneakers: ['footwear', 'athletic'],
  slippers: ['footwear', 'house slippers'],
  slipper: ['footwear', 'house slippers'],
  boots: ['footwear', 'ankle'],
  sandals: ['footwear', 'sandals'],
  heels: ['footwear'],
  pumps: ['footwear'],
  shoes: ['footwear'],
  earrings: ['jewelry'],
  earring: ['jewelry'],
  necklace: ['jewelry'],
  bracelet: ['jewelry'],
  ring: ['jewelry'],
  rings: ['jewelry'],
  pendant: ['jewelry'],
  brooch: ['jewelry'],
  anklet: ['jewelry'],
  choker: ['jewelry'],
  wig: ['wigs'],
  'hair extension': ['wigs', 'human hair'],
  keychain: ['key', 'ornamental'],
  keyring: ['key', 'ornamental'],
  phone: ['telephones', 'cellular'],
  smartphone: ['telephones', 'cellular'],
  iphone: ['telephones', 'cellular'],
  charger: ['static converters', 'chargers'],
  earphone: ['headphones', 'earphones'],
  earphones: ['headphones', 'earphones'],
  headphones: ['headphones'],
  speaker: ['loudspeakers'],
  amplifier: ['amplifiers', 'audio-frequency'],
  mouse: ['input units'],
  keyboard: ['keyboards'],
  laptop: ['portable automatic data processing'],
  led: ['light-emitting diode', 'lamps'],
  lamp: ['lamps', 'luminaires'],
  bulb: ['lamps'],
  toy: ['toys'],
  plush: ['stuffed toys'],
  doll: ['dolls'],
  puzzle: ['puzzles'],
  sticker: ['printed', 'labels'],
  stickers: ['printed', 'labels'],
  decal: ['printed', 'transfers'],
  poster: ['printed pictures'],
  card: ['printed cards'],
  tablecloth: ['table linen'],
  blanket: ['blankets'],
  towel: ['towels', 'toilet linen'],
  pillowcase: ['pillowcases', 'bed linen'],
  sofa: ['seats', 'upholstered'],
  chair: ['seats'],
  stool: ['seats'],
  desk: ['furniture'],
  cabinet: ['furniture'],
  screwdriver: ['screwdrivers'],
  wrench: ['wrenches', 'spanners'],
  pliers: ['pliers'],
  knife: ['knives'],
  scissors: ['scissors'],
  drill: ['drills'],
  sprayer: ['spraying', 'mechanical appliances'],
  scale: ['weighing'],
  microscope: ['microscopes'],
  sunglasses: ['sunglasses'],
  glasses: ['spectacles'],
  watch: ['watches', 'wrist'],
  bag: ['bags', 'handbags'],
  backpack: ['backpacks'],
  wallet: ['wallets'],
  flower: ['flowers'],
  artificial: ['artificial'],
  perfume: ['perfumes'],
  lipstick: ['lip make-up'],
  mascara: ['eye make-up'],
  nail: ['manicure', 'nails'],
  mug: ['cups', 'mugs'],
  cup: ['cups'],
  bottle: ['bottles'],
  vacuum: ['vacuum cleaners'],
  battery: ['batteries', 'accumulators'],
  'lithium battery': ['lithium-ion'],
  cable: ['insulated conductors', 'cables'],
  wire: ['wire'],
  adapter: ['adapters'],
  fuse: ['fuses'],
  switch: ['switches'],
  relay: ['relays'],
  sensor: ['sensors', 'measuring'],
  ic: ['integrated circuits'],
  chip: ['integrated circuits'],
  resistor: ['resistors'],
  capacitor: ['capacitors'],
  pcb: ['printed circuits'],
  car: ['motor vehicles'],
  auto: ['motor vehicles'],
  motorcycle: ['motorcycles'],
  bicycle: ['bicycles', 'cycles'],
  bike: ['bicycles', 'cycles'],
  fishing: ['fishing'],
  reel: ['fishing reels'],
  lure: ['fishing', 'artificial baits'],
  hat: ['hats', 'headgear'],
  cap: ['headgear'],
  beanie: ['hats', 'knitted'],
  gloves: ['gloves', 'mittens'],
  scarf: ['scarves', 'shawls'],
  tie: ['ties', 'neckties'],
  bowtie: ['bow ties', 'neckties'],
  belt: ['belts'],
  dress: ['dresses'],
  skirt: ['skirts'],
  blouse: ['blouses', 'shirts'],
  shirt: ['shirts'],
  jacket: ['jackets', 'anoraks'],
  coat: ['overcoats'],
  suit: ['suits'],
  wedding: ['dresses'],
  gown: ['dresses'],
  kaftan: ['dresses'],
  abaya: ['dresses'],
  yoga: ['athletic'],
  swimsuit: ['swimwear'],
  bikini: ['swimwear'],
  brush: ['brushes'],
  broom: ['brooms'],
  comb: ['combs'],
  clip: ['clips'],
  candle: ['candles'],
  vase: ['vases'],
  frame: ['frames'],
  mirror: ['mirrors'],
  book: ['books', 'printed'],
  notebook: ['notebooks', 'exercise books'],
  pen: ['pens'],
  pencil: ['pencils'],
  game: ['games'],
  gamepad: ['video game', 'controllers'],
  console: ['video game consoles'],
  cards: ['playing cards'],
  poker: ['playing cards'],
  stainless: ['stainless steel'],
  polyester: ['synthetic fibers'],
  nylon: ['synthetic fibers'],
  spandex: ['synthetic fibers'],
  acrylic: ['plastics'],
  cotton: ['cotton'],
  alloy: ['base metal'],
  zinc: ['zinc'],
};
// Materials as the tariff's own text names them in subheadings and statistical lines ("Of cotton", "Of
// synthetic fibers", "Of plastics", "Of base metal", "Of silver"…), and the words listings state them with
// in their material attributes. Section XI note 2 and subheading note 2 (textiles by the predominating
// fibre), chapter 71 notes 9 and 11, section XV (base metals): a line naming a material the goods are not
// of is the wrong line. Listing words that are ambiguous ("acrylic": fibre or plastic; "PU leather":
// plastics) are listed under each material they can mean, so that they never argue against a line.
// "Of textile material(s)" (e.g. 9113.90.40 watch straps, 4202 outer surfaces) names every textile fibre
// (Section XI: the textile materials of chapters 50 to 55).
const TEXTILE = ['textile material', 'textile fabric'];
const materials = {
  basis:
    'Tariff text of the subheading or line ("of cotton", "of synthetic fibers", "of plastics", "of base metal"…); Section XI note 2 and subheading note 2; chapter 71 notes 9 and 11; section XV',
  keys: ['material', 'fabric', 'composition', 'metals type', 'metal type'],
  ignoreKeys: [
    'lining',
    'insole',
    'inner',
    'sole',
    'shaft',
    'setting',
    'inlay',
    'stone',
    'cladding',
    'plating',
    'filling',
    'lens',
    'glass material',
    'bezel',
    'handle',
    'cabinet',
    'packing',
  ],
  classes: [
    { id: 'cotton', listing: ['cotton'], tariff: ['cotton', ...TEXTILE] },
    {
      id: 'wool',
      listing: ['wool', 'merino', 'cashmere', 'alpaca', 'mohair', 'angora'],
      tariff: ['wool', 'fine animal hair', ...TEXTILE],
    },
    {
      id: 'synthetic-fibres',
      listing: [
        'polyester',
        'nylon',
        'spandex',
        'elastane',
        'lycra',
        'acrylic',
        'polyamide',
        'microfiber',
        'polypropylene',
        'chiffon',
        'satin',
        'fleece',
        'polar fleece',
      ],
      tariff: ['synthetic fibers', 'synthetic filament', 'synthetic staple', 'man-made fibers', ...TEXTILE],
    },
    {
      id: 'artificial-fibres',
      listing: ['rayon', 'viscose', 'modal', 'acetate', 'lyocell', 'tencel', 'cupro'],
      tariff: [
        'artificial fibers',
        'artificial filament',
        'artificial staple',
        'man-made fibers',
        ...TEXTILE,
      ],
    },
    { id: 'silk', listing: ['silk', 'mulberry silk'], tariff: ['silk', ...TEXTILE] },
    {
      id: 'flax',
      listing: ['linen', 'flax', 'ramie', 'hemp', 'jute'],
      tariff: ['flax', 'vegetable fibers', 'jute', 'ramie', ...TEXTILE],
    },
    {
      id: 'leather',
      listing: [
        'leather',
        'genuine leather',
        'cowhide',
        'cow leather',
        'sheepskin',
        'goatskin',
        'pigskin',
        'suede',
        'split leather',
        'full grain',
      ],
      tariff: ['leather', 'composition leather'],
    },
    {
      id: 'plastics',
      listing: [
        'plastic',
        'plastics',
        'pvc',
        'pu',
        'polyurethane',
        'pu leather',
        'faux leather',
        'synthetic leather',
        'vegan leather',
        'eva',
        'abs',
        'acrylic',
        'resin',
        'tpu',
        'tpe',
        'tpr',
        'pet',
        'polycarbonate',
        'pp',
        'polypropylene',
        'polyethylene',
        'silicone',
        'vinyl',
        'nylon',
      ],
      tariff: ['plastics', 'rubber or plastics'],
    },
    {
      id: 'rubber',
      listing: ['rubber', 'latex', 'silicone rubber', 'nitrile', 'neoprene'],
      tariff: ['rubber', 'rubber or plastics'],
    },
    {
      id: 'base-metal',
      listing: [
        'stainless steel',
        'steel',
        'iron',
        'alloy',
        'zinc alloy',
        'zinc',
        'brass',
        'copper',
        'bronze',
        'aluminum',
        'aluminium',
        'titanium',
        'tungsten',
        'nickel',
        'tin',
        'metal',
        'pewter',
      ],
      tariff: [
        'base metal',
        'iron or steel',
        'stainless steel',
        'steel',
        'aluminum',
        'copper',
        'zinc',
        'nickel',
        'tin',
      ],
    },
    {
      id: 'silver',
      listing: ['silver', 'sterling', '925', 's925', '925 silver'],
      tariff: ['of silver'],
    },
    {
      id: 'precious-metal-other',
      listing: ['gold', 'karat', '14k', '18k', '10k', '9k', '24k', 'platinum'],
      tariff: ['other precious metal', 'precious metal other than silver', 'platinum'],
    },
    {
      id: 'wood',
      listing: ['wood', 'wooden', 'bamboo', 'pine', 'oak', 'walnut', 'beech', 'rattan'],
      tariff: ['wood', 'bamboo', 'rattan'],
    },
    { id: 'glass', listing: ['glass', 'crystal glass', 'borosilicate'], tariff: ['glass'] },
    {
      id: 'ceramic',
      listing: ['ceramic', 'ceramics', 'porcelain', 'stoneware', 'earthenware', 'bone china'],
      tariff: ['ceramic', 'porcelain', 'china', 'stoneware', 'earthenware'],
    },
    { id: 'paper', listing: ['paper', 'paperboard', 'cardboard', 'kraft'], tariff: ['paper', 'paperboard'] },
  ],
};
const out = {
  version: '2026.11-r4',
  validFrom: '2026-11-22',
  validTo: null,
  source:
    'Crossgate classification ruleset, written from the HTSUS General Rules of Interpretation, section and chapter notes (USITC HTS 2026 Revision 4) and listing vocabulary; reviewed by the tariff module owner',
  synonyms,
  materials,
  rules: R,
};
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
