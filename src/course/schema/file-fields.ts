/** Fields both kinds of course file (module.yaml and an exercise) start with. */
import { z } from 'zod';

/** The newest `formatVersion` this redis-tutor reads. */
export const SUPPORTED_FORMAT_VERSION = 1;

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const IdSchema = z
  .string()
  .regex(KEBAB_ID, { error: 'must be kebab-case: lowercase letters, digits and single dashes, e.g. first-key' })
  .describe('kebab-case id; must equal the file or folder name without its NN- number. Never change it once published.');

export const FormatVersionSchema = z
  .literal(SUPPORTED_FORMAT_VERSION, {
    error: `must be ${SUPPORTED_FORMAT_VERSION} (the exercise format version this redis-tutor reads)`,
  })
  .describe('Version of the exercise format. A newer version is refused with a message to upgrade redis-tutor.');
