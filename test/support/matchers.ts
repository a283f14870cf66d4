import { expect } from 'vitest';

/*
 * vitest types its asymmetric matchers as `any`, which the type-checked lint
 * rules refuse inside object literals. Typed `unknown`, they read as what they
 * are there: values to compare with.
 */

export const stringMatching = (pattern: RegExp | string): unknown => expect.stringMatching(pattern);

export const anyString = (): unknown => expect.any(String);
