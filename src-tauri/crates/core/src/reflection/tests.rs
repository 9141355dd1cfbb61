use std::collections::{HashMap, HashSet};

use super::prompts::NAME_PLACEHOLDER;
use super::*;
use crate::theme::Theme;
use crate::tie::SupportType;

const THEMES: [Theme; 7] = [
    Theme::Emotional,
    Theme::Practical,
    Theme::Resilience,
    Theme::Body,
    Theme::Openness,
    Theme::Quality,
    Theme::Digital,
];

const FORBIDDEN: [&str; 7] = ["should", "overdue", "must", "fail", "symptom", "disorder", "diagnos"];

fn theme_id(theme: Theme) -> String {
    serde_json::to_value(theme).unwrap().as_str().unwrap().to_string()
}

/// `^[a-z]+-\d{2}$`, by hand.
fn id_shape_ok(id: &str) -> bool {
    let Some((word, digits)) = id.split_once('-') else { return false };
    !word.is_empty()
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && digits.len() == 2
        && digits.bytes().all(|b| b.is_ascii_digit())
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// Every piece of wording a person can see.
fn all_wording() -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for p in PROMPTS {
        out.push((format!("{} text", p.id), p.text));
        if let Some(low) = p.low_energy {
            out.push((format!("{} low energy", p.id), low));
        }
        if let Some(fallback) = p.fallback {
            out.push((format!("{} fallback", p.id), fallback));
        }
    }
    for g in GUIDES {
        out.push((format!("{} title", g.id), g.title));
        out.push((format!("{} intro", g.id), g.intro));
    }
    for w in FEELING_WORDS {
        out.push(("feeling word".to_string(), w));
    }
    out
}

#[test]
fn library_is_big_enough() {
    assert!(PROMPTS.len() >= 70, "only {} prompts", PROMPTS.len());
    for theme in THEMES {
        let n = prompts_for(theme).count();
        assert!(n >= 8, "{theme:?} has only {n} prompts");
    }
}

#[test]
fn ids_are_unique_well_formed_and_name_their_theme() {
    let mut seen = HashSet::new();
    for p in PROMPTS {
        assert!(seen.insert(p.id), "duplicate id {}", p.id);
        assert!(id_shape_ok(p.id), "badly shaped id {}", p.id);
        assert!(p.id.starts_with(&format!("{}-", theme_id(p.theme))), "{} is not a {:?} id", p.id, p.theme);
    }
}

#[test]
fn id_shape_check_rejects_odd_ids() {
    for bad in ["emotional-1", "emotional-001", "Emotional-01", "-01", "emotional01", "emo-tional-01", "body-0a"] {
        assert!(!id_shape_ok(bad), "{bad} was accepted");
    }
    assert!(id_shape_ok("body-07"));
}

#[test]
fn wording_is_present_short_and_one_line() {
    for p in PROMPTS {
        assert!(!p.text.trim().is_empty(), "{} has no text", p.id);
        assert!(p.text.chars().count() <= 200, "{} is too long", p.id);
        assert_eq!(p.text, p.text.trim(), "{} has stray whitespace", p.id);
        assert!(!p.text.contains('\n'), "{} spans lines", p.id);
        if let Some(low) = p.low_energy {
            assert!(!low.trim().is_empty(), "{} has an empty low-energy variant", p.id);
            assert!(
                low.chars().count() < p.text.chars().count(),
                "{}: the low-energy variant is not shorter than the prompt",
                p.id
            );
        }
        if let Some(fallback) = p.fallback {
            assert!(fallback.chars().count() <= 200, "{} fallback is too long", p.id);
        }
    }
}

#[test]
fn most_prompts_have_a_low_energy_variant() {
    let with = PROMPTS.iter().filter(|p| p.low_energy.is_some()).count();
    assert!(with * 4 >= PROMPTS.len() * 3, "only {with} low-energy variants");
}

#[test]
fn placeholders_are_declared_and_have_fallbacks() {
    for p in PROMPTS {
        match p.needs {
            Some(_) => {
                assert_eq!(count(p.text, NAME_PLACEHOLDER), 1, "{} must name exactly one tie", p.id);
                assert_eq!(count(p.text, "{"), 1, "{} has a stray brace", p.id);
                let fallback = p.fallback.unwrap_or_else(|| panic!("{} has no fallback", p.id));
                assert!(!fallback.trim().is_empty(), "{} has an empty fallback", p.id);
                assert!(!fallback.contains('{') && !fallback.contains('}'), "{} fallback has a placeholder", p.id);
                assert_ne!(fallback, p.text);
            }
            None => {
                assert!(!p.text.contains('{') && !p.text.contains('}'), "{} has an undeclared placeholder", p.id);
                assert!(p.fallback.is_none(), "{} has a fallback it never uses", p.id);
            }
        }
        if let Some(low) = p.low_energy {
            assert!(!low.contains('{'), "{} low-energy variant has a placeholder", p.id);
        }
    }
}

#[test]
fn every_theme_has_personalised_prompts() {
    for theme in THEMES {
        let n = prompts_for(theme).filter(|p| p.needs.is_some()).count();
        assert!(n >= 2, "{theme:?} has only {n} personalised prompts");
    }
}

#[test]
fn tie_needs_cover_every_support_type() {
    let covered: Vec<_> = TieNeed::ALL.iter().filter_map(|n| n.support_type()).collect();
    for st in SupportType::ALL {
        assert!(covered.contains(&st), "no tie need asks for {st:?}");
    }
    assert!(TieNeed::Group.wants_group() && TieNeed::OnlineGroup.wants_group());
    assert!(!TieNeed::Confidant.wants_group());
}

