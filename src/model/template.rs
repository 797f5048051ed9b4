//! The commented template proposal that `trustlint init` writes, in either
//! language. Every key and word comes from the keyword table beside it, so
//! the template cannot drift from the language.
//!
//! Placeholders are `TODO` where a keyword or number belongs (so `check`
//! says what is accepted there until it is filled in) and `"…"` where text
//! belongs.

use crate::diagnostics::Lang;
use crate::model::keywords::{Marker, Opener, Unit, YesNo};
use crate::model::{
    BurdenKey, DataMode, FrequencyWord, Key, Keyword, MeasureKind, PurposeKind, RiskLevel, TriggerKind,
};

/// The template in `lang`: Danish keywords and comments for `da`.
pub fn template(lang: Lang) -> String {
    let k = |key: Key| key.name(lang);
    let b = |key: BurdenKey| key.name(lang);
    let words = |names: Vec<&str>| names.join(", ");
    let all = |f: fn(Lang) -> Vec<&'static str>| words(f(lang));
    let purposes = all(|l| PurposeKind::SPELLINGS.iter().map(|s| s.in_lang(l)).collect());
    let risks = all(|l| RiskLevel::SPELLINGS.iter().map(|s| s.in_lang(l)).collect());
    let triggers = all(|l| TriggerKind::SPELLINGS.iter().map(|s| s.in_lang(l)).collect());
    let modes = all(|l| DataMode::SPELLINGS.iter().map(|s| s.in_lang(l)).collect());
    let measures = all(|l| MeasureKind::SPELLINGS.iter().map(|s| s.in_lang(l)).collect());
    let frequencies = all(|l| FrequencyWord::SPELLINGS.iter().map(|s| s.in_lang(l)).collect());
    let yes_no = format!("{} / {}", YesNo::Yes.name(lang), YesNo::No.name(lang));
    let t = |en: &'static str, da: &'static str| match lang {
        Lang::En => en,
        Lang::Da => da,
    };
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    line(t(
        "# A proposed control or documentation requirement, for trustlint.\n# Fill in every TODO and every \"…\", remove the lines marked (optional)\n# that do not apply, then run: trustlint check <this file>\n#\n# The Kodeks for tillid asks of every new requirement: what is it for, how\n# risky is the task, who pays for it in time, and how is its effect measured?",
        "# Et forslag til et kontrol- eller dokumentationskrav, til trustlint.\n# Udfyld alle TODO og alle \"…\", fjern de linjer mærket (valgfri), der ikke\n# er relevante, og kør så: trustlint check <denne fil>\n#\n# Kodeks for tillid spørger ethvert nyt krav: hvad er det til for, hvor\n# risikabel er opgaven, hvem betaler i tid, og hvordan måles effekten?",
    ).to_owned());
    line(format!(
        "{} \"{}\" {{",
        Opener::Requirement.name(lang),
        t("TODO: a short title", "TODO: en kort titel")
    ));
    line(
        t(
            "  # A unique id, like ABC-2026-01.",
            "  # Et entydigt id, fx ABC-2026-01.",
        )
        .to_owned(),
    );
    line(format!("  {}: TODO-ID", k(Key::Id)));
    line(
        t(
            "  # The committee or unit that proposes it. (optional)",
            "  # Udvalget eller enheden, der foreslår det. (valgfri)",
        )
        .to_owned(),
    );
    line(format!("  {}: \"…\"", k(Key::Owner)));
    line(format!(
        "{} {purposes}",
        t(
            "  # What it is for, one or more of:",
            "  # Hvad det er til for, ét eller flere af:"
        )
    ));
    line(format!("  {}: TODO \"…\"", k(Key::Purpose)));
    line(
        t(
            "  # For a legal purpose: the law or decision it implements. (optional)",
            "  # Ved et lovkrav: den lov eller beslutning, det udmønter. (valgfri)",
        )
        .to_owned(),
    );
    line(format!("  {}: \"…\"", k(Key::LegalBasis)));
    line(format!(
        "{} {risks}",
        t("  # The risk of the task, and why:", "  # Opgavens risiko, og hvorfor:")
    ));
    line(format!("  {}: TODO \"…\"", k(Key::Risk)));
    line(
        format!(
            "{} {triggers} (optional)",
            t("  # What triggered it:", "  # Hvad der udløste det:")
        )
        .replace("(optional)", t("(optional)", "(valgfri)")),
    );
    line(format!("  {}: TODO \"…\"", k(Key::Trigger)));
    line(
        t(
            "  # How the extent and origin of the problem were examined. (optional)",
            "  # Hvordan problemets omfang og udspring er undersøgt. (valgfri)",
        )
        .to_owned(),
    );
    line(format!("  {}: \"…\"", k(Key::Investigation)));
    let all_word = Marker::All.name(lang);
    line(match lang {
        Lang::En => {
            format!("  # How many units it applies to; write `{all_word}` before the number if it is every unit.")
        }
        Lang::Da => format!("  # Hvor mange enheder det gælder; skriv `{all_word}` før tallet, hvis det er alle."),
    });
    line(format!("  {}: TODO {} \"…\"", k(Key::Scope), Unit::Units.name(lang)));
    line(
        t(
            "  # What is to be achieved (rather than how).",
            "  # Hvad der skal opnås (frem for hvordan).",
        )
        .to_owned(),
    );
    line(format!("  {}: \"…\"", k(Key::Goal)));
    line(
        t(
            "  # Only if the method must be prescribed (a goal leaves it to the professionals):",
            "  # Kun hvis metoden skal foreskrives (et mål overlader den til fagpersonerne):",
        )
        .to_owned(),
    );
    line(format!("  # {}: \"…\"", k(Key::Method)));
    line(
        format!(
            "{} {modes} (optional)",
            t(
                "  # The data needed, each with how it is collected:",
                "  # De data, der skal bruges, hver med hvordan de indsamles:"
            )
        )
        .replace("(optional)", t("(optional)", "(valgfri)")),
    );
    line(format!("  {}: \"…\" TODO", k(Key::Data)));
    line(
        t(
            "  # Who spends time on it, and how much: one block per group.",
            "  # Hvem der bruger tid på det, og hvor meget: én blok pr. gruppe.",
        )
        .to_owned(),
    );
    line(format!("  {} \"…\" {{", k(Key::Burden)));
    line(format!("    {}: TODO", b(BurdenKey::People)));
    line(format!("    {}: TODO", b(BurdenKey::Minutes)));
    line(format!(
        "{} {frequencies}, N {}",
        t("    # How often:", "    # Hvor ofte:"),
        Unit::PerYear.name(lang)
    ));
    line(format!("    {}: TODO", b(BurdenKey::Frequency)));
    let per_case = FrequencyWord::PerCase.name(lang);
    line(match lang {
        Lang::En => format!("    # With `{per_case}`: how many cases there are a year."),
        Lang::Da => format!("    # Ved `{per_case}`: hvor mange sager der er om året."),
    });
    line(format!("    # {}: 120", b(BurdenKey::CasesPerYear)));
    line(format!(
        "{} {yes_no}",
        t(
            "    # Is the time taken from work with citizens?",
            "    # Tages tiden fra arbejdet med borgerne?"
        )
    ));
    line(format!("    {}: TODO", b(BurdenKey::Frontline)));
    line("  }".to_owned());
    line(format!(
        "{} {measures}",
        t("  # How the effect is measured:", "  # Hvordan effekten måles:")
    ));
    line(format!(
        "  {}: {} \"…\"",
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
    line(
        t(
            "  # When it is weighed again for abolition or simplification.",
            "  # Hvornår det vurderes igen med henblik på afskaffelse eller forenkling.",
        )
        .to_owned(),
    );
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
    line(format!("  {}: \"…\"", k(Key::Dispensation)));
    line("}".to_owned());
    out
}
