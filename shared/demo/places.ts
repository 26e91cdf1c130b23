// Streets and towns with postcodes in each country's format. Street names are the common ones
// found in most towns, so any street/town pairing reads as plausible. Big cities appear as several
// districts with separate postcode ranges, which also weights them by size.

import type { Country } from './names';

export interface Town {
  name: string;
  /** First postcode of the district, as a number (NL: the 4-digit part). */
  from: number;
  /** How many postcodes the district spans. */
  span: number;
  /** Distance between postcodes (Vienna numbers its districts 1010, 1020, ...). */
  step: number;
}

const split = (s: string): string[] => s.trim().split(/\s*,\s*/);

function towns(spec: string): Town[] {
  return split(spec).map((entry) => {
    const [name, from, to, step = '1'] = entry.split(':') as [string, string, string, string?];
    return { name, from: Number(from), span: (Number(to) - Number(from)) / Number(step) + 1, step: Number(step) };
  });
}

export const STREETS: Record<Country, readonly string[]> = {
  DE: split(`Hauptstraße, Bahnhofstraße, Gartenstraße, Schulstraße, Lindenstraße, Goethestraße, Schillerstraße,
    Kirchstraße, Bergstraße, Waldstraße, Ringstraße, Mozartstraße, Friedrichstraße, Am Markt, Lessingstraße,
    Beethovenstraße, Rosenweg, Birkenweg, Ahornweg, Feldstraße, Wiesenweg, Mühlenweg, Kastanienallee,
    Eichendorffstraße, Uhlandstraße, Parkstraße, Poststraße, Blumenstraße, Jahnstraße, Breslauer Straße,
    Königsberger Straße, Danziger Straße, Berliner Straße, Hamburger Straße, Frankfurter Straße, Kölner Straße,
    Am Sportplatz, Im Winkel, Talstraße, Sonnenstraße, Wilhelmstraße, Luisenstraße, Karlstraße, Ludwigstraße,
    Bismarckstraße, Kaiserstraße, Marktplatz, Steinweg, Grüner Weg, Brunnenstraße, Tulpenweg, Fliederweg,
    Lärchenweg, Kiefernweg, Buchenweg, Eschenweg, Ulmenweg, Lerchenweg, Amselweg, Finkenweg, Drosselweg,
    Meisenweg, Schwalbenweg, Falkenstraße, Adlerstraße, Bachstraße, Quellenweg, Am Bahnhof, Neue Straße,
    Dorfstraße, Weinbergstraße, Hofstraße, Kapellenweg, Kreuzstraße, Rathausstraße, Schlossstraße,
    Burgstraße, Turmstraße, Wallstraße, Hafenstraße, Seestraße, Fischerstraße, Gartenweg, Sandweg,
    Heideweg, Bremer Straße, Leipziger Straße, Dresdner Straße, Robert-Koch-Straße, Max-Planck-Straße,
    Albert-Schweitzer-Straße, Am Anger, Zum Mühlbach, Auf dem Berg, Tannenweg, Mittelweg, Querstraße,
    Humboldtstraße, Herderstraße, Fontanestraße`),
  AT: split(`Hauptstraße, Bahnhofstraße, Kirchengasse, Schulgasse, Lindengasse, Feldgasse, Mühlgasse,
    Wiener Straße, Grazer Straße, Salzburger Straße, Linzer Straße, Dorfstraße, Hauptplatz, Gartengasse,
    Rosengasse, Sonnenweg, Waldweg, Bergstraße, Kaiser-Franz-Josef-Straße, Erzherzog-Johann-Straße,
    Schillerstraße, Mozartgasse, Haydngasse, Schubertstraße, Brucknerstraße, Anzengrubergasse,
    Roseggerstraße, Stifterstraße, Raimundgasse, Grillparzerstraße, Nestroygasse, Lerchengasse, Amselgasse,
    Blumengasse, Mühlweg, Angergasse, Quellenstraße, Eisenbahnstraße, Kirchenplatz, Florianigasse`),
  NL: split(`Kerkstraat, Schoolstraat, Molenstraat, Dorpsstraat, Stationsweg, Julianastraat, Beatrixstraat,
    Wilhelminastraat, Prins Bernhardstraat, Oranjestraat, Nieuwstraat, Marktstraat, Hoofdstraat,
    Parallelweg, Kastanjelaan, Eikenlaan, Beukenlaan, Lindelaan, Irisstraat, Tulpstraat, Rozenstraat,
    Sportlaan, Veldweg, Van Goghstraat, Rembrandtstraat, Vondelstraat, Nassaulaan, Emmastraat, Dahliastraat,
    Molenweg`),
  PL: split(`ul. Długa, ul. Krótka, ul. Polna, ul. Leśna, ul. Słoneczna, ul. Ogrodowa, ul. Lipowa, ul. Szkolna,
    ul. Kościuszki, ul. Mickiewicza, ul. Sienkiewicza, ul. Słowackiego, ul. Kwiatowa, ul. Kolejowa,
    ul. Piłsudskiego, ul. Jana Pawła II, ul. Wojska Polskiego, ul. Armii Krajowej, ul. Kopernika, ul. Chopina,
    ul. Reymonta, ul. Żeromskiego, ul. Moniuszki, ul. Konopnickiej, ul. Prusa, ul. Staszica, ul. Warszawska,
    ul. Krakowska, ul. Poznańska, ul. Wrocławska`),
  FR: split(`rue de la République, rue Victor Hugo, rue de la Paix, avenue Jean Jaurès, rue Pasteur,
    boulevard Voltaire, rue Gambetta, rue du Général de Gaulle, avenue de la Gare, rue des Écoles,
    rue de l'Église, place de la Mairie, rue Nationale, rue du Moulin, allée des Tilleuls, rue des Lilas,
    chemin des Vignes, rue Jean Moulin, avenue Foch, rue de Verdun, rue Carnot, rue Émile Zola,
    boulevard de la Liberté, rue du Château, rue Saint-Michel, rue des Roses, impasse des Acacias,
    rue du Stade, rue Lamartine, rue des Jardins`),
};

