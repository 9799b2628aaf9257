/**
 * Word collisions: posts that match a campaign query but have nothing to do with the product.
 * CRM = crew resource management / cardiac rhythm management / certified reference material; warehouse =
 * logistics; snowflake = weather; redshift = astronomy; DBT = dialectical behavior therapy; lakehouse =
 * a house on a lake; observability = control theory; new relic = games; honeycomb = bees and candy;
 * Prometheus = myth and film; on call = doctors and plumbers. Each entry names the persona who posts it.
 */

export type OffTopicPersona =
  | 'pilot'
  | 'clinician'
  | 'lab_scientist'
  | 'sf_local'
  | 'logistics'
  | 'shopper'
  | 'parent'
  | 'astronomer'
  | 'wellbeing'
  | 'cottage'
  | 'physics_student'
  | 'gamer'
  | 'beekeeper'
  | 'film_fan';

export interface OffTopicPost {
  persona: OffTopicPersona;
  text: string;
}

const o = (persona: OffTopicPersona, text: string): OffTopicPost => ({ persona, text });

export const offTopicPosts: readonly OffTopicPost[] = [
  // "crm" / "salesforce" collisions
  o('pilot', 'CRM recurrent training today in the sim. Two engine failures and a very calm captain ✈️'),
  o('pilot', "Great CRM debrief after today's flight, cockpit communication was spot on"),
  o('pilot', 'Pilots: what is the best CRM case study you have read? I keep coming back to United 232.'),
  o(
    'pilot',
    'Crew resource management (CRM) should be taught in hospitals too. Checklists save lives, {n:20-30} years flying taught me that.',
  ),
  o(
    'clinician',
    'Cardiology fellows: any good resources on CRM device interrogation? (cardiac rhythm management, not sales lol)',
  ),
  o(
    'clinician',
    'CRM clinic ran {n:2-3} hours over today. {n:14-30} pacemaker checks and one very chatty grandpa',
  ),
  o('lab_scientist', 'In a QA lab, CRM means certified reference material and I will die on this hill'),
  o(
    'lab_scientist',
    'Lab tip: always log the lot number of your CRM (certified reference material) before the run.',
  ),
  o('sf_local', 'Salesforce Tower lit up tonight, SF skyline never disappoints 🌉'),
  o('sf_local', 'walking through Salesforce Park with a burrito, peak SF afternoon'),
  o(
    'sf_local',
    'Ferry to the Salesforce Transit Center then lunch on the rooftop park, best commute in the city',
  ),
  o('sf_local', 'Traffic around Moscone is insane this week, Salesforce conference in town again I guess 😩'),
  // "warehouse" / "snowflake" / "redshift" / "dbt" / "lakehouse" collisions
  o(
    'logistics',
    "We're hiring warehouse associates in {city}! Forklift cert a plus, ${n:19-24}/hr, night shift. Apply in person.",
  ),
  o('logistics', 'warehouse shift done, {n:9-14} miles on my watch, feet are gone'),
  o('logistics', 'Our warehouse flooded after the storm, pallets everywhere. Long week ahead.'),
  o(
    'logistics',
    'Peak season in the warehouse: {n:40-60}k orders a day and the conveyor picked today to break',
  ),
  o('logistics', 'New warehouse management system went live today and the pickers already found 3 bugs 😂'),
  o('shopper', 'Costco is basically a warehouse where I spend ${n:200-400} on snacks'),
  o('shopper', 'Warehouse sale this Saturday! {n:50-70}% off furniture, doors open at 8'),
  o('shopper', 'The old tobacco warehouse downtown is now a brewery and I am here for it'),
  o('parent', 'first snowflake of the season in {city} ❄️ the kids lost their minds'),
  o('parent', "Every snowflake is unique and so is my toddler's meltdown over the wrong color cup"),
  o('parent', 'special snowflake energy from the guy who cut the line at the pharmacy'),
  o('astronomer', 'Redshift measurements of distant quasars were the highlight of the colloquium today 🔭'),
  o('astronomer', 'Astro homework: calculate the redshift of a galaxy receding at 0.1c. my brain hurts'),
  o(
    'astronomer',
    'New spectra in! Redshift z={n:2-6}.{n:1-9} for our little galaxy. Champagne is in the fridge 🥂',
  ),
  o('wellbeing', 'DBT skills group tonight was hard but good. Distress tolerance is a practice.'),
  o('wellbeing', 'My therapist recommended DBT and honestly the worksheets help'),
  o('cottage', 'Rented a lakehouse for the weekend, no wifi, just loons and coffee'),
  o('cottage', 'Lakehouse renovation update: the dock is finally done 🛶'),
  // "observability" / "new relic" / "honeycomb" / "prometheus" / "on call" collisions
  o(
    'physics_student',
    'Control theory exam tomorrow: observability and controllability matrices all night 📚',
  ),
  o(
    'physics_student',
    'Can someone explain observability of linear systems like I am five? The Kalman rank test makes no sense to me',
  ),
  o(
    'physics_student',
    'Quantum mechanics lecture today was about observables and somehow I lost all observability of my own brain',
  ),
  o('gamer', 'Just found a new relic in the dungeon and it doubled my crit chance ⚔️'),
  o('gamer', 'Finally got a new relic drop after {n:30-60} runs. This roguelike is ruining my sleep'),
  o('beekeeper', 'The bees built honeycomb on the lid again. Beekeeping is humbling'),
  o('beekeeper', 'Homemade honeycomb candy turned out perfect this time 🍯'),
  o('beekeeper', 'Honeycomb cereal is better than any brunch, fight me'),
  o('film_fan', 'Rewatched Prometheus tonight. Still do not understand why anyone touches the alien goo'),
  o('film_fan', 'Hot take: Prometheus is better than Alien: Covenant and it is not close'),
  o(
    'film_fan',
    'Reading Greek myths with my kid. Prometheus stole fire and got a liver-eating eagle. Harsh.',
  ),
  o('clinician', 'Night shift, on call until 7am, cardiology pager will not stop 🏥'),
  o('clinician', 'Being the on-call vet this weekend means {n:2-4} calf deliveries and zero sleep'),
  o('clinician', 'Pediatric on call again. Coffee count: {n:4-7}'),
  o('shopper', 'Our plumber is on call on Christmas day. Absolute hero.'),
  o('pilot', 'Sim check tomorrow. Studying CRM and threat and error management until my eyes bleed ✈️'),
  o(
    'clinician',
    'Remote CRM follow-up clinic today, {n:20-40} pacemaker patients, one very confused smart watch',
  ),
  o(
    'lab_scientist',
    'New CRM lot arrived for the heavy metals panel. Certified reference material is expensive, handle with care 🧪',
  ),
  o('sf_local', 'Fog rolling over Salesforce Tower at sunset is unreal tonight 🌁'),
  o('logistics', 'Forklift certification done ✅ starting at the new fulfillment warehouse on {weekday}'),
  o(
    'logistics',
    'the warehouse cat caught another mouse near loading dock {n:3-9}. employee of the month again',
  ),
  o('logistics', 'Inventory count weekend at the warehouse. {n:12-16} hour shifts. pray for me'),
  o('shopper', 'The IKEA warehouse section is a maze designed by someone who hates couples'),
  o('parent', 'Kid asked why no two snowflake shapes are the same and I had to google it at 7am'),
  o('parent', 'School is closed, snowflake count in the backyard: approximately infinite ❄️'),
  o(
    'astronomer',
    'Cosmological redshift vs doppler shift explained with a rubber band. My students were not impressed.',
  ),
  o('wellbeing', 'Six months of DBT and I can finally name what I feel before it runs me over. Progress.'),
  o('cottage', 'The lakehouse is booked for Thanksgiving, 14 people, one bathroom. Wish me luck'),
  o(
    'physics_student',
    'The observability Gramian finally clicked for me at 2am. Control systems, you beautiful nightmare',
  ),
  o('gamer', 'Speedrunners hate this one new relic: it skips the whole second act 🎮'),
  o('beekeeper', 'Harvested {n:8-20} frames of honeycomb today. Sticky, happy, stung twice 🐝'),
  o('film_fan', 'Prometheus in IMAX is still a gorgeous mess. Fassbender carries.'),
  o('clinician', 'On call for the ICU tonight. If you need me, I am the one with {n:3-5} coffees'),
  o('shopper', 'Need an electrician on call this weekend in {city}. Anyone have a number?'),
];

