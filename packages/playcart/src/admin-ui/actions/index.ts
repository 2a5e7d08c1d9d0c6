// The admin's form actions by name. A client form names the one it posts to; the host's
// single server function passes the name to runAdminAction, which authorises first.
import { estimateAudienceAction } from "./audience.ts";
import { saveBadgeAction, saveStampCardAction } from "./badges.ts";
import { saveCampaignAction, setCampaignStatusAction } from "./campaigns.ts";
import { saveCatalogItemAction, setCatalogItemActiveAction } from "./catalog.ts";
import { adjustPointsAction } from "./customers.ts";
import { createFromTemplateAction, forecastCampaignAction } from "./forecast.ts";
import { eraseCustomerAction, saveIncentiveNoticeAction } from "./privacy.ts";
import { resetReminderWordsAction, saveReminderWordsAction, sendTestReminderAction } from "./reminder-email.ts";
import { saveQuietHoursAction, saveReminderSequenceAction } from "./reminders.ts";
import { saveRuleAction, setRuleStatusAction } from "./rules.ts";
import { saveLoyaltySettingsAction, savePointsSettingsAction, saveStoreTermsAction } from "./settings.ts";

export const ADMIN_ACTIONS = {
  saveCampaign: saveCampaignAction,
  setCampaignStatus: setCampaignStatusAction,
  estimateAudience: estimateAudienceAction,
  forecastCampaign: forecastCampaignAction,
  createFromTemplate: createFromTemplateAction,
  adjustPoints: adjustPointsAction,
  eraseCustomer: eraseCustomerAction,
  saveLoyaltySettings: saveLoyaltySettingsAction,
  saveIncentiveNotice: saveIncentiveNoticeAction,
  saveStoreTerms: saveStoreTermsAction,
  savePointsSettings: savePointsSettingsAction,
  saveBadge: saveBadgeAction,
  saveStampCard: saveStampCardAction,
  saveCatalogItem: saveCatalogItemAction,
  setCatalogItemActive: setCatalogItemActiveAction,
  saveReminderSequence: saveReminderSequenceAction,
  saveQuietHours: saveQuietHoursAction,
  saveReminderWords: saveReminderWordsAction,
  resetReminderWords: resetReminderWordsAction,
  sendTestReminder: sendTestReminderAction,
  saveRule: saveRuleAction,
  setRuleStatus: setRuleStatusAction,
};

export type AdminActionName = keyof typeof ADMIN_ACTIONS;

export const ADMIN_ACTION_NAMES = Object.keys(ADMIN_ACTIONS) as AdminActionName[];