export const TOWNS: Record<Country, readonly Town[]> = {
  DE: towns(`Berlin:10115:10999, Berlin:12043:12689, Berlin:13051:13629, Berlin:14050:14199,
    Hamburg:20095:20539, Hamburg:21029:21149, Hamburg:22041:22769, München:80331:80999, München:81241:81929,
    Köln:50667:50999, Köln:51061:51149, Frankfurt am Main:60306:60599, Stuttgart:70173:70629,
    Düsseldorf:40210:40629, Leipzig:04103:04357, Dortmund:44135:44388, Essen:45127:45359, Bremen:28195:28779,
    Dresden:01067:01328, Hannover:30159:30669, Nürnberg:90402:90491, Duisburg:47051:47279, Bochum:44787:44894,
    Wuppertal:42103:42399, Bielefeld:33602:33739, Bonn:53111:53229, Münster:48143:48167, Mannheim:68159:68309,
    Karlsruhe:76131:76229, Augsburg:86150:86199, Wiesbaden:65183:65207, Mönchengladbach:41061:41239,
    Gelsenkirchen:45879:45899, Aachen:52062:52080, Braunschweig:38100:38126, Kiel:24103:24159,
    Chemnitz:09111:09131, Halle (Saale):06108:06132, Magdeburg:39104:39130, Freiburg im Breisgau:79098:79117,
    Krefeld:47798:47839, Mainz:55116:55131, Lübeck:23552:23570, Erfurt:99084:99099, Rostock:18055:18147,
    Kassel:34117:34134, Potsdam:14467:14482, Saarbrücken:66111:66133, Oldenburg:26121:26135,
    Osnabrück:49074:49090, Heidelberg:69115:69126, Darmstadt:64283:64297, Regensburg:93047:93059,
    Würzburg:97070:97084, Göttingen:37073:37085, Ulm:89073:89081, Wolfsburg:38440:38448, Paderborn:33098:33106,
    Ingolstadt:85049:85057, Offenbach am Main:63065:63075, Fürth:90762:90768, Heilbronn:74072:74081`),
  AT: towns(`Wien:1010:1090:10, Wien:1100:1230:10, Graz:8010:8055, Linz:4020:4040, Salzburg:5020:5026,
    Innsbruck:6020:6080, Klagenfurt am Wörthersee:9020:9073, Villach:9500:9524, Wels:4600:4600,
    St. Pölten:3100:3109, Dornbirn:6850:6850, Wiener Neustadt:2700:2700, Steyr:4400:4407, Feldkirch:6800:6807,
    Bregenz:6900:6900, Leoben:8700:8707, Krems an der Donau:3500:3500, Baden:2500:2500, Wolfsberg:9400:9400,
    Kufstein:6330:6330`),
  NL: towns(`Amsterdam:1011:1109, Rotterdam:3011:3089, Den Haag:2491:2597, Utrecht:3511:3585,
    Eindhoven:5611:5658, Groningen:9711:9747, Tilburg:5011:5049, Almere:1311:1364, Breda:4811:4839,
    Nijmegen:6511:6546, Haarlem:2011:2037, Arnhem:6811:6846`),
  PL: towns(`Warszawa:00001:04999, Kraków:30001:31999, Łódź:90001:94999, Wrocław:50001:54999,
    Poznań:60001:61999, Gdańsk:80001:80999, Szczecin:70001:71999, Bydgoszcz:85001:85999, Lublin:20001:20999,
    Katowice:40001:40999, Białystok:15001:15999, Gdynia:81001:81999`),
  FR: towns(`Paris:75001:75020, Lyon:69001:69009, Marseille:13001:13016, Toulouse:31000:31500,
    Nice:06000:06300, Nantes:44000:44300, Strasbourg:67000:67200, Montpellier:34000:34090,
    Bordeaux:33000:33800, Lille:59000:59800, Rennes:35000:35700, Reims:51100:51100, Toulon:83000:83200,
    Grenoble:38000:38100, Dijon:21000:21000, Angers:49000:49100, Nîmes:30000:30900, Le Havre:76600:76620,
    Saint-Étienne:42000:42100, Clermont-Ferrand:63000:63100`),
};