/** Bios of the people who post them. */
export const OFF_TOPIC_BIOS: Record<OffTopicPersona, readonly string[]> = {
  pilot: [
    'A320 captain | CRM instructor | dad of 3',
    'First officer ✈️ coffee and checklists',
    'Flight instructor. Blue skies.',
  ],
  clinician: [
    'Cardiology nurse | night shift survivor',
    'Large animal vet 🐄',
    'Peds resident. Tired.',
    'EP tech | pacemakers & podcasts',
  ],
  lab_scientist: ['QA chemist. chromatography nerd', 'Analytical lab manager 🧪'],
  sf_local: ['SF native. burritos & fog.', 'Mission district. Dog. Bike.'],
  logistics: [
    'Warehouse lead @ {company} | forklift whisperer',
    'Ops manager, 3PL life',
    'night shift crew 📦',
  ],
  shopper: ['Deal hunter. Costco enjoyer.', 'Home, garden, good deals', ''],
  parent: ['mom of 2, coffee first', 'dad jokes and school runs', ''],
  astronomer: ['Astrophysics PhD candidate 🔭 | galaxies & coffee', 'Observational cosmology postdoc'],
  wellbeing: ['one day at a time 🌱', 'learning to be gentle with myself'],
  cottage: ['weekend fisherman', 'lake life 🛶'],
  physics_student: ['EE undergrad | control systems', 'physics major, sleep minor'],
  gamer: ['roguelike addict | streams sometimes', 'gamer, dad, snack enthusiast'],
  beekeeper: ['backyard beekeeper 🐝 & baker', 'honey, bread, chaos'],
  film_fan: ['Film nerd. Letterboxd is my diary.', 'sci-fi reader and rewatcher'],
};
