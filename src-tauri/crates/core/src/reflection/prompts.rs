//! The prompt library: short, warm questions, each grounded in one theme.
//!
//! Some prompts name a tie from the person's map through the `{name}`
//! placeholder. Those declare which kind of tie fits ([`TieNeed`]) and carry
//! a fallback wording for when no fitting tie exists. Low-energy variants
//! never name anyone, so they can always be shown as they are.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::theme::Theme;
use crate::tie::SupportType;

/// The placeholder a prompt's text contains.
pub const NAME_PLACEHOLDER: &str = "{name}";

/// Which tie from the map a personalised prompt is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TieNeed {
    /// The tie it has been longest since the person was in touch with.
    LongestSinceContact,
    /// A tie that usually feels draining.
    Draining,
    /// A tie that usually feels energising.
    Energising,
    /// Someone who gives emotional support (a person to confide in).
    Confidant,
    /// Someone who gives practical, hands-on help.
    Helper,
    /// Someone who encourages healthy habits and care.
    Encourager,
    /// Someone who gives inspiration and hope.
    RoleModel,
    /// A group that gives a sense of belonging, in person or online.
    Group,
    /// An online group or community.
    OnlineGroup,
    /// A therapist, GP, counsellor or helpline.
    Professional,
}

impl TieNeed {
    /// Every kind of fitting tie.
    pub const ALL: [TieNeed; 10] = [
        TieNeed::LongestSinceContact,
        TieNeed::Draining,
        TieNeed::Energising,
        TieNeed::Confidant,
        TieNeed::Helper,
        TieNeed::Encourager,
        TieNeed::RoleModel,
        TieNeed::Group,
        TieNeed::OnlineGroup,
        TieNeed::Professional,
    ];

    /// The support type a fitting tie gives, when the need is about one.
    pub fn support_type(self) -> Option<SupportType> {
        match self {
            TieNeed::Confidant => Some(SupportType::Emotional),
            TieNeed::Helper => Some(SupportType::Practical),
            TieNeed::Encourager => Some(SupportType::Encouragement),
            TieNeed::RoleModel => Some(SupportType::Inspiration),
            TieNeed::Group | TieNeed::OnlineGroup => Some(SupportType::Belonging),
            TieNeed::Professional => Some(SupportType::Professional),
            TieNeed::LongestSinceContact | TieNeed::Draining | TieNeed::Energising => None,
        }
    }

    /// Whether the fitting tie has to be a group (rather than a person).
    pub fn wants_group(self) -> bool {
        matches!(self, TieNeed::Group | TieNeed::OnlineGroup)
    }
}

/// What a prompt needs filled in before it can be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Placeholder {
    /// `{name}`: the name of a tie that fits the need.
    Tie(TieNeed),
}

/// One reflection prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Prompt {
    /// Stable id, `<theme>-<two digits>`, e.g. `emotional-01`.
    pub id: &'static str,
    pub theme: Theme,
    /// The question, possibly with one `{name}` placeholder.
    pub text: &'static str,
    /// A lighter version answerable in a word or an emoji. Never contains a
    /// placeholder.
    pub low_energy: Option<&'static str>,
    /// Set when `text` contains `{name}`.
    pub needs: Option<Placeholder>,
    /// The wording to use when no fitting tie exists; set exactly when
    /// `needs` is.
    pub fallback: Option<&'static str>,
}

impl Prompt {
    /// The prompt ready to show; see [`render`].
    pub fn render(&self, name: Option<&str>) -> String {
        render(self, name)
    }

    /// The kind of tie this prompt would like to name, if any.
    pub fn tie_need(&self) -> Option<TieNeed> {
        self.needs.map(|Placeholder::Tie(need)| need)
    }
}

/// The prompt's text ready to show. A `{name}` placeholder is filled with
/// `name` as plain text (the UI renders text, never markup); when the prompt
/// needs a name and none is given (or it is blank), the fallback wording is
/// returned instead. Prompts without placeholders come back unchanged.
pub fn render(prompt: &Prompt, name: Option<&str>) -> String {
    if prompt.needs.is_none() {
        return prompt.text.to_string();
    }
    match name.map(str::trim).filter(|n| !n.is_empty()) {
        Some(name) => prompt.text.replacen(NAME_PLACEHOLDER, name, 1),
        None => prompt.fallback.unwrap_or(prompt.text).replace(NAME_PLACEHOLDER, "someone"),
    }
}

