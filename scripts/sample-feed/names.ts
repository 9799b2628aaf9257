/** Name pools for people. Split by locale so German/French/Spanish posters get plausible names. */

const split = (s: string): readonly string[] =>
  s
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/_/g, ' '));

export const FIRST_NAMES = {
  en: split(`
    James Maria Priya Wei David Sarah Kwame Aisha Tom Emily Carlos Sofia Raj Mei Daniel Olivia Marcus Hannah
    Ahmed Fatima Liam Chloe Noah Grace Ethan Zoe Lucas Ava Mateo Isla Jonah Nadia Omar Leila Ben Rachel
    Ryan Megan Kevin Laura Andre Tasha Jamal Keisha Diego Camila Arjun Ananya Vikram Deepa Hiro Yuki Min-jun
    Ji-woo Tariq Amara Chidi Ngozi Sean Siobhan Connor Niamh Patrick Brianna Tyler Madison Jordan Taylor Casey
    Morgan Alex Sam Jess Chris Nick Kate Matt Anna Mike Lisa Dan Amy Josh Beth Adam Claire Luke Holly Jake Erin
    Gabriel Valentina Ivan Olga Dmitri Katya Tomasz Agnieszka Lars Ingrid Mikkel Freja Pieter Sanne Jonas Elin
    Rohan Kavya Sanjay Meera Haruto Sakura Linh Minh Ayesha Bilal Zainab Yusuf Ruth Eli Maya Noor Sina Tara
  `),
  de: split(`
    Lukas Anna Felix Lea Jonas Laura Maximilian Sophie Leon Marie Paul Julia Tobias Katharina Jan Lena Florian
    Sarah Stefan Miriam Matthias Johanna Sebastian Carina Markus Nina Andreas Theresa Dominik Franziska
  `),
  fr: split(`
    Camille Louis Léa Hugo Chloé Thomas Manon Antoine Inès Julien Clara Nicolas Sarah Mathieu Pauline Maxime
    Élodie Romain Juliette Guillaume Margaux Quentin Anaïs Baptiste
  `),
  es: split(`
    Lucía Javier Martina Pablo Carmen Alejandro Valeria Diego Sofía Andrés Paula Sergio Daniela Miguel Elena
    Rodrigo Ximena Mateo Isabel Fernando Gabriela Santiago Mariana Joaquín
  `),
};

export const LAST_NAMES = {
  en: split(`
    Smith Johnson Patel Chen Garcia Nguyen Okafor Williams Brown Kim Singh Lee Martinez Rossi Murphy O'Brien
    Kowalski Novak Andersson Jensen Tanaka Sato Wang Li Zhang Liu Khan Ahmed Hussain Mensah Adeyemi Osei
    Taylor Anderson Thomas Jackson White Harris Clark Lewis Walker Hall Allen Young King Wright Scott Green
    Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Torres Parker Collins
    Edwards Stewart Morris Rogers Reed Cook Morgan Bell Cooper Richardson Cox Howard Ward Peterson Gray
    Ramirez James Watson Brooks Kelly Sanders Price Bennett Wood Barnes Ross Henderson Coleman Jenkins Perry
    Powell Long Patterson Hughes Flores Washington Butler Simmons Foster Bryant Alexander Russell Griffin
    Hayes Myers Ford Hamilton Graham Sullivan Wallace Woods Cole West Jordan Owens Reynolds Fisher Ellis
    Iyer Reddy Menon Das Bose Gupta Sharma Mehta Rao Yamamoto Suzuki Park Choi Tran Pham Haddad Farouk
    Van_Dijk De_Vries Lindqvist Nowak Popescu Horvath Dubois Costa Silva Santos Pereira Oliveira Byrne Walsh
  `),
  de: split(`
    Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf
    Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Werner Krause Lehmann Köhler Huber
  `),
  fr: split(`
    Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia
    David Bertrand Roux Vincent Fournier Morel Girard Bonnet Dupont Lambert Fontaine
  `),
  es: split(`
    García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz Hernández Díaz
    Moreno Álvarez Muñoz Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez Ramos Castro
  `),
};

export type NameLocale = keyof typeof FIRST_NAMES;
