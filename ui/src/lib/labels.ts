/** The words the UI uses for each value the backend sends. One place, so
 * the same thing is always called the same name. */
import type {
  BackupKind,
  Channel,
  Circle,
  Feel,
  Felt,
  GroupKind,
  Initiator,
  Sector,
  SupportType,
  Theme,
  TieKind,
  Weekday,
} from './api';

export const circleLabels: Record<Circle, string> = {
  inner: 'Inner circle',
  middle: 'Middle circle',
  outer: 'Outer circle',
};

export const circleHints: Record<Circle, string> = {
  inner: "Hard to imagine life without them",
  middle: 'Close, but a little less so',
  outer: 'Part of your life',
};

export const sectorLabels: Record<Sector, string> = {
  family: 'Family',
  friends: 'Friends',
  work_study: 'Work or study',
  community_online: 'Community and online',
  care: 'Care',
};

export const supportLabels: Record<SupportType, string> = {
  emotional: 'Someone to confide in',
  practical: 'Hands-on help',
  encouragement: 'Encouragement',
  inspiration: 'Hope and inspiration',
  belonging: 'Belonging',
  professional: 'Professional support',
};

export const supportShort: Record<SupportType, string> = {
  emotional: 'Confide',
  practical: 'Practical',
  encouragement: 'Encourage',
  inspiration: 'Hope',
  belonging: 'Belonging',
  professional: 'Professional',
};

export const supportTypes = Object.keys(supportLabels) as SupportType[];
export const circles = Object.keys(circleLabels) as Circle[];
export const sectors = Object.keys(sectorLabels) as Sector[];

export const kindLabels: Record<TieKind, string> = { person: 'Person', group: 'Group or community' };

export const groupKindLabels: Record<GroupKind, string> = {
  peer_support: 'Peer support group',
  club_or_class: 'Club or class',
  faith: 'Faith community',
  online: 'Online community',
  other: 'Another kind of group',
};

export const channelLabels: Record<Channel, string> = {
  in_person: 'In person',
  call: 'Call',
  video: 'Video',
  message: 'Message',
  online_group: 'Online group',
};

export const initiatorLabels: Record<Initiator, string> = {
  me: 'I did',
  them: 'They did',
  both: 'Both of us',
};

export const feltLabels: Record<Felt, string> = {
  better: 'Better',
  same: 'About the same',
  worse: 'Lower',
};

export const feelLabels: Record<Feel, string> = {
  energising: 'Energising',
  mixed: 'Mixed',
  draining: 'Draining',
};

export const months = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** The reflection themes, in everyday words. */
export const themeLabels: Record<Theme, string> = {
  emotional: 'Someone to talk to',
  practical: 'Everyday help',
  resilience: 'Getting through',
  body: 'Calm and closeness',
  openness: 'Talking openly',
  quality: 'How it feels',
  digital: 'Online spaces',
};

export const themes = Object.keys(themeLabels) as Theme[];

/** The mood scale of a reflection, 1 to 5. */
export const moodLabels: Record<number, string> = {
  1: 'Very low',
  2: 'Low',
  3: 'Okay',
  4: 'Good',
  5: 'Very good',
};

export const moodScale = [1, 2, 3, 4, 5];

/** The days of the week in order, Monday first, with their short and long names. */
export const weekdays: { day: Weekday; short: string; long: string }[] = [
  { day: 'monday', short: 'Mon', long: 'Monday' },
  { day: 'tuesday', short: 'Tue', long: 'Tuesday' },
  { day: 'wednesday', short: 'Wed', long: 'Wednesday' },
  { day: 'thursday', short: 'Thu', long: 'Thursday' },
  { day: 'friday', short: 'Fri', long: 'Friday' },
  { day: 'saturday', short: 'Sat', long: 'Saturday' },
  { day: 'sunday', short: 'Sun', long: 'Sunday' },
];

/** What kind of backup it is: who or what took it. */
export const backupKindLabels: Record<BackupKind, string> = {
  manual: 'You made this',
  daily: 'Daily',
  before_restore: 'Taken before a restore',
  before_import: 'Taken before an import',
  set_aside: "Set aside when it wouldn't open",
};