/** Highest plain house number per country; beyond that the address space grows by suffixes. */
export const HOUSE_NUMBERS: Record<Country, number> = { DE: 150, AT: 90, NL: 400, PL: 120, FR: 250 };

/** Radix of flat/door numbers in the street line (Polish "12/4", Viennese "12/7"); 1 = none, 0 in the radix = no flat. */
export const FLATS: Record<Country, number> = { DE: 1, AT: 13, NL: 1, PL: 41, FR: 1 };

/** Extra address-line parts: Polish flats ("12/4"), Austrian doors ("12/3"), Dutch additions, French "bis". */
export const HOUSE_SUFFIX: Record<Country, (k: number) => string> = {
  DE: (k) => String.fromCharCode(96 + (k % 26 || 26)),
  AT: (k) => `/${k}`,
  NL: (k) => (k <= 3 ? String.fromCharCode(64 + k) : `-${k - 3}`),
  PL: (k) => `/${k}`,
  FR: (k) => (k === 1 ? ' bis' : k === 2 ? ' ter' : `, appt ${k}`),
};

const LETTERS = 'ABCDEFGHJKLMNPRSTVWXZ';

export function formatPostcode(country: Country, town: Town, offset: number, salt: number): string {
  const n = town.from + (offset % town.span) * town.step;
  switch (country) {
    case 'DE':
    case 'FR':
      return String(n).padStart(5, '0');
    case 'AT':
      return String(n);
    case 'NL':
      return `${n} ${LETTERS[salt % LETTERS.length]}${LETTERS[Math.floor(salt / 7) % LETTERS.length]}`;
    case 'PL': {
      const s = String(n).padStart(5, '0');
      return `${s.slice(0, 2)}-${s.slice(2)}`;
    }
  }
}

/** One address line as people in that country write it. */
export function formatStreetLine(country: Country, street: string, house: string): string {
  return country === 'FR' ? `${house} ${street}` : `${street} ${house}`;
}
