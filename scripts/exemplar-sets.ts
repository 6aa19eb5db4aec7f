/**
 * The exemplar triplets of ../shared/data/exemplar (see its README): hard sets use a different
 * photo as reference, easy sets the truth's own photo edited. Shared by the evaluation scripts.
 */
import path from 'node:path';
import { SHARED } from '../test/helpers/shared.js';

export const EXEMPLAR_DIR = path.join(SHARED, 'data/exemplar');
// biome-ignore format: one line per set kind
export const HARD_SETS = ['002', '004', '006', '008', '009', '011', '013', '015', '017', '018', '020', '022', '023', '025', '026', '028', '029', '030'];
export const EASY_SETS = ['032', '034', '037', '039', '041', '043', '045', '047', '049'];
