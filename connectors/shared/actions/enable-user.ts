import { userEnabledAction } from '../user-enabled.js';

export const enableUser = userEnabledAction(true);
