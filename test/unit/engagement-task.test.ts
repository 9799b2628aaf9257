import { describe, expect, it } from 'vitest';
import { draftReply, taskId } from '../../shared/domain/engagement-task.ts';

describe('engagement tasks', () => {
  it('gives the same task the same id, and different tasks different ids', () => {
    expect(taskId('x#1', 'reply', '10')).toBe(taskId('x#1', 'reply', '10'));
    expect(
      new Set([
        taskId('x#1', 'reply', '10'),
        taskId('x#1', 'reply', '11'),
        taskId('x#2', 'reply', '10'),
        taskId('x#1', 'like', '10'),
      ]).size,
    ).toBe(4);
  });

  it('fills a template with the first name and product, within 280 characters', () => {
    expect(
      draftReply('Hi {name}, {product} does that.', { name: 'Ana Silva', product: 'Pipeline CRM' }),
    ).toBe('Hi Ana, Pipeline CRM does that.');
    expect(draftReply(`{name} ${'x'.repeat(400)}`, { name: 'Bo', product: 'P' })).toHaveLength(280);
  });
});