/// The prompt with this id.
pub fn prompt(id: &str) -> Option<&'static Prompt> {
    PROMPTS.iter().find(|p| p.id == id)
}

/// The prompts of one theme, in library order.
pub fn prompts_for(theme: Theme) -> impl Iterator<Item = &'static Prompt> {
    PROMPTS.iter().filter(move |p| p.theme == theme)
}

const fn plain(id: &'static str, theme: Theme, text: &'static str, low_energy: &'static str) -> Prompt {
    Prompt { id, theme, text, low_energy: Some(low_energy), needs: None, fallback: None }
}

const fn tie(
    id: &'static str,
    theme: Theme,
    need: TieNeed,
    text: &'static str,
    fallback: &'static str,
    low_energy: &'static str,
) -> Prompt {
    Prompt {
        id,
        theme,
        text,
        low_energy: Some(low_energy),
        needs: Some(Placeholder::Tie(need)),
        fallback: Some(fallback),
    }
}

use Theme::{Body, Digital, Emotional, Openness, Practical, Quality, Resilience};
use TieNeed::{
    Confidant, Draining, Encourager, Energising, Group, Helper, LongestSinceContact, OnlineGroup, Professional,
    RoleModel,
};

/// Every prompt, grouped by theme.
pub static PROMPTS: &[Prompt] = &[
    // Emotional support: being heard lightens the load.
    plain(
        "emotional-01",
        Emotional,
        "What has been sitting heaviest on your mind this week?",
        "One word for how today felt?",
    ),
    plain(
        "emotional-02",
        Emotional,
        "Who could you tell how you're really doing? What might you say first?",
        "One name that feels safe?",
    ),
    tie(
        "emotional-03",
        Emotional,
        Confidant,
        "When did you last feel truly heard by {name}? What made it feel that way?",
        "When did you last feel truly heard by someone? What made it feel that way?",
        "An emoji for feeling heard?",
    ),
    plain(
        "emotional-04",
        Emotional,
        "Is there a feeling you've been carrying on your own lately? What would it be like to share a little of it?",
        "One word for that feeling?",
    ),
    tie(
        "emotional-05",
        Emotional,
        Confidant,
        "If you told {name} one true thing about your week, what would it be?",
        "If you told someone you trust one true thing about your week, what would it be?",
        "One true word about your week?",
    ),
    plain(
        "emotional-06",
        Emotional,
        "Think of a time someone listened without trying to fix anything. How did that feel?",
        "An emoji for being listened to?",
    ),
    plain(
        "emotional-07",
        Emotional,
        "What is something that frustrated you recently, and who would understand it?",
        "One word for what bugged you?",
    ),
    plain("emotional-08", Emotional, "What would you like someone to ask you about right now?", "One topic?"),
    plain(
        "emotional-09",
        Emotional,
        "How do you let people know when you'd like a listening ear?",
        "Words, hints, or not yet?",
    ),
    plain(
        "emotional-10",
        Emotional,
        "Who have you listened to lately? How did it feel to be there for them?",
        "One name you listened to?",
    ),
    // Practical help and accountability: scaffolding for everyday life.
    plain(
        "practical-01",
        Practical,
        "What is one everyday task that would feel lighter with a bit of help?",
        "One task?",
    ),
    tie(
        "practical-02",
        Practical,
        Helper,
        "What is something {name} helped with that made a real difference?",
        "What is something someone helped with that made a real difference?",
        "One thing you're glad got done?",
    ),
    plain(
        "practical-03",
        Practical,
        "Who nudges you to look after yourself, with meals, sleep or appointments? How does that feel?",
        "A name or an emoji?",
    ),
    plain(
        "practical-04",
        Practical,
        "If a friend offered you an hour of help this week, what would you ask for?",
        "One thing?",
    ),
    tie(
        "practical-05",
        Practical,
        Encourager,
        "How does {name} help you keep up the things that keep you well?",
        "Who helps you keep up the things that keep you well, and how?",
        "One word for that nudge?",
    ),
    plain(
        "practical-06",
        Practical,
        "What makes asking for practical help feel easy or hard for you?",
        "Easy, hard, or in between?",
    ),
    plain(
        "practical-07",
        Practical,
        "Which habit that keeps you well would be easier with someone cheering you on?",
        "One habit?",
    ),
    plain(
        "practical-08",
        Practical,
        "What is one small, practical thing you could do for someone else this week?",
        "One kind act?",
    ),
    plain("practical-09", Practical, "Who could you swap favours with, so that help flows both ways?", "One name?"),
    plain(
        "practical-10",
        Practical,
        "Looking at the week ahead, where might a little support make the biggest difference?",
        "Which day looks busiest?",
    ),
    // Resilience: bouncing back, and hope from others who did.
    plain(
        "resilience-01",
        Resilience,
        "Think of a hard time you came through. Who helped you along the way?",
        "One name who helped?",
    ),
    tie(
        "resilience-02",
        Resilience,
        RoleModel,
        "What have you learned from watching {name} get through tough times?",
        "Whose way through a tough time gives you hope? What did you learn from them?",
        "One word for what they showed you?",
    ),
    plain(
        "resilience-03",
        Resilience,
        "What is one thing that helped you bounce back before, even a little?",
        "One thing that helps?",
    ),
    plain(
        "resilience-04",
        Resilience,
        "Who would you like near you if things got hard again? Do they know that?",
        "One name?",
    ),
    plain("resilience-05", Resilience, "What small sign of hope have you noticed lately?", "An emoji for hope?"),
    tie(
        "resilience-06",
        Resilience,
        Group,
        "How has {name} helped you feel less alone while getting through something?",
        "Is there a group that helped you feel less alone while getting through something? How?",
        "One word for that company?",
    ),
    plain(
        "resilience-07",
        Resilience,
        "What would you say to a friend going through what you went through?",
        "One kind word for them?",
    ),
    plain(
        "resilience-08",
        Resilience,
        "What strength did you find in yourself during a difficult stretch?",
        "One strength?",
    ),
    plain(
        "resilience-09",
        Resilience,
        "Whose story of getting through something gives you hope? What stays with you about it?",
        "One name or story?",
    ),
    plain(
        "resilience-10",
        Resilience,
        "What is one way you have grown since a difficult time?",
        "One word for that growth?",
    ),
    // Connection and the body: warm contact, calm and stress.
    plain(
        "body-01",
        Body,
        "After time with someone you feel safe with, what do you notice in your body?",
        "Tense, neutral, or at ease?",
    ),
    tie(
        "body-02",
        Body,
        Energising,
        "How does your body feel after time with {name}? Lighter, calmer, something else?",
        "Who leaves you feeling lighter or calmer after time together? What do you notice?",
        "An emoji for that feeling?",
    ),
    plain(
        "body-03",
        Body,
        "When did you last share a laugh with someone? What was it about?",
        "Laughed today: yes or no?",
    ),
    plain(
        "body-04",
        Body,
        "Is there someone you'd enjoy a walk, a meal or a coffee with this week?",
        "Walk, meal or coffee?",
    ),
    tie(
        "body-05",
        Body,
        LongestSinceContact,
        "It's been a while since you and {name} were in touch. What might a simple catch-up look like?",
        "Who haven't you seen in a while? What might a simple catch-up look like?",
        "Call, message or meet?",
    ),
    plain("body-06", Body, "What kind of company helps you feel calm and safe?", "One word for calm company?"),
    plain(
        "body-07",
        Body,
        "How do days spent mostly alone feel in your body, compared with days you see people?",
        "Alone days: heavier or lighter?",
    ),
    plain(
        "body-08",
        Body,
        "Is there a hug, a handshake or a shared meal you've been missing?",
        "What do you miss most?",
    ),
    plain(
        "body-09",
        Body,
        "Where in your body do you carry stress, and who helps you let it go?",
        "Where do you hold stress?",
    ),
    plain(
        "body-10",
        Body,
        "What is one gentle way to spend time near others this week, even without talking much?",
        "One idea?",
    ),
    // Openness and stigma: being understood, not judged.
    plain(
        "openness-01",
        Openness,
        "How comfortable do you feel talking about your mental health, and with whom?",
        "Comfort from 1 to 5?",
    ),
    plain(
        "openness-02",
        Openness,
        "Is there one person you could tell a little more about how you're really doing?",
        "One name?",
    ),
    tie(
        "openness-03",
        Openness,
        Group,
        "What makes {name} a place where you feel understood rather than judged?",
        "Is there a place or group where you feel understood rather than judged? What makes it so?",
        "One word for that place?",
    ),
    plain(
        "openness-04",
        Openness,
        "What would make it easier to ask for help when you need it?",
        "One thing that would help?",
    ),
    tie(
        "openness-05",
        Openness,
        Professional,
        "What would you like to bring up next time you talk with {name}?",
        "If you spoke with a therapist, GP or counsellor, what would you like to bring up?",
        "One topic?",
    ),
    plain(
        "openness-06",
        Openness,
        "Has someone ever shared their own struggles with you? How did it change things between you?",
        "Closer, same, or unsure?",
    ),
    plain(
        "openness-07",
        Openness,
        "What words feel right to you when you describe a hard day?",
        "One word for a hard day?",
    ),
    plain(
        "openness-08",
        Openness,
        "Which group, forum or circle of people might understand what you're going through?",
        "One idea?",
    ),
    plain(
        "openness-09",
        Openness,
        "How might you respond if a friend opened up to you about their mental health?",
        "One kind reply?",
    ),
    plain(
        "openness-10",
        Openness,
        "What is something about your inner life you wish more people understood?",
        "One thing?",
    ),
    // Quality of connection: empathy, respect, reciprocity, boundaries.
    plain("quality-01", Quality, "Who leaves you feeling more like yourself after time together?", "One name?"),
    tie(
        "quality-02",
        Quality,
        Draining,
        "Time with {name} sometimes feels heavy. What would a kind boundary look like for you?",
        "Does a connection sometimes feel heavy? What would a kind boundary look like for you?",
        "One word for what you need?",
    ),
    plain(
        "quality-03",
        Quality,
        "In which relationship does the give and take feel balanced? What makes it work?",
        "Which one feels balanced?",
    ),
    tie(
        "quality-04",
        Quality,
        Draining,
        "Is there something you need from {name} that you're not getting? Could you say it?",
        "Is there someone you need more from right now? Could you say it to them?",
        "Say it, wait, or let it go?",
    ),
    plain(
        "quality-05",
        Quality,
        "When did someone last show you real respect? What did they do?",
        "An emoji for that moment?",
    ),
    plain("quality-06", Quality, "Is there a boundary you're proud of keeping lately?", "Proud: yes, no, or unsure?"),
    plain(
        "quality-07",
        Quality,
        "Who would you like to spend more time with, and who a little less?",
        "More time with whom?",
    ),
    tie(
        "quality-08",
        Quality,
        Energising,
        "What is it about {name} that makes time together feel good? Have you ever told them?",
        "What makes time with someone dear to you feel good? Have you ever told them?",
        "One word for them?",
    ),
    plain("quality-09", Quality, "How do you show care to the people close to you?", "One way you show care?"),
    plain(
        "quality-10",
        Quality,
        "Which few connections matter most to you right now, and why?",
        "The first name that comes?",
    ),
    // Digital communities: online spaces built around shared experience.
    plain(
        "digital-01",
        Digital,
        "Is there an online space where you feel you belong? What makes it feel that way?",
        "Yes, no, or not sure?",
    ),
    tie(
        "digital-02",
        Digital,
        OnlineGroup,
        "How do you feel after time in {name}? Lifted, drained, or somewhere between?",
        "How do you feel after time in your online spaces? Lifted, drained, or somewhere between?",
        "An emoji for it?",
    ),
    plain(
        "digital-03",
        Digital,
        "What kind of online community might understand what you're going through?",
        "One topic?",
    ),
    plain(
        "digital-04",
        Digital,
        "Which apps or feeds leave you feeling low? What might you do with that time instead?",
        "One to mute?",
    ),
    tie(
        "digital-05",
        Digital,
        OnlineGroup,
        "What have you found in {name} that's hard to find elsewhere?",
        "What have you found online that's hard to find elsewhere?",
        "One word for it?",
    ),
    plain(
        "digital-06",
        Digital,
        "Is there someone you know mostly online who has been a real support? How could you thank them?",
        "One name?",
    ),
    plain(
        "digital-07",
        Digital,
        "Could an online connection grow into a call, a longer chat or a meetup? What would that be like?",
        "Call, chat or meet?",
    ),
    plain("digital-08", Digital, "What helps you feel safe when sharing something personal online?", "One thing?"),
    plain(
        "digital-09",
        Digital,
        "How do online and in-person connections balance out in your week?",
        "More online or offline?",
    ),
    plain(
        "digital-10",
        Digital,
        "What is one kind thing you could post, reply or share in a community you care about?",
        "One kind word?",
    ),
];
