// The shape of one entry of the question catalogue: wording for a buyer, keyed by fact path.
import type { Case } from '../case/schema.js';
import type { GroupId } from './groups.js';

/** How one fact is asked. The answer's type comes from the case schema (the fact registry). */
export interface QuestionSpec {
  path: string;
  group: GroupId;
  /** The question, in a buyer's words. */
  text: string;
  /** One line that helps to answer it. */
  hint: string;
  /** Readable labels for the schema's enum values (every value must have one). */
  labels?: Record<string, string>;
  /** Asked before the rest of its group, lowest first (the opening questions). */
  pin?: number;
  /** A date of something that already happened: a date after today is refused. */
  past?: boolean;
  /** Only ask when this holds for the case so far (e.g. no receipt date when nothing arrived). */
  askIf?: (c: Case) => boolean;
}
