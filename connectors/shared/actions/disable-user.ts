import { userEnabledAction } from '../user-enabled.js';

export const disableUser = userEnabledAction(false);
