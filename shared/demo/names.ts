// Given names and surnames of the seller's customer base (Germany first, then Austria, the
// Netherlands, Poland and France). Surnames never repeat across countries and never double as
// a given name, so "first.last" e-mail local parts stay unique (see identity.ts).

export const COUNTRIES = ['DE', 'AT', 'NL', 'PL', 'FR'] as const;
export type Country = (typeof COUNTRIES)[number];

export interface NameList {
  female: readonly string[];
  male: readonly string[];
  last: readonly string[];
}

const split = (s: string): string[] => s.trim().split(/\s*,\s*/);

export const NAMES: Record<Country, NameList> = {
  DE: {
    female: split(`Anna, Lena, Lea, Hannah, Emma, Mia, Sophie, Marie, Laura, Julia, Sarah, Lisa, Katharina,
      Johanna, Clara, Charlotte, Leonie, Amelie, Nina, Jana, Sabine, Claudia, Petra, Andrea, Stefanie, Nicole,
      Susanne, Birgit, Monika, Ursula, Karin, Heike, Christina, Melanie, Kerstin, Sandra, Daniela, Franziska,
      Vanessa, Jessica, Jennifer, Carina, Miriam, Ines, Tanja, Silke, Anja, Jasmin, Greta, Frieda`),
    male: split(`Lukas, Leon, Finn, Jonas, Paul, Felix, Elias, Noah, Luis, Ben, Maximilian, Julian, Tim, Jan,
      Niklas, Moritz, Philipp, Tobias, Florian, Sebastian, Alexander, Daniel, David, Simon, Fabian, Kevin,
      Dennis, Marcel, Patrick, Stefan, Thomas, Michael, Andreas, Markus, Christian, Matthias, Martin, Frank,
      Jürgen, Uwe, Klaus, Wolfgang, Dieter, Bernd, Holger, Jörg, Torsten, Sven, Dirk, Björn`),
    last: split(`Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, Schäfer,
      Koch, Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann, Braun, Krüger, Hofmann,
      Hartmann, Lange, Schmitt, Werner, Schmitz, Krause, Meier, Lehmann, Schmid, Schulze, Maier, Köhler,
      Herrmann, König, Walter, Mayer, Kaiser, Fuchs, Peters, Lang, Scholz, Möller, Weiß, Jung, Hahn,
      Schubert, Vogel, Friedrich, Keller, Günther, Winkler, Roth, Beck, Lorenz, Baumann, Franke, Albrecht,
      Schuster, Böhm, Winter, Kraus, Schumacher, Krämer, Vogt, Stein, Jäger, Sommer, Groß, Seidel, Brandt,
      Haas, Schreiber, Graf, Schulte, Dietrich, Ziegler, Kuhn, Kühn, Pohl, Engel, Horn, Busch, Bergmann,
      Voigt, Sauer, Wolff, Pfeiffer, Lindner, Kramer, Brinkmann, Thiel, Kirchner, Ludewig, Wendt, Heinze,
      Schenk, Marx, Rudolph, Stahl, Hesse, Reuter, Kuhlmann, Böttcher, Ebert, Hildebrandt, Kühne, Rieger,
      Kolb, Nagel, Thiele, Beckmann, Rohde, Fiedler, Kessler, Seifert, Hoppe, Dörr, Sander, Kemper`),
  },
  AT: {
    female: split(`Anna, Lena, Sarah, Katharina, Julia, Sophie, Theresa, Magdalena, Viktoria, Elisabeth,
      Verena, Barbara, Sabrina, Martina, Christina, Bettina, Carina, Johanna, Eva, Marlene`),
    male: split(`Lukas, Tobias, Florian, Jakob, Maximilian, Elias, Fabian, Dominik, Matthias, Stefan,
      Christoph, Andreas, Markus, Manuel, Patrick, Bernhard, Gerhard, Herbert, Johann, Josef`),
    last: split(`Gruber, Huber, Pichler, Moser, Steiner, Hofer, Leitner, Eder, Mayr, Wimmer, Egger, Brunner,
      Reiter, Baumgartner, Auer, Binder, Lechner, Wallner, Aigner, Ebner, Koller, Lehner, Holzer, Wieser,
      Haider, Strasser, Stadler, Kogler, Hackl, Pirker, Posch, Riegler, Resch, Karner, Hörmann, Gasser,
      Kainz, Steindl, Berger, Fink`),
  },
  NL: {
    female: split(`Emma, Julia, Sophie, Tess, Zoë, Sara, Anna, Eva, Lotte, Fleur, Sanne, Femke, Iris, Lieke,
      Noor, Anouk, Marieke, Ilse, Esther, Inge`),
    male: split(`Daan, Sem, Lucas, Levi, Milan, Bram, Thijs, Jesse, Ruben, Lars, Sven, Joris, Pieter, Jeroen,
      Bas, Koen, Wouter, Maarten, Niels, Stijn`),
    last: split(`de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit, Meijer,
      de Boer, Mulder, de Groot, Bos, Vos, Hendriks, van Leeuwen, Dekker, Brouwer, de Wit, Dijkstra, Smits,
      de Graaf, van der Meer, van der Linden, Kok, Jacobs, de Haan, Vermeulen, van den Heuvel, van der Veen,
      van den Broek, de Bruijn, van der Heijden, Schouten, van Beek, Willems, van Vliet, Prins, Huisman`),
  },
  PL: {
    female: split(`Anna, Katarzyna, Małgorzata, Agnieszka, Barbara, Ewa, Magdalena, Joanna, Aleksandra,
      Monika, Zofia, Natalia, Karolina, Marta, Justyna, Paulina, Dorota, Beata, Weronika, Julia`),
    male: split(`Piotr, Krzysztof, Andrzej, Tomasz, Paweł, Michał, Marcin, Jakub, Adam, Łukasz, Mateusz,
      Kamil, Grzegorz, Marek, Wojciech, Dawid, Bartosz, Rafał, Szymon, Jan`),
    last: split(`Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński,
      Szymański, Woźniak, Dąbrowski, Kozłowski, Jankowski, Mazur, Kwiatkowski, Krawczyk, Piotrowski,
      Grabowski, Nowakowski, Pawłowski, Michalski, Nowicki, Adamczyk, Dudek, Zając, Wieczorek, Jabłoński,
      Król, Majewski, Olszewski, Jaworski, Wróbel, Malinowski, Pawlak, Witkowski, Walczak, Stępień, Górski,
      Rutkowski, Michalak`),
  },
  FR: {
    female: split(`Camille, Léa, Manon, Chloé, Emma, Inès, Sarah, Julie, Marie, Claire, Élodie, Pauline,
      Mathilde, Céline, Aurélie, Sophie, Louise, Juliette, Anaïs, Margaux`),
    male: split(`Lucas, Hugo, Louis, Gabriel, Arthur, Jules, Théo, Nathan, Antoine, Maxime, Nicolas, Julien,
      Thomas, Romain, Alexandre, Guillaume, Pierre, Mathieu, Quentin, Vincent`),
    last: split(`Dubois, Petit, Durand, Leroy, Moreau, Lefebvre, Garcia, Roux, Fournier, Morel, Girard,
      Lefèvre, Mercier, Dupont, Lambert, Bonnet, Martinez, Legrand, Garnier, Faure, Rousseau, Blanc, Guérin,
      Muller, Roussel, Perrin, Morin, Gauthier, Dumont, Lopez, Fontaine, Chevalier, Masson, Sanchez, Boyer,
      Lemaire, Duval, Joly, Roche, Meunier`),
  },
};

/** Polish surnames take the feminine form for women (Kowalski -> Kowalska). */
export function surnameFor(country: Country, last: string, female: boolean): string {
  if (country !== 'PL' || !female) return last;
  return last.replace(/(ski|cki|dzki)$/, (m) => m.slice(0, -1) + 'a');
}

const ASCII: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  é: 'e',
  è: 'e',
  ê: 'e',
  ë: 'e',
  à: 'a',
  â: 'a',
  ç: 'c',
  î: 'i',
  ï: 'i',
  ô: 'o',
  û: 'u',
  ù: 'u',
  ą: 'a',
  ć: 'c',
  ę: 'e',
  ł: 'l',
  ń: 'n',
  ó: 'o',
  ś: 's',
  ź: 'z',
  ż: 'z',
};

const mailNames = new Map<string, string>();

/** How people write their name into an e-mail address: lower case, ASCII, no spaces. */
export function mailName(name: string): string {
  let m = mailNames.get(name);
  if (m === undefined) {
    m = name.toLowerCase().replace(/[^a-z]/g, (ch) => ASCII[ch] ?? '');
    mailNames.set(name, m);
  }
  return m;
}
