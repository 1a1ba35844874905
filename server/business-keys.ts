import { combineBusinessKeys } from '../domain/shared/business-keys.ts';
import { findingKeys } from '../domain/findings/finding-keys.service.ts';
import { feedbackKeys } from '../domain/voice/complaint-keys.service.ts';

/** The owners of business keys the server's workflows hand keys to: findings (`finding:<id>`) and feedback (`feedback:<id>`). */
export const businessKeys = combineBusinessKeys(findingKeys, feedbackKeys);
