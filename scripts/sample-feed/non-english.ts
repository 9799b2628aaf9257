/**
 * A few posts in German, French and Spanish. German posts sit in the CRM or observability campaigns (the
 * CRM campaign targets DACH), French and Spanish ones in warehouse or observability.
 */
import type { Domain, Kind, Lang } from './types.ts';

export interface ForeignPost {
  lang: Exclude<Lang, 'en'>;
  domain: Domain;
  kind: Kind;
  text: string;
}

const f = (lang: ForeignPost['lang'], domain: Domain, kind: Kind, text: string): ForeignPost => ({
  lang,
  domain,
  kind,
  text,
});

export const foreignPosts: readonly ForeignPost[] = [
  f(
    'de',
    'crm',
    'buying_signal',
    'Wir suchen ein neues CRM für unser Vertriebsteam ({n:10-40} Leute). {crm} ist uns zu teuer geworden. Empfehlungen?',
  ),
  f(
    'de',
    'crm',
    'buying_signal',
    'Hat jemand Erfahrung mit dem Wechsel von {crm} zu {crm2}? Wir müssen bis {Januar|März|Ende Q1} umsteigen.',
  ),
  f(
    'de',
    'crm',
    'buying_signal',
    'Budget für ein neues CRM ist freigegeben 🎉 Wer kann nächste Woche eine Demo machen?',
  ),
  f(
    'de',
    'crm',
    'buying_signal',
    'Welches CRM nutzt ihr im Mittelstand? Wir kommen von Excel und brauchen DSGVO-konformes Hosting in der EU.',
  ),
  f('de', 'crm', 'soft_signal', 'Wieder einen ganzen Tag Dubletten in {crm} bereinigt. Es hört nie auf.'),
  f(
    'de',
    'crm',
    'soft_signal',
    'Unser Forecast in {crm} stimmt seit Monaten nicht. Keiner pflegt die Deals.',
  ),
  f(
    'de',
    'crm',
    'howto_question',
    'Wie exportiere ich in HubSpot alle Kontakte mit Deal-Historie? Hat jemand einen Tipp?',
  ),
  f(
    'de',
    'crm',
    'job_post',
    'Wir stellen ein: Salesforce Administrator (m/w/d), remote oder München. Bewerbung über den Link {tco}',
  ),
  f(
    'de',
    'crm',
    'vendor_promo',
    'Webinar am {Dienstag|Donnerstag}: So gelingt die CRM-Migration ohne Datenverlust. Jetzt anmelden {tco}',
  ),
  f('de', 'crm', 'news', 'Berliner CRM-Anbieter {crmVendor} sammelt {n:8-30} Mio. Euro ein {tco}'),
  f(
    'de',
    'crm',
    'happy_customer',
    'Seit dem Umstieg auf {crm} pflegt das Team endlich die Pipeline. Sehr zufrieden!',
  ),
  f(
    'de',
    'observability',
    'buying_signal',
    'Unsere Datadog-Rechnung ist explodiert. Wir evaluieren gerade Grafana Cloud und Honeycomb. Erfahrungen?',
  ),
  f(
    'de',
    'observability',
    'soft_signal',
    'Dritte Nacht in Folge im On-Call geweckt. Die Alerts sind nutzlos. #SRE',
  ),
  f(
    'de',
    'observability',
    'howto_question',
    'Wie richtet ihr Alerting in Grafana ein, ohne dass nachts für jede Kleinigkeit gepaged wird?',
  ),
  f(
    'fr',
    'warehouse',
    'buying_signal',
    "Nous cherchons un data warehouse pour remplacer notre Postgres. {wh} ou {wh2} ? Des retours d'expérience ?",
  ),
  f(
    'fr',
    'warehouse',
    'buying_signal',
    "Notre facture Snowflake a doublé en {n:3-6} mois. Quelqu'un a migré vers BigQuery ?",
  ),
  f('fr', 'warehouse', 'soft_signal', 'Encore une nuit à débugger des modèles dbt qui cassent en prod 😩'),
  f(
    'fr',
    'warehouse',
    'soft_signal',
    'Tableaux de bord qui mettent {n:30-60} secondes à charger sur Redshift... la routine.',
  ),
  f(
    'fr',
    'warehouse',
    'job_post',
    'On recrute un·e data engineer (Snowflake, dbt, Airflow) à Paris ou en remote {tco}',
  ),
  f(
    'fr',
    'warehouse',
    'howto_question',
    'Comment optimiser les coûts BigQuery sur des tables partitionnées ? Des conseils ?',
  ),
  f(
    'fr',
    'warehouse',
    'news',
    'La start-up parisienne {whVendor} lève {n:10-40} M€ pour concurrencer Snowflake {tco}',
  ),
  f(
    'fr',
    'observability',
    'howto_question',
    "Quelqu'un utilise OpenTelemetry avec Grafana Tempo en prod ? Retours bienvenus",
  ),
  f(
    'fr',
    'observability',
    'soft_signal',
    'Astreinte (on-call) cette semaine, trois réveils à 4h du matin. Il faut revoir nos alertes Prometheus.',
  ),
  f(
    'es',
    'warehouse',
    'buying_signal',
    'Buscamos alternativas a {wh} para nuestro data warehouse. ¿Recomendaciones? Somos un equipo de {n:3-6} personas.',
  ),
  f(
    'es',
    'warehouse',
    'buying_signal',
    '¿Alguien ha migrado de Redshift a BigQuery? ¿Qué tal la experiencia? Tenemos que decidir antes de {marzo|enero|fin de año}.',
  ),
  f(
    'es',
    'warehouse',
    'job_post',
    'Estamos contratando Data Engineer con experiencia en Databricks y dbt. Madrid o remoto {tco}',
  ),
  f('es', 'warehouse', 'howto_question', '¿Cómo gestionan los costes de Snowflake en equipos pequeños?'),
  f('es', 'warehouse', 'soft_signal', 'Otra vez los dashboards tardando un minuto en cargar sobre {wh}. 🙃'),
  f(
    'es',
    'warehouse',
    'vendor_promo',
    'Webinar gratuito: cómo migrar tu data warehouse a la nube sin sustos. Inscríbete {tco}',
  ),
  f(
    'es',
    'observability',
    'buying_signal',
    'Nuestra factura de Datadog es más alta que la de AWS. ¿Qué usan ustedes para observability?',
  ),
  f(
    'es',
    'observability',
    'happy_customer',
    'Migramos a OpenTelemetry + Grafana y el on-call por fin es tranquilo 🙌',
  ),
  f(
    'de',
    'crm',
    'buying_signal',
    'Kennt jemand eine gute Pipedrive-Agentur im Raum {München|Hamburg|Köln}? Wir wollen unser CRM endlich sauber aufsetzen.',
  ),
  f(
    'de',
    'crm',
    'soft_signal',
    'Montag. Wieder {n:80-250} Leads ohne Owner im CRM. Lead Routing kaputt. Kaffee.',
  ),
  f(
    'de',
    'crm',
    'job_seeker',
    'Suche eine neue Herausforderung als Salesforce Admin (zertifiziert), gerne remote. #OpenToWork',
  ),
  f(
    'de',
    'observability',
    'happy_customer',
    'Endlich OpenTelemetry überall ausgerollt. Unser On-Call ist deutlich ruhiger geworden.',
  ),
  f(
    'de',
    'observability',
    'vendor_promo',
    'Kostenloses Webinar: Observability mit OpenTelemetry und Grafana für den Mittelstand. Anmeldung {tco}',
  ),
  f(
    'fr',
    'warehouse',
    'happy_customer',
    'Migration de Redshift vers BigQuery terminée, les tableaux de bord chargent enfin en {n:2-4} secondes 🎉',
  ),
  f(
    'fr',
    'warehouse',
    'buying_signal',
    'On évalue Snowflake et Databricks pour notre data warehouse. Budget validé, décision {en janvier|au T1}. Des avis ?',
  ),
  f(
    'fr',
    'observability',
    'buying_signal',
    'Notre facture Datadog explose. Vous utilisez quoi comme alternative ? Grafana Cloud, Honeycomb ?',
  ),
  f(
    'es',
    'warehouse',
    'advice_giving',
    'Consejo: antes de migrar de data warehouse, etiqueta todas las consultas por equipo durante un mes. #dataengineering',
  ),
  f(
    'es',
    'warehouse',
    'news',
    'La startup madrileña {whVendor} levanta {n:5-20} millones para competir con Snowflake {tco}',
  ),
  f(
    'es',
    'observability',
    'soft_signal',
    'Tercera alerta falsa de Prometheus esta noche. El on-call así no se puede. 😩',
  ),
];
