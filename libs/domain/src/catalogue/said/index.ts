import { commitmentReaffirmed } from './commitment-reaffirmed';
import { commitmentRevised } from './commitment-revised';
import { commitmentWithdrawn } from './commitment-withdrawn';
import { pledgeMade } from './pledge-made';
import { redLineStated } from './red-line-stated';

export const SAID_EVENTS = [pledgeMade, redLineStated, commitmentReaffirmed, commitmentRevised, commitmentWithdrawn];
