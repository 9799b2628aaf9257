import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApprovalsPage } from './pages/approvals.tsx';
import { CampaignsPage } from './pages/campaigns.tsx';
import { DefinitionPage } from './pages/definition.tsx';
import { FunnelPage } from './pages/funnel.tsx';
import { LeadPage } from './pages/lead.tsx';
import { ObjectionsPage } from './pages/objections.tsx';
import { ReviewPage } from './pages/review.tsx';
import { SalesPage } from './pages/sales.tsx';
import { WonPage } from './pages/won.tsx';

/** What a page gets from the hash: `#/lead/x/123?tab=a` → rest ['x', '123'], params tab=a. */
export interface PageProps {
  rest: string[];
  params: URLSearchParams;
}

export interface PageDef {
  label: string;
  component: ComponentType<PageProps>;
  /** Shown in the top navigation (a lead page is reached from a card, not the nav). */
  nav?: boolean;
}

/** Every page, one line each, in navigation order; the first is the default. */
export const PAGES: Record<string, PageDef> = {
  review: { label: 'Review', component: ReviewPage, nav: true },
  approvals: { label: 'Approvals', component: ApprovalsPage, nav: true },
  sales: { label: 'Sales inbox', component: SalesPage, nav: true },
  funnel: { label: 'Funnel', component: FunnelPage, nav: true },
  objections: { label: 'Objections', component: ObjectionsPage, nav: true },
  won: { label: 'Won', component: WonPage, nav: true },
  campaigns: { label: 'Campaigns', component: CampaignsPage, nav: true },
  definition: { label: 'MQL definition', component: DefinitionPage, nav: true },
  lead: { label: 'Lead', component: LeadPage },
};

export interface Route extends PageProps {
  name: string;
}

/** Reads the hash route; an unknown or empty one is the review queue. */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#[/]?/, '').split('?');
  const [first = '', ...rest] = path.split('/').map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  const name = Object.hasOwn(PAGES, first) ? first : 'review';
  return { name, rest, params: new URLSearchParams(query) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
