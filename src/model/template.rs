//! The commented template proposal that `trustlint init` writes, in either
//! language. Every key and word comes from the keyword table beside it, the
//! comment above each key is what the key asks (its `asks` fact), and the
//! placeholders are those of [`super::placeholder`], which TL014 finds: so
//! the template cannot drift from the language, and a draft that keeps any
//! of them is never taken as finished.
//!
//! Placeholders are `TODO` where a keyword or number belongs (so `check`
//! says what is accepted there until it is filled in) and `"…"` where text
//! belongs.

use super::placeholder::{self, TEXT, WORD};
use crate::diagnostics::Lang;
use crate::model::keywords::{Marker, Opener, Unit, YesNo};
use crate::model::{
    Application, BurdenKey, DataMode, Decider, FrequencyWord, Key, KeyTable, Keyword, MeasureKind, PurposeKind,
    RiskLevel, TriggerKind,
};

/// "What it is for" → "What it is for".
fn sentence(phrase: &str) -> String {
    let mut chars = phrase.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The words of a keyword table in `lang`, for a comment.
fn words<K: Keyword>(lang: Lang) -> String {
    K::SPELLINGS
        .iter()
        .map(|s| s.in_lang(lang))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The template in `lang`: Danish keywords and comments for `da`.
pub fn template(lang: Lang) -> String {
    let t = |en: &'static str, da: &'static str| match lang {
        Lang::En => en,
        Lang::Da => da,
    };
    let optional = t(" (optional)", " (valgfri)");
    let k = |key: Key| key.name(lang);
    let b = |key: BurdenKey| key.name(lang);
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    // The comment above a key: what it asks, then what can be written.
    let ask = |indent: &str, asks: &str, list: Option<String>, optional: &str| match list {
        Some(list) => format!("{indent}# {}{optional}: {list}", sentence(asks)),
        None => format!("{indent}# {}.{optional}", sentence(asks)),
    };
    let key_ask =
        |key: Key, list: Option<String>, optional: &str| ask("  ", key.facts().asks.get(lang), list, optional);
    let burden_ask =
        |key: BurdenKey, list: Option<String>, optional: &str| ask("    ", key.facts().asks.get(lang), list, optional);

    line(t(
        "# A proposed control or documentation requirement, for trustlint.\n# Fill in every TODO and every \"…\", remove the lines marked (optional)\n# that do not apply, then run: trustlint check <this file>\n# A TODO or \"…\" left in is reported (TL014): the draft is not finished.\n#\n# The Kodeks for tillid asks of every new requirement: what is it for, how\n# risky is the task, who pays for it in time, and how is its effect measured?",
        "# Et forslag til et kontrol- eller dokumentationskrav, til trustlint.\n# Udfyld alle TODO og alle \"…\", fjern de linjer mærket (valgfri), der ikke\n# er relevante, og kør så: trustlint check <denne fil>\n# Står der stadig TODO eller \"…\", meldes det (TL014): udkastet er ikke færdigt.\n#\n# Kodeks for tillid spørger ethvert nyt krav: hvad er det til for, hvor\n# risikabel er opgaven, hvem betaler i tid, og hvordan måles effekten?",
    ).to_owned());
    line(format!(
        "{} \"{}\" {{",
        Opener::Requirement.name(lang),
        placeholder::title(lang)
    ));
    line(key_ask(Key::Id, None, ""));
    line(format!("  {}: {}", k(Key::Id), placeholder::ID));
    line(key_ask(Key::Owner, None, optional));
    line(format!("  {}: \"{TEXT}\"", k(Key::Owner)));
    line(format!(
        "{} {}",
        t(
            "  # What it is for, one or more of:",
            "  # Hvad det er til for, ét eller flere af:"
        ),
        words::<PurposeKind>(lang)
    ));
    line(format!("  {}: {WORD} \"{TEXT}\"", k(Key::Purpose)));
    line(ask(
        "  ",
        t(
            "for a legal purpose: the law or decision it implements",
            "ved et lovkrav: den lov eller beslutning, det udmønter",
        ),
        None,
        optional,
    ));
    line(format!("  {}: \"{TEXT}\"", k(Key::LegalBasis)));
    line(key_ask(Key::Risk, Some(words::<RiskLevel>(lang)), ""));
    line(format!("  {}: {WORD} \"{TEXT}\"", k(Key::Risk)));
    line(key_ask(Key::Trigger, Some(words::<TriggerKind>(lang)), optional));
    let (cases, units) = (Unit::Cases.name(lang), Unit::Units.name(lang));
    line(match lang {
        Lang::En => format!(
            "  # A {} gives its numbers: how many {cases} at how many {units}.",
            TriggerKind::Pattern.name(lang)
        ),
        Lang::Da => format!(
            "  # Et {} angiver sine tal: hvor mange {cases} på hvor mange {units}.",
            TriggerKind::Pattern.name(lang)
        ),
    });
    line(format!("  {}: {WORD} \"{TEXT}\"", k(Key::Trigger)));
    line(key_ask(Key::Investigation, None, optional));
    line(format!("  {}: \"{TEXT}\"", k(Key::Investigation)));
    let all_word = Marker::All.name(lang);
    line(match lang {
        Lang::En => {
            format!("  # How many units it applies to; write `{all_word}` before the number if it is every unit.")
        }
        Lang::Da => format!("  # Hvor mange enheder det gælder; skriv `{all_word}` før tallet, hvis det er alle."),
    });
    line(format!("  {}: {WORD} {units} \"{TEXT}\"", k(Key::Scope)));
    line(key_ask(Key::Goal, None, ""));
    line(format!("  {}: \"{TEXT}\"", k(Key::Goal)));
    line(
        t(
            "  # Only if the method must be prescribed (a goal leaves it to the professionals):",
            "  # Kun hvis metoden skal foreskrives (et mål overlader den til fagpersonerne):",
        )
        .to_owned(),
    );
    line(format!("  # {}: \"{TEXT}\"", k(Key::Method)));
    line(format!(
        "{} {}",
        t(
            "  # Who decides how the work is done? The kodeks leaves that to the local leaders:",
            "  # Hvem beslutter, hvordan arbejdet gøres? Kodekset overlader det til de lokale ledere:",
        ),
        words::<Decider>(lang)
    ));
    line(format!("  {}: {WORD}", k(Key::DecidedBy)));
    line(format!(
        "{} {}",
        t(
            "  # Is it the same for every citizen, or done where a professional judges it useful, or as agreed with the citizen?",
            "  # Er det ens for alle borgere, eller gøres det, hvor en fagperson vurderer det nyttigt, eller efter aftale med borgeren?",
        ),
        words::<Application>(lang)
    ));
    line(format!("  {}: {WORD}", k(Key::AppliesTo)));
    line(key_ask(Key::Data, Some(words::<DataMode>(lang)), optional));
    line(format!("  {}: \"{TEXT}\" {WORD}", k(Key::Data)));
    line(
        t(
            "  # Who spends time on it, and how much: one block per group.",
            "  # Hvem der bruger tid på det, og hvor meget: én blok pr. gruppe.",
        )
        .to_owned(),
    );
    line(format!("  {} \"{TEXT}\" {{", k(Key::Burden)));
    line(burden_ask(BurdenKey::People, None, ""));
    line(format!("    {}: {WORD}", b(BurdenKey::People)));
    line(burden_ask(BurdenKey::Minutes, None, ""));
    line(format!("    {}: {WORD}", b(BurdenKey::Minutes)));
    line(burden_ask(
        BurdenKey::Frequency,
        Some(format!(
            "{}, N {}",
            words::<FrequencyWord>(lang),
            Unit::PerYear.name(lang)
        )),
        "",
    ));
    line(format!("    {}: {WORD}", b(BurdenKey::Frequency)));
    let (per_case, on_change) = (FrequencyWord::PerCase.name(lang), FrequencyWord::OnChange.name(lang));
    line(match lang {
        Lang::En => format!("    # With `{per_case}` or `{on_change}`: how many cases there are a year."),
        Lang::Da => format!("    # Ved `{per_case}` eller `{on_change}`: hvor mange sager der er om året."),
    });
    line(format!("    # {}: 120", b(BurdenKey::CasesPerYear)));
    line(burden_ask(
        BurdenKey::Frontline,
        Some(format!("{} / {}", YesNo::Yes.name(lang), YesNo::No.name(lang))),
        "",
    ));
    line(format!("    {}: {WORD}", b(BurdenKey::Frontline)));
    line("  }".to_owned());
    line(t(
        "  # How were the people who will spend the time heard (MeningsSamlingen, the local MED committee, a trial)?",
        "  # Hvordan er de, der skal bruge tiden, blevet hørt (MeningsSamlingen, det lokale MED-udvalg, en afprøvning)?",
    ).to_owned());
    line(format!("  {}: \"{TEXT}\"", k(Key::Heard)));
    line(key_ask(Key::Measure, Some(words::<MeasureKind>(lang)), ""));
    line(format!(
        "  {}: {} \"{TEXT}\"",
        k(Key::Measure),
        MeasureKind::Effect.name(lang)
    ));
    line(
        t(
            "  # How results are reported: periodic FREQUENCY, deviation or none.",
            "  # Hvordan der rapporteres: periodisk HYPPIGHED, afvigelse eller ingen.",
        )
        .to_owned(),
    );
    line(format!("  {}: {}", k(Key::Reporting), Marker::Deviation.name(lang)));
    line(key_ask(Key::Review, None, ""));
    line(format!(
        "  {}: {} 2 {}",
        k(Key::Review),
        Marker::After.name(lang),
        Unit::Years.name(lang)
    ));
    line(
        t(
            "  # Or the date on which it lapses by itself:",
            "  # Eller den dato, hvor det bortfalder af sig selv:",
        )
        .to_owned(),
    );
    line(format!("  # {}: 2030-12-31", k(Key::Sunset)));
    line(
        t(
            "  # The ids of the requirements it replaces, if any:",
            "  # Id'erne på de krav, det erstatter, hvis nogen:",
        )
        .to_owned(),
    );
    line(format!("  # {}: ABC-2019-02", k(Key::Replaces)));
    line(
        t(
            "  # How a unit can be exempted, or none.",
            "  # Hvordan en enhed kan fritages, eller ingen.",
        )
        .to_owned(),
    );
    line(format!("  {}: \"{TEXT}\"", k(Key::Dispensation)));
    line("}".to_owned());
    out
}
