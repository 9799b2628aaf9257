/**
 * Optional openers and closers people wrap around a post ("quick q:", "RTs appreciated 🙏"). Applied with
 * probability `p` each, so the same underlying question rarely appears word for word twice.
 */
import type { Kind } from './types.ts';

export interface Frame {
  p: number;
  openers: readonly string[];
  closers: readonly string[];
}

export const FRAMES: Partial<Record<Kind, Frame>> = {
  howto_question: {
    p: 0.45,
    openers: [
      'quick q: ',
      'dumb question but ',
      'help pls: ',
      'Genuine question: ',
      'Been googling for an hour: ',
      'maybe a stupid question, ',
      'Question for the hive mind: ',
      'ok twitter, ',
      'Late night question: ',
      'Anyone know this one? ',
    ],
    closers: [
      ' thanks in advance!',
      ' 🙏',
      ' any pointers appreciated',
      ' TIA',
      ' (asking for a friend)',
      ' docs are not helping',
      ' 🤔',
      ' would love a link to a good guide',
    ],
  },
  happy_customer: {
    p: 0.35,
    openers: [
      'Update: ',
      'Small win today: ',
      'PSA: ',
      'Not sponsored, but ',
      'Happy Friday: ',
      'Rare positive post: ',
      'Good news for once: ',
    ],
    closers: [
      ' Highly recommend.',
      ' 10/10 would migrate again',
      ' (not sponsored lol)',
      ' Feels good.',
      ' small wins 🙌',
      ' Thanks team!',
      ' Proud of this one.',
    ],
  },
  job_seeker: {
    p: 0.4,
    openers: ['Personal news: ', 'Some news: ', 'Hi all, ', 'Putting this out there: '],
    closers: [
      ' RTs appreciated 🙏',
      ' Any leads welcome!',
      ' DMs open.',
      ' Thanks for any shares.',
      ' Portfolio in bio.',
      ' Would love to chat.',
    ],
  },
  news: {
    p: 0.35,
    openers: ['NEW: ', 'Breaking: ', 'ICYMI: ', '📰 ', 'Scoop: ', 'Today: ', 'Just in: ', 'Analysis: '],
    closers: [],
  },
  advice_giving: {
    p: 0.25,
    openers: [
      'Hot take: ',
      'Reminder: ',
      'PSA: ',
      'Unpopular opinion: ',
      'Lesson learned the hard way: ',
      'Free advice: ',
    ],
    closers: [
      ' Happy to elaborate if useful.',
      ' Learned this the expensive way.',
      ' You are welcome.',
      ' Fight me.',
    ],
  },
  competitor_staff: {
    p: 0.2,
    openers: ['Personal take: ', 'Honest plug: '],
    closers: [' (views my own)', ' #lifeatwork', ' DMs open.'],
  },
};

/** Words that can be lower-cased when an opener is put in front of them. */
export const LOWERABLE_FIRST_WORD =
  /^(How|What|Is|Anyone|Best|Any|Does|Do|Can|When|Why|Which|Where|Our|My|We|The|First|Finally|Switched|Moved|Shoutout|Loving|Honestly|Every|If|Before|Never|Do|Store|Instrument|Sampling|Structured|Data|Your|Dedupe|Lead|Warehouse|Cost|Modern|Analytics|Grafana|Alert|Looking|Laid|Open|New|After|Career|Freelance|Available|Contract|Recent|Back|Bootcamp|Taking|Just|Proud|Best|Day|Reminder|Loved|Working|Closed)\b/;
