import type { FeedbackCodesDraft } from './feedback-codes.ts';

/**
 * The codes Prospector ships with, in force until an admin publishes a list of their own
 * (`prospector codes publish FILE`, or POST /api/codes).
 */
export const SEED_FEEDBACK_CODES: FeedbackCodesDraft = {
  codes: [
    {
      id: 'timing',
      label: 'Not ready yet',
      description: 'Real need, wrong quarter: ask again later.',
      usedFor: ['reject', 'lose', 'objection'],
      onReject: {
        to: 'nurture',
        holdDays: 90,
      },
    },
    {
      id: 'no-budget',
      label: 'No budget',
      usedFor: ['reject', 'lose', 'objection'],
      onReject: {
        to: 'nurture',
        holdDays: 180,
      },
    },
    {
      id: 'wrong-person',
      label: 'Wrong person',
      description: 'Not the buyer and cannot introduce us to one.',
      usedFor: ['reject', 'lose'],
      onReject: {
        to: 'disqualified',
      },
    },
    {
      id: 'not-icp',
      label: 'Not our ideal customer',
      usedFor: ['reject', 'lose'],
      onReject: {
        to: 'disqualified',
      },
    },
    {
      id: 'competitor',
      label: 'Happy with a competitor',
      usedFor: ['reject', 'lose', 'objection'],
      onReject: {
        to: 'nurture',
        holdDays: 180,
      },
    },
    {
      id: 'bad-data',
      label: 'Bad data',
      description: 'The profile or the post was misread.',
      usedFor: ['reject'],
      onReject: {
        to: 'disqualified',
      },
    },
    {
      id: 'spam',
      label: 'Spam or bot',
      usedFor: ['reject'],
      onReject: {
        to: 'disqualified',
      },
    },
    {
      id: 'price',
      label: 'Too expensive',
      usedFor: ['lose', 'objection'],
    },
    {
      id: 'missing-feature',
      label: 'Missing a feature they need',
      usedFor: ['lose', 'objection'],
    },
    {
      id: 'security-review',
      label: 'Security or compliance review',
      usedFor: ['objection'],
    },
  ],
};