#[test]
fn render_fills_names_literally() {
    let p = prompt("emotional-03").unwrap();
    assert_eq!(p.tie_need(), Some(TieNeed::Confidant));
    assert_eq!(render(p, Some("Sam")), "When did you last feel truly heard by Sam? What made it feel that way?");
    assert_eq!(render(p, Some("Zoë 🌻")), "When did you last feel truly heard by Zoë 🌻? What made it feel that way?");
    assert_eq!(
        render(p, Some("<b>x</b>")),
        "When did you last feel truly heard by <b>x</b>? What made it feel that way?"
    );
    // A name that itself looks like a placeholder is left as it is.
    assert_eq!(render(p, Some("{name}")), "When did you last feel truly heard by {name}? What made it feel that way?");
    assert_eq!(p.render(Some("Sam")), render(p, Some("Sam")));
}

#[test]
fn render_falls_back_without_a_name() {
    for p in PROMPTS.iter().filter(|p| p.needs.is_some()) {
        assert_eq!(render(p, None), p.fallback.unwrap());
        assert_eq!(render(p, Some("   ")), p.fallback.unwrap(), "{}: a blank name counts as none", p.id);
        let named = render(p, Some("Ana"));
        assert!(named.contains("Ana") && !named.contains('{'), "{}", p.id);
    }
}

#[test]
fn render_leaves_plain_prompts_alone() {
    for p in PROMPTS.iter().filter(|p| p.needs.is_none()) {
        assert_eq!(render(p, None), p.text);
        assert_eq!(render(p, Some("Sam")), p.text);
    }
}

#[test]
fn no_pressure_or_clinical_words_anywhere() {
    for (place, text) in all_wording() {
        let lower = text.to_lowercase();
        for word in FORBIDDEN {
            assert!(!lower.contains(word), "{place} contains {word:?}: {text}");
        }
    }
}

#[test]
fn guides_are_well_formed() {
    assert!(GUIDES.len() >= 8, "only {} guides", GUIDES.len());
    let mut ids = HashSet::new();
    for g in GUIDES {
        assert!(ids.insert(g.id), "duplicate guide id {}", g.id);
        assert!(!g.title.trim().is_empty() && !g.intro.trim().is_empty(), "{} is missing wording", g.id);
        assert!(g.title.chars().count() <= 40, "{} title is long", g.id);
        assert!(g.intro.chars().count() <= 200, "{} intro is long", g.id);
        let sentences = g.intro.matches(['.', '?', '!']).count();
        assert!((1..=2).contains(&sentences), "{} intro has {sentences} sentences", g.id);
        assert!((3..=5).contains(&g.prompt_ids.len()), "{} has {} prompts", g.id, g.prompt_ids.len());
        let unique: HashSet<_> = g.prompt_ids.iter().collect();
        assert_eq!(unique.len(), g.prompt_ids.len(), "{} repeats a prompt", g.id);
        for id in g.prompt_ids {
            let p = prompt(id).unwrap_or_else(|| panic!("{} names unknown prompt {id}", g.id));
            if let Some(theme) = g.theme {
                assert_eq!(p.theme, theme, "{} includes {id} from another theme", g.id);
            }
        }
        assert_eq!(g.prompts().count(), g.prompt_ids.len());
    }
}

#[test]
fn one_guide_per_theme_and_a_weekly_check_in() {
    for theme in THEMES {
        let n = GUIDES.iter().filter(|g| g.theme == Some(theme)).count();
        assert_eq!(n, 1, "{theme:?} has {n} guides");
        assert_eq!(guide_for_theme(theme).unwrap().theme, Some(theme));
    }
    let weekly = guide("weekly-check-in").expect("a weekly check-in");
    assert_eq!(weekly.theme, None);
    assert_eq!(weekly.prompt_ids.len(), 5);
    let themes: HashSet<_> = weekly.prompts().map(|p| p.theme).collect();
    assert_eq!(themes.len(), 5, "the weekly check-in repeats a theme");
    // Every guide across themes draws each prompt from a different theme.
    for g in GUIDES.iter().filter(|g| g.theme.is_none()) {
        let themes: HashSet<_> = g.prompts().map(|p| p.theme).collect();
        assert_eq!(themes.len(), g.prompt_ids.len(), "{} repeats a theme", g.id);
    }
}

#[test]
fn feeling_words_are_plain_unique_and_lowercase() {
    assert!((16..=24).contains(&FEELING_WORDS.len()), "{} feeling words", FEELING_WORDS.len());
    let mut seen = HashSet::new();
    for w in FEELING_WORDS {
        assert!(seen.insert(*w), "duplicate feeling word {w}");
        assert_eq!(*w, w.to_lowercase(), "{w} is not lowercase");
        assert!(!w.is_empty() && w.chars().all(|c| c.is_alphabetic()), "{w:?} is not a single word");
    }
}

#[test]
fn prompts_and_guides_serialise_for_the_ui() {
    let p = serde_json::to_value(prompt("body-05").unwrap()).unwrap();
    assert_eq!(p["id"], "body-05");
    assert_eq!(p["theme"], "body");
    assert_eq!(p["lowEnergy"], "Call, message or meet?");
    assert_eq!(p["needs"]["tie"], "longest_since_contact");
    assert!(p["fallback"].is_string());
    let plain = serde_json::to_value(prompt("body-01").unwrap()).unwrap();
    assert!(plain["needs"].is_null() && plain["fallback"].is_null());

    let g = serde_json::to_value(guide("weekly-check-in").unwrap()).unwrap();
    assert_eq!(g["promptIds"].as_array().unwrap().len(), 5);
    assert!(g["theme"].is_null());
    let by_theme: HashMap<_, _> = GUIDES.iter().filter_map(|g| g.theme.map(|t| (theme_id(t), g.id))).collect();
    assert_eq!(by_theme.len(), 7);
}
