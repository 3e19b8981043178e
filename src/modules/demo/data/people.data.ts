/**
 * Destination markets of the demo exporter and the material for fictional buyers: common first and last
 * names, real cities with their region and postcode pattern, street names. Street numbers, postcodes'
 * last characters and e-mail addresses are drawn at random; e-mails use reserved example domains and
 * phone numbers the ranges set aside for fiction (US 555-01xx, UK 07700 900xxx).
 */
export interface City {
  city: string;
  region?: string;
  /** Postcode pattern: `#` a digit, `@` a letter, anything else literal. */
  postcode: string;
  /** UTC offset in hours (standard time; good enough for order-hour shapes). */
  utc: number;
}

export interface Market {
  country: string;
  currency: 'USD' | 'EUR' | 'GBP';
  /** Share of orders. */
  share: number;
  firstNames: string[];
  lastNames: string[];
  streets: string[];
  /** How a street line reads: `{n}` number, `{s}` street. */
  lineFormat: string;
  cities: City[];
  phone?: 'us' | 'gb';
}

export const MARKETS: Market[] = [
  {
    country: 'US',
    currency: 'USD',
    share: 52,
    firstNames: ['James', 'Mary', 'Michael', 'Jennifer', 'David', 'Linda', 'Chris', 'Jessica', 'Daniel', 'Ashley', 'Matthew', 'Emily', 'Anthony', 'Sarah', 'Joshua', 'Amanda', 'Kevin', 'Brittany', 'Jose', 'Maria', 'Tyler', 'Hannah', 'Brandon', 'Megan', 'Andre', 'Keisha', 'Minh', 'Priya'],
    lastNames: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Lee', 'Nguyen', 'Patel', 'Walker', 'Young', 'King', 'Wright', 'Scott'],
    streets: ['Maple Ave', 'Oak St', 'Pine St', 'Cedar Ln', 'Elm St', 'Washington Blvd', 'Lakeview Dr', 'Park Ave', 'Sunset Blvd', 'Hillcrest Rd', 'Main St', 'Jefferson St', 'Willow Way', 'Ridge Rd', 'Meadow Ln'],
    lineFormat: '{n} {s}',
    cities: [
      { city: 'Los Angeles', region: 'CA', postcode: '900##', utc: -8 },
      { city: 'San Diego', region: 'CA', postcode: '921##', utc: -8 },
      { city: 'San Jose', region: 'CA', postcode: '951##', utc: -8 },
      { city: 'Houston', region: 'TX', postcode: '770##', utc: -6 },
      { city: 'Austin', region: 'TX', postcode: '787##', utc: -6 },
      { city: 'Dallas', region: 'TX', postcode: '752##', utc: -6 },
      { city: 'New York', region: 'NY', postcode: '100##', utc: -5 },
      { city: 'Brooklyn', region: 'NY', postcode: '112##', utc: -5 },
      { city: 'Miami', region: 'FL', postcode: '331##', utc: -5 },
      { city: 'Orlando', region: 'FL', postcode: '328##', utc: -5 },
      { city: 'Chicago', region: 'IL', postcode: '606##', utc: -6 },
      { city: 'Philadelphia', region: 'PA', postcode: '191##', utc: -5 },
      { city: 'Phoenix', region: 'AZ', postcode: '850##', utc: -7 },
      { city: 'Seattle', region: 'WA', postcode: '981##', utc: -8 },
      { city: 'Denver', region: 'CO', postcode: '802##', utc: -7 },
      { city: 'Atlanta', region: 'GA', postcode: '303##', utc: -5 },
      { city: 'Charlotte', region: 'NC', postcode: '282##', utc: -5 },
      { city: 'Columbus', region: 'OH', postcode: '432##', utc: -5 },
      { city: 'Detroit', region: 'MI', postcode: '482##', utc: -5 },
      { city: 'Boston', region: 'MA', postcode: '021##', utc: -5 },
      { city: 'Portland', region: 'OR', postcode: '972##', utc: -8 },
      { city: 'Nashville', region: 'TN', postcode: '372##', utc: -6 },
      { city: 'Las Vegas', region: 'NV', postcode: '891##', utc: -8 },
      { city: 'Minneapolis', region: 'MN', postcode: '554##', utc: -6 },
    ],
    phone: 'us',
  },
  {
    country: 'GB',
    currency: 'GBP',
    share: 13,
    firstNames: ['Oliver', 'Amelia', 'George', 'Olivia', 'Harry', 'Isla', 'Jack', 'Emily', 'Charlie', 'Sophie', 'Thomas', 'Grace', 'Mohammed', 'Aisha', 'Liam', 'Chloe', 'Callum', 'Niamh'],
    lastNames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'Khan', 'Hughes', 'Roberts', 'Campbell'],
    streets: ['High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Park Road', 'Queen Street', 'Mill Lane', 'Kings Road', 'The Crescent', 'Manor Way'],
    lineFormat: '{n} {s}',
    cities: [
      { city: 'London', postcode: 'SE1# #@@', utc: 0 },
      { city: 'London', postcode: 'N1# #@@', utc: 0 },
      { city: 'Manchester', postcode: 'M1# #@@', utc: 0 },
      { city: 'Birmingham', postcode: 'B2# #@@', utc: 0 },
      { city: 'Leeds', postcode: 'LS# #@@', utc: 0 },
      { city: 'Glasgow', region: 'Scotland', postcode: 'G1# #@@', utc: 0 },
      { city: 'Bristol', postcode: 'BS# #@@', utc: 0 },
      { city: 'Liverpool', postcode: 'L1# #@@', utc: 0 },
      { city: 'Cardiff', region: 'Wales', postcode: 'CF1# #@@', utc: 0 },
      { city: 'Nottingham', postcode: 'NG# #@@', utc: 0 },
    ],
    phone: 'gb',
  },
  {
    country: 'DE',
    currency: 'EUR',
    share: 10,
    firstNames: ['Lukas', 'Anna', 'Leon', 'Lena', 'Finn', 'Hannah', 'Jonas', 'Laura', 'Paul', 'Julia', 'Felix', 'Sophie', 'Mehmet', 'Elif', 'Maximilian', 'Katharina'],
    lastNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Yilmaz', 'Wolf', 'Neumann', 'Schwarz'],
    streets: ['Hauptstraße', 'Schulstraße', 'Gartenstraße', 'Bahnhofstraße', 'Dorfstraße', 'Bergstraße', 'Lindenstraße', 'Birkenweg', 'Am Markt', 'Goethestraße'],
    lineFormat: '{s} {n}',
    cities: [
      { city: 'Berlin', postcode: '10###', utc: 1 },
      { city: 'Hamburg', postcode: '22###', utc: 1 },
      { city: 'München', postcode: '80###', utc: 1 },
      { city: 'Köln', postcode: '50###', utc: 1 },
      { city: 'Frankfurt am Main', postcode: '60###', utc: 1 },
      { city: 'Stuttgart', postcode: '70###', utc: 1 },
      { city: 'Düsseldorf', postcode: '40###', utc: 1 },
      { city: 'Leipzig', postcode: '04###', utc: 1 },
      { city: 'Dortmund', postcode: '44###', utc: 1 },
    ],
  },
  {
    country: 'FR',
    currency: 'EUR',
    share: 7,
    firstNames: ['Gabriel', 'Louise', 'Léo', 'Emma', 'Raphaël', 'Jade', 'Arthur', 'Alice', 'Hugo', 'Chloé', 'Lucas', 'Inès', 'Yanis', 'Manon'],
    lastNames: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre', 'Michel'],
    streets: ['rue de la République', 'rue Victor Hugo', 'avenue Jean Jaurès', 'rue Pasteur', 'boulevard Gambetta', 'rue du Moulin', 'rue de la Gare', 'place de l’Église'],
    lineFormat: '{n} {s}',
    cities: [
      { city: 'Paris', postcode: '750##', utc: 1 },
      { city: 'Lyon', postcode: '6900#', utc: 1 },
      { city: 'Marseille', postcode: '130##', utc: 1 },
      { city: 'Toulouse', postcode: '3100#', utc: 1 },
      { city: 'Nantes', postcode: '4400#', utc: 1 },
      { city: 'Lille', postcode: '5900#', utc: 1 },
      { city: 'Bordeaux', postcode: '3300#', utc: 1 },
    ],
  },
  {
    country: 'IT',
    currency: 'EUR',
    share: 4,
    firstNames: ['Leonardo', 'Sofia', 'Francesco', 'Giulia', 'Alessandro', 'Aurora', 'Lorenzo', 'Alice', 'Mattia', 'Ginevra', 'Andrea', 'Chiara'],
    lastNames: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo'],
    streets: ['Via Roma', 'Via Garibaldi', 'Via Mazzini', 'Corso Italia', 'Via Dante', 'Via Verdi', 'Viale Europa'],
    lineFormat: '{s} {n}',
    cities: [
      { city: 'Roma', region: 'RM', postcode: '001##', utc: 1 },
      { city: 'Milano', region: 'MI', postcode: '201##', utc: 1 },
      { city: 'Napoli', region: 'NA', postcode: '801##', utc: 1 },
      { city: 'Torino', region: 'TO', postcode: '101##', utc: 1 },
      { city: 'Bologna', region: 'BO', postcode: '401##', utc: 1 },
    ],
  },
  {
    country: 'ES',
    currency: 'EUR',
    share: 4,
    firstNames: ['Hugo', 'Lucía', 'Martín', 'Sofía', 'Pablo', 'María', 'Daniel', 'Paula', 'Alejandro', 'Carmen', 'Javier', 'Elena'],
    lastNames: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz'],
    streets: ['Calle Mayor', 'Calle Real', 'Avenida de la Constitución', 'Calle del Sol', 'Paseo de Gracia', 'Calle Alcalá', 'Gran Vía'],
    lineFormat: '{s} {n}',
    cities: [
      { city: 'Madrid', postcode: '280##', utc: 1 },
      { city: 'Barcelona', postcode: '080##', utc: 1 },
      { city: 'Valencia', postcode: '460##', utc: 1 },
      { city: 'Sevilla', postcode: '410##', utc: 1 },
      { city: 'Zaragoza', postcode: '500##', utc: 1 },
    ],
  },
  {
    country: 'NL',
    currency: 'EUR',
    share: 3,
    firstNames: ['Daan', 'Emma', 'Sem', 'Julia', 'Lucas', 'Mila', 'Finn', 'Tess', 'Levi', 'Sophie'],
    lastNames: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer'],
    streets: ['Kerkstraat', 'Schoolstraat', 'Molenweg', 'Dorpsstraat', 'Stationsweg', 'Julianastraat', 'Beatrixlaan'],
    lineFormat: '{s} {n}',
    cities: [
      { city: 'Amsterdam', postcode: '10## @@', utc: 1 },
      { city: 'Rotterdam', postcode: '30## @@', utc: 1 },
      { city: 'Utrecht', postcode: '35## @@', utc: 1 },
      { city: 'Eindhoven', postcode: '56## @@', utc: 1 },
      { city: 'Den Haag', postcode: '25## @@', utc: 1 },
    ],
  },
  {
    country: 'PL',
    currency: 'EUR',
    share: 2.5,
    firstNames: ['Jakub', 'Zuzanna', 'Antoni', 'Julia', 'Jan', 'Maja', 'Szymon', 'Hanna', 'Filip', 'Zofia'],
    lastNames: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak'],
    streets: ['ul. Polna', 'ul. Leśna', 'ul. Słoneczna', 'ul. Krótka', 'ul. Szkolna', 'ul. Ogrodowa', 'ul. Lipowa'],
    lineFormat: '{s} {n}',
    cities: [
      { city: 'Warszawa', postcode: '0#-###', utc: 1 },
      { city: 'Kraków', postcode: '3#-###', utc: 1 },
      { city: 'Wrocław', postcode: '5#-###', utc: 1 },
      { city: 'Poznań', postcode: '6#-###', utc: 1 },
      { city: 'Gdańsk', postcode: '80-###', utc: 1 },
    ],
  },
  {
    country: 'SE',
    currency: 'EUR',
    share: 1.5,
    firstNames: ['William', 'Alice', 'Liam', 'Maja', 'Noah', 'Elsa', 'Hugo', 'Astrid', 'Oscar', 'Saga'],
    lastNames: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson'],
    streets: ['Storgatan', 'Kyrkogatan', 'Drottninggatan', 'Skolgatan', 'Östra vägen', 'Björkvägen'],
    lineFormat: '{s} {n}',
    cities: [
      { city: 'Stockholm', postcode: '11# ##', utc: 1 },
      { city: 'Göteborg', postcode: '41# ##', utc: 1 },
      { city: 'Malmö', postcode: '21# ##', utc: 1 },
      { city: 'Uppsala', postcode: '75# ##', utc: 1 },
    ],
  },
  {
    country: 'IE',
    currency: 'EUR',
    share: 1.3,
    firstNames: ['Jack', 'Grace', 'James', 'Fiadh', 'Noah', 'Emily', 'Conor', 'Aoife', 'Seán', 'Saoirse'],
    lastNames: ['Murphy', 'Kelly', "O'Sullivan", 'Walsh', 'Smith', "O'Brien", 'Byrne', 'Ryan', "O'Connor", "O'Neill"],
    streets: ['Main Street', 'Church Road', 'Dublin Road', 'Castle Street', 'Green Lane', 'Abbey Street'],
    lineFormat: '{n} {s}',
    cities: [
      { city: 'Dublin', region: 'Co. Dublin', postcode: 'D0# @#@#', utc: 0 },
      { city: 'Cork', region: 'Co. Cork', postcode: 'T12 @#@#', utc: 0 },
      { city: 'Galway', region: 'Co. Galway', postcode: 'H91 @#@#', utc: 0 },
      { city: 'Limerick', region: 'Co. Limerick', postcode: 'V94 @#@#', utc: 0 },
    ],
  },
  {
    country: 'BE',
    currency: 'EUR',
    share: 1,
    firstNames: ['Noah', 'Olivia', 'Arthur', 'Emma', 'Louis', 'Louise', 'Jules', 'Mila', 'Lucas', 'Elena'],
    lastNames: ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Dubois', 'Lambert'],
    streets: ['Kerkstraat', 'Rue de la Station', 'Stationsstraat', 'Rue du Moulin', 'Nieuwstraat', 'Avenue Louise'],
    lineFormat: '{s} {n}',
    cities: [
      { city: 'Bruxelles', postcode: '10##', utc: 1 },
      { city: 'Antwerpen', postcode: '20##', utc: 1 },
      { city: 'Gent', postcode: '90##', utc: 1 },
      { city: 'Liège', postcode: '40##', utc: 1 },
    ],
  },
  {
    country: 'AT',
    currency: 'EUR',
    share: 0.7,
    firstNames: ['Paul', 'Anna', 'Jakob', 'Marie', 'Maximilian', 'Laura', 'Elias', 'Lena', 'Tobias', 'Sarah'],
    lastNames: ['Gruber', 'Huber', 'Bauer', 'Wagner', 'Müller', 'Pichler', 'Steiner', 'Moser', 'Mayer', 'Hofer'],
    streets: ['Hauptstraße', 'Schulgasse', 'Bahnhofstraße', 'Kirchengasse', 'Mariahilfer Straße', 'Wiener Straße'],
    lineFormat: '{s} {n}',
    cities: [
      { city: 'Wien', postcode: '1##0', utc: 1 },
      { city: 'Graz', postcode: '80#0', utc: 1 },
      { city: 'Linz', postcode: '40#0', utc: 1 },
      { city: 'Salzburg', postcode: '50#0', utc: 1 },
    ],
  },
];

export const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example', 'inbox.example'];

/** Billing countries used for the "country mismatch" fraud pattern (card issued far from ship-to). */
export const MISMATCH_BILLING_COUNTRIES = ['NG', 'ID', 'VN', 'BR', 'PH', 'RO', 'UA', 'MY'];

/** Forwarding addresses where several accounts ship to one place (the "reshipper" pattern). */
export const RESHIPPER_ADDRESSES = [
  { line1: '4417 Commerce Park Dr', line2: 'Ste 7', city: 'Wilmington', region: 'DE', postalCode: '19804', country: 'US' },
  { line1: '8835 NW 71st Ter', line2: 'Unit FWD', city: 'Miami', region: 'FL', postalCode: '33166', country: 'US' },
  { line1: '6620 SE Johnson Creek Way', line2: 'Dock 2', city: 'Portland', region: 'OR', postalCode: '97202', country: 'US' },
  { line1: 'Unit 4, Cranford Trade Park', city: 'Hounslow', postalCode: 'TW5 9QQ', country: 'GB' },
];
